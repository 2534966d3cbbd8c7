// 领导接访/约访 linked to the 来访 cases of its day: saveReceptionDay and the picker's options.
import { afterEach, describe, expect, it } from 'vitest';

import { INFORMANT_MASK } from '../../../../../shared/ledgers/petitions';
import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { DomainError, insert, softDelete, SYSTEM_ACTOR } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import { withSeededOrg } from '../../../db/testing';

import { registerPetition, saveReceptionDay } from './commands';
import type { ReceptionInput } from './commands';
import { makeIdNo } from './idgen';
import { receptionDaysOfCase, visitCaseOptions } from './queries';
import { visit } from './testing';
import { signInAs, signOut } from './testing-session';
import type { RegistrationInput } from './validate';

const DAY = '2026-05-06';

const petition = (o: Partial<RegistrationInput> = {}) => visit({ receptionistId: org.head.id, ...o });

const day = (o: Partial<ReceptionInput> = {}): ReceptionInput => ({
  date: DAY,
  kind: 'reception',
  leaderId: org.director.id,
  place: '县人民来访接待中心',
  visitors: 5,
  cases: 3,
  ...o,
});

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).field).toBe('petitionIds');
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

const org = withSeededOrg('2026-05-20T10:00:00', async () => {
  await insert(db.units, { name: '金石镇人民政府', kind: 'township', active: true }, SYSTEM_ACTOR);
});
afterEach(() => {
  pinClock(null);
  signOut();
});

// 赵四's visit of the day, registered and then deleted.
async function deletedVisit(actor: Actor) {
  const gone = await registerPetition(
    petition({
      name: '赵四',
      idNo: makeIdNo('1966-06-06', 41),
      phone: '13807390004',
      summary: '反映村组账目多年未公开要求审计',
    }),
    actor,
  );
  await softDelete(db.petitions, gone.id, SYSTEM_ACTOR);
  return gone;
}

describe('领导接访 linked to the visit cases of its day', () => {
  it('links valid visit cases; cases follows the links; the case finds its reception day', async () => {
    const actor = org.actor(org.staff);
    const a = await registerPetition(petition(), actor);
    const b = await registerPetition(
      petition({
        name: '李小红',
        idNo: makeIdNo('1980-01-02', 21),
        phone: '13807390002',
        summary: '反映邻居违章搭建占用公共通道影响出行',
      }),
      actor,
    );
    const r = await saveReceptionDay(day({ petitionIds: [a.id, b.id, a.id] }), actor);
    expect(r.petitionIds).toEqual([a.id, b.id]);
    expect(r.cases).toBe(2); // not the typed 3
    expect((await db.receptionDays.get(r.id))!.petitionIds).toEqual([a.id, b.id]);
    expect((await receptionDaysOfCase(a)).map((d) => d.id)).toEqual([r.id]);

    // without links the typed count stays (visitors not registered as cases)
    const plain = await saveReceptionDay(day({ kind: 'appointment' }), actor);
    expect(plain.petitionIds).toEqual([]);
    expect(plain.cases).toBe(3);
    expect(await receptionDaysOfCase(a)).toHaveLength(1);
  });

  it('edits through update: the audit trail has the change of links and count', async () => {
    const actor = org.actor(org.staff);
    const a = await registerPetition(petition(), actor);
    const r = await saveReceptionDay(day(), actor);
    const u = await saveReceptionDay(day({ petitionIds: [a.id] }), actor, r.id);
    expect(u.id).toBe(r.id);
    expect(u.cases).toBe(1);
    const trail = await db.audit.where('[table+recordId]').equals(['receptionDays', r.id]).toArray();
    expect(trail.map((t) => t.action)).toEqual(['create', 'update']);
    const upd = trail[1];
    expect(upd.summary).toBe('修改领导接访');
    expect((upd.before as Record<string, unknown>).petitionIds).toEqual([]);
    expect((upd.after as Record<string, unknown>).petitionIds).toEqual([a.id]);
    expect((upd.after as Record<string, unknown>).cases).toBe(1);
  });

  it('refuses a case of another date, a letter, a deleted case and an unknown id', async () => {
    const actor = org.actor(org.staff);
    const other = await registerPetition(petition({ receivedOn: '2026-05-07' }), actor);
    const letter = await registerPetition(
      petition({ channel: 'letter', letterSource: '群众来信', visitors: undefined, receptionistId: null }),
      actor,
    );
    const gone = await deletedVisit(actor);

    expect((await refusal(saveReceptionDay(day({ petitionIds: [other.id] }), actor))).message).toContain(
      `${other.regNo}的来访日期是2026-05-07，不是接访日期${DAY}`,
    );
    expect((await refusal(saveReceptionDay(day({ petitionIds: [letter.id] }), actor))).message).toContain(
      '不是来访件',
    );
    expect((await refusal(saveReceptionDay(day({ petitionIds: [gone.id] }), actor))).message).toContain(
      '已删除',
    );
    expect((await refusal(saveReceptionDay(day({ petitionIds: ['nope'] }), actor))).message).toContain(
      '不存在',
    );
    expect(await db.receptionDays.count()).toBe(0); // nothing written
  });

  it('lists the visit cases of the day in the picker, masking informants without the right (PET-6)', async () => {
    const actor = org.actor(org.staff);
    const plain = await registerPetition(petition(), actor);
    const informant = await registerPetition(
      petition({
        name: '检举人',
        idNo: makeIdNo('1975-07-07', 31),
        phone: '13807390003',
        summary: '检举某局干部收受工程老板财物并违规拨付款项',
        informant: true,
        accusedNote: '某局干部',
      }),
      actor,
    );
    await registerPetition(
      petition({ receivedOn: '2026-05-07', summary: '另一日的来访反映道路损坏' }),
      actor,
    );
    await deletedVisit(actor);

    signInAs(org.staff); // 信访业务: may not see informants (PET-6)
    const masked = await visitCaseOptions(DAY);
    expect(masked.map((o) => o.value).sort()).toEqual([plain.id, informant.id].sort());
    const inf = masked.find((o) => o.value === informant.id)!;
    expect(inf.label).toContain(informant.regNo);
    expect(inf.label).toContain(INFORMANT_MASK);
    expect(inf.label).not.toContain('检举人');
    expect(masked.find((o) => o.value === plain.id)!.label).toBe(
      `${plain.regNo} 王大明 反映某建筑公司拖欠农民工…`,
    );

    signInAs(org.director);
    const open = await visitCaseOptions(DAY);
    expect(open.find((o) => o.value === informant.id)!.label).toContain('检举人');
    expect(await visitCaseOptions('')).toEqual([]);
  });
});
