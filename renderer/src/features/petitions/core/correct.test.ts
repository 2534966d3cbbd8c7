// 登记信息更正: correctRegistration in the repository, on fake-indexeddb.
import { describe, expect, it } from 'vitest';

import { db } from '../../../db/db';
import { DomainError } from '../../../db/repo';
import type { Staff, Unit } from '../../../db/schema/core';
import { withSeededOrg } from '../../../db/testing';

import {
  archivePetition,
  correctRegistration,
  notifyPetitioner,
  registerPetition,
  sortPetition,
} from './commands';
import { makeIdNo } from './idgen';
import { listPetitions } from './queries';
import { expectRefusal, letter, seedUnits } from './testing';
import { termKeys } from './text';
import { planCorrection } from './validate';
import type { RegistrationInput } from './validate';

let labour: Unit;
let police: Unit;

const audits = (id: string) => db.audit.where('[table+recordId]').equals(['petitions', id]).toArray();
const steps = (id: string) => db.petitionSteps.where('petitionId').equals(id).toArray();

const org = withSeededOrg('2026-05-20T10:00:00', async () => {
  ({ labour, police } = await seedUnits());
});

describe('登记信息更正 (correctRegistration)', () => {
  it('changes the fields, normalised as at registration, and the search index; number and dates stay', async () => {
    const actor = org.actor(org.staff);
    const p = await registerPetition(letter(), actor);
    const newId = makeIdNo('1971-04-16', 33).toLowerCase();
    const { petition: u, changed } = await correctRegistration(
      p.id,
      {
        name: ' 王大民 ',
        idNo: newId,
        phone: '138 0739 0002',
        address: '回龙镇石门村8组',
        township: '回龙镇',
        category: '城乡建设',
        summary: '反映回龙镇石门村自来水管道破裂，整组村民饮水困难',
      },
      '来信人姓名、住址录入错误，摘要抄错了另一封信',
      actor,
    );
    expect(changed).toEqual(['name', 'idNo', 'phone', 'address', 'township', 'category', 'summary']);
    const stored = (await db.petitions.get(p.id))!;
    expect(stored).toEqual(u);
    expect(stored.name).toBe('王大民');
    expect(stored.idNo).toBe(newId.toUpperCase());
    expect(stored.phone).toBe('13807390002');
    expect(stored.address).toBe('回龙镇石门村8组');
    expect(stored.township).toBe('回龙镇');
    expect(stored.category).toBe('城乡建设');
    expect(stored.terms).toEqual(termKeys(stored.summary, p.receivedOn, p.regNo));
    // what numbering and deadlines rest on is untouched
    for (const k of [
      'regNo',
      'series',
      'year',
      'seq',
      'channel',
      'receivedOn',
      'urgent',
      'createdAt',
    ] as const)
      expect(stored[k]).toEqual(p[k]);
    expect(stored.dueOn).toBe(p.dueOn);
    // the bigram index: the new words find the case, the old ones no longer do
    const find = async (text: string) => (await listPetitions({ text }, null)).rows.map((r) => r.id);
    expect(await find('管道破裂')).toEqual([p.id]);
    expect(await find('拖欠农民工')).toEqual([]);
    expect(await db.petitions.where('terms').startsWith('欠农|').count()).toBe(0);
    // the identity indexes follow the record
    expect((await listPetitions({ name: '王大民' }, null)).rows).toHaveLength(1);
    expect((await listPetitions({ name: '王大明' }, null)).rows).toHaveLength(0);
    expect(stored.nameKeys).toContain('wangdamin');
    expect((await listPetitions({ name: 'wangdamin' }, null)).rows).toHaveLength(1);
    expect((await listPetitions({ name: 'wangdaming' }, null)).rows).toHaveLength(0);
    expect(await db.petitions.where('idNo').equals(newId.toUpperCase()).count()).toBe(1);
  });

  it('writes the audit entry with before, after and the reason, and a step in the history', async () => {
    const actor = org.actor(org.staff);
    const p = await registerPetition(letter(), actor);
    await correctRegistration(p.id, { address: '金石镇黄家村5组' }, '门牌组别抄错', actor);
    const entry = (await audits(p.id)).find((a) => a.action === 'update')!;
    expect(entry.summary).toBe(`登记信息更正 ${p.regNo}：门牌组别抄错`);
    expect(entry.actorId).toBe(org.staff.id);
    expect((entry.before as Record<string, unknown>).address).toBe('金石镇黄家村3组');
    expect((entry.after as Record<string, unknown>).address).toBe('金石镇黄家村5组');
    expect(entry.after).not.toHaveProperty('name'); // only what changed
    const step = (await steps(p.id)).find((s) => s.kind === 'correct')!;
    expect(step.text).toBe('登记信息更正：门牌组别抄错');
    expect(step.data).toEqual({ fields: ['address'] });
    expect(step.byName).toBe(org.staff.name);
  });

  it('needs a reason, a change and valid input, checked as registration checks it', async () => {
    const p = await registerPetition(letter(), org.actor(org.staff));
    const before = (await db.petitions.get(p.id))!;
    const bad =
      makeIdNo('1970-03-15', 12).slice(0, 17) + (makeIdNo('1970-03-15', 12).endsWith('0') ? '1' : '0');
    // [the change, the reason given, by whom, the rule (null: none), the field, part of the message]
    const refused: [Partial<RegistrationInput>, string, Staff, string | null, string?, string?][] = [
      [{ address: '新地址' }, '  ', org.staff, null, 'reason', '更正原因'],
      [{ idNo: bad }, '身份证号错', org.staff, 'PET-1', 'idNo', '身份证号'],
      [{ phone: '12ab' }, '电话错', org.staff, 'PET-1', 'phone'],
      [{ name: ' ' }, '姓名', org.staff, 'PET-1', 'name', '信访人姓名'],
      [{ summary: '' }, '摘要', org.staff, 'PET-1', 'summary'],
      [{ township: '火星镇' }, '乡镇', org.staff, 'PET-1', 'township'],
      [{ address: ' 金石镇黄家村3组 ' }, '没改', org.staff, null, undefined, '没有更改'],
      [{ address: 'x' }, '无权', org.clerk, null],
    ];
    for (const [change, reason, by, rule, field, text] of refused) {
      await expectRefusal(correctRegistration(p.id, change, reason, org.actor(by)), rule, field, text);
    }
    expect(await db.petitions.get(p.id)).toEqual(before);
    expect((await audits(p.id)).filter((a) => a.action === 'update')).toEqual([]);
  });

  it('refuses an archived case and corrects a concluded one not yet archived', async () => {
    const actor = org.actor(org.staff);
    const p = await registerPetition(letter(), actor);
    await sortPetition(p.id, { decision: 'reject', on: '2026-05-07', reason: '不属于信访事项' }, actor);
    await notifyPetitioner(p.id, { on: '2026-05-08', way: '书面' }, actor);
    const ok = await correctRegistration(p.id, { phone: '13807390009' }, '电话号码错一位', actor);
    expect(ok.petition.phone).toBe('13807390009');
    await archivePetition(p.id, '2026-05-10', actor);
    await expectRefusal(
      correctRegistration(p.id, { phone: '13807390008' }, '再改', actor),
      null,
      'state',
      '已归档',
    );
    expect((await db.petitions.get(p.id))!.phone).toBe('13807390009');
  });

  it('keeps the informant flag and a masked identity to those who may see informants (PET-6)', async () => {
    const staff = org.actor(org.staff); // 信访业务: no petition.viewInformant
    const director = org.actor(org.director);
    const plain = await registerPetition(letter(), staff);
    await expectRefusal(
      correctRegistration(plain.id, { informant: true, accusedUnitIds: [police.id] }, '漏选检举', staff),
      'PET-6',
      'informant',
    );
    const inf = await registerPetition(
      letter({
        informant: true,
        accusedUnitIds: [police.id],
        name: '钱检举',
        summary: '检举县公安局某所长收受财物',
      }),
      staff,
    );
    await expectRefusal(
      correctRegistration(inf.id, { informant: false }, '不是检举', staff),
      'PET-6',
      'informant',
    );
    // an identity the user cannot see is not theirs to overwrite
    await expectRefusal(correctRegistration(inf.id, { name: '钱某' }, '改名', staff), 'PET-6', 'name');
    await expectRefusal(correctRegistration(inf.id, { address: '某地' }, '改址', staff), 'PET-6', 'address');
    // what they can see, they can correct; sending the unchanged flag is not a change
    const s = await correctRegistration(
      inf.id,
      { informant: true, summary: '检举县公安局某派出所所长收受财物', category: '政法' },
      '摘要补充',
      staff,
    );
    expect(s.changed).toEqual(['category', 'summary']);
    // the director may see informants: the flag and the identity are theirs to correct
    const d = await correctRegistration(
      inf.id,
      { name: '钱检举人', informant: false },
      '并非检举件',
      director,
    );
    expect(d.changed).toEqual(['name', 'informant', 'accusedUnitIds']);
    expect(d.petition.informant).toBe(false);
    expect(d.petition.accusedUnitIds).toEqual([]);
    const on = await correctRegistration(plain.id, { informant: true }, '实为检举件', director).catch(
      (e) => e,
    );
    expect(on).toBeInstanceOf(DomainError);
    expect((on as DomainError).field).toBe('accused');
    const again = await correctRegistration(
      plain.id,
      { informant: true, accusedUnitIds: [police.id] },
      '实为检举件',
      director,
    );
    expect(again.petition.informant).toBe(true);
    expect(again.petition.accusedUnitIds).toEqual([police.id]);
  });

  it('does not make the unit a case was forwarded to one it accuses (PET-6)', async () => {
    const director = org.actor(org.director);
    const p = await registerPetition(
      letter({ informant: true, accusedUnitIds: [police.id], summary: '检举某派出所' }),
      director,
    );
    await sortPetition(p.id, { decision: 'forward', on: '2026-05-07', unitId: labour.id }, director);
    await expectRefusal(
      correctRegistration(p.id, { accusedUnitIds: [police.id, labour.id] }, '漏选', director),
      'PET-6',
      'accused',
      '县人社局',
    );
    await expectRefusal(
      correctRegistration(p.id, { accusedNote: '县人社局某股长' }, '补充', director),
      'PET-6',
      'accused',
    );
  });

  it('corrects the representatives of a group visit with PET-12 checked', async () => {
    const actor = org.actor(org.staff);
    const reps = [{ name: '甲', idNo: null, phone: null }];
    const v = await registerPetition(
      letter({ channel: 'visit', visitors: 8, representatives: reps, receptionistId: org.head.id }),
      actor,
    );
    await expectRefusal(
      correctRegistration(v.id, { representatives: [] }, '删代表', actor),
      'PET-12',
      'representatives',
    );
    const u = await correctRegistration(
      v.id,
      {
        representatives: [
          { name: ' 甲乙 ', idNo: null, phone: '139 0000 0001' },
          { name: '', idNo: null },
        ],
      },
      '代表姓名写错',
      actor,
    );
    expect(u.petition.representatives).toEqual([{ name: '甲乙', idNo: null, phone: '13900000001' }]);
  });

  it('keeps petitionerUnknown in step with name and address (PET-2 notice)', async () => {
    const actor = org.actor(org.staff);
    const p = await registerPetition(letter({ address: '' }), actor);
    expect(p.petitionerUnknown).toBe(true);
    const u = await correctRegistration(p.id, { address: '金石镇黄家村3组' }, '补录住址', actor);
    expect(u.petition.petitionerUnknown).toBe(false);
    // the plan the form uses shows the same checks at once
    const plan = planCorrection(
      u.petition,
      { idNo: '123', name: '' },
      { today: '2026-05-20', townships: null },
    );
    expect(Object.keys(plan.errors).sort()).toEqual(['idNo', 'name']);
  });
});
