import { afterEach, describe, expect, it } from 'vitest';

import { INFORMANT_MASK } from '../../../../../shared/ledgers/petitions';
import {
  addDaysPeriod,
  petitionCompletionDue,
  petitionDecisionDue,
  reviewAnswerDue,
} from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { SYSTEM_ACTOR } from '../../../db/repo';
import type { Unit } from '../../../db/schema/core';
import { withSeededOrg } from '../../../db/testing';

import {
  answerReview,
  concludePetition,
  extendPetition,
  loadCtx,
  mayObject,
  nextDeadlineOf,
  notifyPetitioner,
  recordObjection,
  recordReplyReceived,
  recordUnitAcceptance,
  registerPetition,
  requestReview,
  sortPetition,
} from './commands';
import { makeIdNo } from './idgen';
import { findDuplicates, listPetitions } from './queries';
import { expectRefusal, letter, seedUnits } from './testing';
import { signInAs, signOut } from './testing-session';
import type { RegistrationInput } from './validate';

let township: Unit;
let labour: Unit;
let police: Unit;

const org = withSeededOrg('2026-05-20T10:00:00', async () => {
  ({ township, labour, police } = await seedUnits());
});

// a letter registered, accepted and answered by org.staff: [received, accepted, concluded, reply received]
async function concluded([received, sorted, on, reply]: string[], outcome: string, text: string) {
  const actor = org.actor(org.staff);
  const p = await registerPetition(letter({ receivedOn: received }), actor);
  await sortPetition(p.id, { decision: 'accept', on: sorted }, actor);
  return concludePetition(p.id, { on, outcome, text, replyReceivedOn: reply }, actor);
}
afterEach(() => {
  pinClock(null);
  signOut();
});

describe('registration numbers (PET-1)', () => {
  it('runs per series per year and restarts each year', async () => {
    const a = await registerPetition(letter({ receivedOn: '2025-12-30' }), org.actor(org.staff));
    const b = await registerPetition(
      letter({ receivedOn: '2025-12-31', summary: '另一件事情' }),
      org.actor(org.staff),
    );
    const c = await registerPetition(
      letter({ receivedOn: '2026-01-04', summary: '第三件事情' }),
      org.actor(org.staff),
    );
    const d = await registerPetition(
      letter({ receivedOn: '2026-01-05', summary: '第四件事情' }),
      org.actor(org.staff),
    );
    const v = await registerPetition(
      letter({
        channel: 'visit',
        receivedOn: '2026-01-05',
        visitors: 1,
        receptionistId: org.head.id,
        summary: '来访事项',
      }),
      org.actor(org.staff),
    );
    expect([a.regNo, b.regNo, c.regNo, d.regNo]).toEqual([
      '宁信来〔2025〕0001',
      '宁信来〔2025〕0002',
      '宁信来〔2026〕0001',
      '宁信来〔2026〕0002',
    ]);
    expect(v.regNo).toBe('宁信访〔2026〕0001');
  });

  it('uses the format of the settings', async () => {
    const { setSetting } = await import('../../../db/settings');
    await setSetting(
      'petition.settings',
      { numberFormats: { letter: 'XN-{year}-{seq}' }, seqDigits: 5 },
      SYSTEM_ACTOR,
    );
    const a = await registerPetition(letter(), org.actor(org.staff));
    expect(a.regNo).toBe('XN-2026-00001');
  });

  it('refuses a bad ID checksum, a future date and a missing petitioner at the field', async () => {
    const bad =
      makeIdNo('1970-03-15', 12).slice(0, 17) + (makeIdNo('1970-03-15', 12).endsWith('1') ? '2' : '1');
    // [the letter's change, the field refused, part of the message]
    const refused: [Partial<RegistrationInput>, string, string][] = [
      [{ idNo: bad }, 'idNo', '校验'],
      [{ receivedOn: '2026-05-21' }, 'receivedOn', '不能晚于今天'],
      [{ name: '  ' }, 'name', '信访人'],
      [{ township: '火星镇' }, 'township', '乡镇'],
    ];
    for (const [change, field, text] of refused) {
      await expectRefusal(registerPetition(letter(change), org.actor(org.staff)), undefined, field, text);
    }
    expect(await db.petitions.count()).toBe(0);
  });

  it('refuses a user without petition.register', async () => {
    await expectRefusal(registerPetition(letter(), org.actor(org.finance)), undefined, undefined, '没有权限');
  });
});

describe('duplicate check at registration (PET-10)', () => {
  const ctx = async () => ({ cal: await loadCalendar(), today: '2026-05-20' });

  it('finds the same petitioner by ID number', async () => {
    const first = await registerPetition(letter(), org.actor(org.staff));
    const found = await findDuplicates(
      { name: '王大明', idNo: makeIdNo('1970-03-15', 12), phone: null, summary: '要求解决宅基地纠纷' },
      await ctx(),
    );
    expect(found.map((c) => c.petition.id)).toEqual([first.id]);
    expect(found[0].samePetitioner).toBe(true);
  });

  it('finds the same petitioner by name and phone', async () => {
    const first = await registerPetition(letter({ idNo: null }), org.actor(org.staff));
    const found = await findDuplicates(
      { name: '王大明', phone: '13807390001', summary: '完全不同的内容：孩子上学问题' },
      await ctx(),
    );
    expect(found.map((c) => c.petition.id)).toEqual([first.id]);
    // the same phone under another name is not the same petitioner (and the content differs)
    expect(
      await findDuplicates({ name: '李四', phone: '13807390001', summary: '孩子上学问题' }, await ctx()),
    ).toEqual([]);
  });

  it('finds similar content from another petitioner, and not unrelated content', async () => {
    const first = await registerPetition(letter(), org.actor(org.staff));
    await registerPetition(
      letter({
        name: '赵六',
        idNo: null,
        phone: '13900000000',
        summary: '反映村里道路年久失修，雨天无法通行',
      }),
      org.actor(org.staff),
    );
    const found = await findDuplicates(
      { name: '张三', idNo: null, phone: null, summary: '反映某建筑公司拖欠农民工工资三万元，至今未付' },
      await ctx(),
    );
    expect(found.map((c) => c.petition.id)).toEqual([first.id]);
    expect(found[0].samePetitioner).toBe(false);
    expect(found[0].similarity).toBeGreaterThan(0.8);
    expect(await findDuplicates({ name: '张三', summary: '学校食堂卫生状况差' }, await ctx())).toEqual([]);
  });

  it('links a 重复件 to the case and records it on both', async () => {
    const first = await registerPetition(letter(), org.actor(org.staff));
    const second = await registerPetition(letter({ receivedOn: '2026-05-12' }), org.actor(org.staff), {
      duplicate: { kind: 'link', caseId: first.id, note: '同一事项再次来信' },
    });
    expect(second.state).toBe('duplicate');
    expect(second.duplicateOf).toBe(first.id);
    expect(second.dueOn).toBeNull();
    const steps = await db.petitionSteps
      .where('[petitionId+at]')
      .between([first.id, ''], [first.id, '\uffff'])
      .toArray();
    expect(steps.map((s) => s.kind)).toContain('duplicate');
  });

  it('dates 收到重复件 in the case history at the duplicate’s receipt date, not the registration date', async () => {
    // the clock is at 2026-05-20; the duplicate letter arrived on the 12th
    const first = await registerPetition(letter(), org.actor(org.staff));
    const second = await registerPetition(letter({ receivedOn: '2026-05-12' }), org.actor(org.staff), {
      duplicate: { kind: 'link', caseId: first.id },
    });
    const stepsOf = (id: string) =>
      db.petitionSteps.where('[petitionId+at]').between([id, ''], [id, '\uffff']).toArray();
    const onMaster = (await stepsOf(first.id)).find((s) => s.kind === 'duplicate')!;
    expect(onMaster.text).toContain('收到重复件');
    expect(onMaster.on).toBe('2026-05-12');
    const onDuplicate = (await stepsOf(second.id)).find((s) => s.kind === 'duplicate')!;
    expect(onDuplicate.on).toBe('2026-05-12');
  });
});

describe('handling flow and deadlines (PET-2..5, PET-9)', () => {
  it('moves the next deadline through the whole flow', async () => {
    const cal = await loadCalendar();
    const actor = org.actor(org.staff);
    let p = await registerPetition(letter(), actor);
    expect(p.dueOn).toBe(petitionDecisionDue('2026-05-06', cal));
    expect(p.dueOn).toBe('2026-05-21');
    expect(p.dueKind).toBe('sort');

    p = await sortPetition(p.id, { decision: 'accept', on: '2026-05-08' }, actor);
    expect(p.state).toBe('accepted');
    expect(p.dueKind).toBe('notify');
    expect(p.dueOn).toBe(petitionDecisionDue('2026-05-06', cal));

    p = await notifyPetitioner(p.id, { on: '2026-05-09', way: '书面' }, actor);
    expect(p.dueKind).toBe('conclude');
    expect(p.dueOn).toBe(petitionCompletionDue('2026-05-08', 0, cal));

    // the director extends (PET-4): by at most 30 days, once
    const extend = (days: number, reason: string, on: string, by = org.director) =>
      extendPetition(p.id, { days, reason, on, toldPetitioner: true }, org.actor(by));
    await expectRefusal(extend(30, '需调查', '2026-05-10', org.staff), 'PET-4');
    await expectRefusal(extend(31, '需调查', '2026-05-10'), 'PET-4', 'days');
    p = await extend(30, '涉及多个部门需调查核实', '2026-05-10');
    expect(p.dueOn).toBe(petitionCompletionDue('2026-05-08', 30, cal));
    await expectRefusal(extend(5, '再延', '2026-05-11'), 'PET-4', 'days', '一次');

    p = await concludePetition(
      p.id,
      { on: '2026-05-15', outcome: '已解决', text: '督促公司支付工资' },
      actor,
    );
    expect(p.state).toBe('concluded');
    expect(p.dueOn).toBeNull();
    await expectRefusal(requestReview(p.id, { on: '2026-05-16' }, actor), 'PET-5', 'on', '收到书面答复');

    p = await recordReplyReceived(p.id, '2026-05-16', actor);
    expect(nextDeadlineOf(p, cal, (await loadCtx()).settings, '2026-05-17')?.kind).toBe('review_request');

    p = await requestReview(p.id, { on: '2026-05-18' }, actor);
    expect(p.state).toBe('review');
    expect(p.dueOn).toBe(reviewAnswerDue('2026-05-18', cal));

    p = await answerReview(p.id, { on: '2026-05-19', result: '维持', text: '维持原处理意见' }, actor);
    expect(p.state).toBe('concluded');
    expect(p.concludedAt).toBe('review');
    expect(p.dueOn).toBeNull();

    p = await requestReview(p.id, { on: '2026-05-20' }, actor);
    expect(p.state).toBe('recheck');
    expect(p.dueOn).toBe(addDaysPeriod('2026-05-20', 30, cal));

    p = await answerReview(p.id, { on: '2026-05-20', result: '维持', text: '复核维持' }, actor);
    expect(p.concludedAt).toBe('recheck');
    await expectRefusal(requestReview(p.id, { on: '2026-05-20' }, actor), 'PET-5', 'on', '不再受理');
  });

  it('refuses a 复查 request after 30 days', async () => {
    const actor = org.actor(org.staff);
    const p = await concluded(['2026-02-02', '2026-02-03', '2026-03-02', '2026-03-03'], '已解决', '已处理');
    await expectRefusal(requestReview(p.id, { on: '2026-05-06' }, actor), 'PET-5', 'on', '超过');
  });

  it('requires a reason for 不予受理 and a unit for 转送', async () => {
    const p = await registerPetition(letter(), org.actor(org.staff));
    await expectRefusal(
      sortPetition(p.id, { decision: 'reject', on: '2026-05-07', reason: ' ' }, org.actor(org.staff)),
      'PET-2',
      'reason',
    );
    await expectRefusal(
      sortPetition(p.id, { decision: 'forward', on: '2026-05-07' }, org.actor(org.staff)),
      'PET-8',
      'unitId',
    );
    await expectRefusal(
      sortPetition(p.id, { decision: 'accept', on: '2026-05-05' }, org.actor(org.staff)),
      undefined,
      'on',
      '不能早于',
    );
  });

  it('starts the PET-4 clock of a 交办 at the unit’s acceptance; objections within 5 working days re-route the whole case (PET-3)', async () => {
    const cal = await loadCalendar();
    const actor = org.actor(org.staff);
    let p = await registerPetition(letter(), actor);
    p = await sortPetition(p.id, { decision: 'hand_down', on: '2026-05-07', unitId: township.id }, actor);
    expect(p.unitName).toBe('金石镇人民政府');
    p = await notifyPetitioner(p.id, { on: '2026-05-07', way: '书面' }, actor);
    expect(p.dueOn).toBe(petitionCompletionDue('2026-05-07', 0, cal));
    p = await recordObjection(
      p.id,
      { on: '2026-05-12', reason: '属劳动监察职责', newUnitId: labour.id },
      actor,
    );
    expect(p.unitId).toBe(labour.id);
    expect(p.handedOn).toBe('2026-05-12');
    p = await recordUnitAcceptance(p.id, '2026-05-13', actor);
    expect(p.dueOn).toBe(petitionCompletionDue('2026-05-13', 0, cal));
    // 2026-05-12 + 5 working days = 2026-05-19; an objection on the 20th is late
    await expectRefusal(
      recordObjection(p.id, { on: '2026-05-20', reason: '不属本单位', newUnitId: police.id }, actor),
      'PET-3',
      'on',
    );
  });

  it('refuses an objection once the unit has accepted the 交办 (PET-3)', async () => {
    const actor = org.actor(org.staff);
    let p = await registerPetition(letter(), actor);
    p = await sortPetition(p.id, { decision: 'hand_down', on: '2026-05-07', unitId: township.id }, actor);
    expect(mayObject(p)).toBe(true);
    p = await recordUnitAcceptance(p.id, '2026-05-08', actor);
    expect(mayObject(p)).toBe(false);
    // still within the 5 working days, but the unit has taken the matter on
    await expectRefusal(
      recordObjection(p.id, { on: '2026-05-11', reason: '不属本单位', newUnitId: labour.id }, actor),
      'PET-3',
      'on',
      '受理，不能再提出异议',
    );
    expect((await db.petitions.get(p.id))!.unitId).toBe(township.id);
  });
});

describe('informants (PET-6)', () => {
  it('refuses forwarding or re-routing an informant case to the accused unit, in the repository', async () => {
    const actor = org.actor(org.staff);
    const p = await registerPetition(
      letter({ informant: true, accusedUnitIds: [labour.id], summary: '检举县人社局工作人员收受好处费' }),
      actor,
    );
    const e = await expectRefusal(
      sortPetition(p.id, { decision: 'forward', on: '2026-05-07', unitId: labour.id }, actor),
      'PET-6',
      'unitId',
    );
    expect(e.message).toContain('被检举单位');
    await expectRefusal(
      sortPetition(p.id, { decision: 'hand_down', on: '2026-05-07', unitId: labour.id }, actor),
      'PET-6',
    );
    const ok = await sortPetition(
      p.id,
      { decision: 'hand_down', on: '2026-05-07', unitId: police.id },
      actor,
    );
    await expectRefusal(
      recordObjection(ok.id, { on: '2026-05-08', reason: '不属本单位', newUnitId: labour.id }, actor),
      'PET-6',
    );
    expect((await db.petitions.get(p.id))!.unitId).toBe(police.id);
  });

  it('also refuses a unit named in the free-text accused field', async () => {
    const p = await registerPetition(
      letter({ informant: true, accusedNote: '县公安局某派出所', summary: '检举' }),
      org.actor(org.staff),
    );
    await expectRefusal(
      sortPetition(p.id, { decision: 'forward', on: '2026-05-07', unitId: police.id }, org.actor(org.staff)),
      'PET-6',
    );
  });

  it('masks the identity in lists for users without petition.viewInformant and hides them from identity searches', async () => {
    const idNo = makeIdNo('1980-01-01', 7);
    await registerPetition(
      letter({ informant: true, accusedUnitIds: [police.id], idNo, name: '钱检举', summary: '检举事项' }),
      org.actor(org.staff),
    );
    await registerPetition(
      letter({ name: '普通人', idNo: null, phone: null, summary: '普通事项' }),
      org.actor(org.staff),
    );
    signInAs(org.staff); // 信访业务: may not see informants
    const masked = await listPetitions({}, null);
    const inf = masked.rows.find((r) => r.informant)!;
    expect(inf.name).toBe(INFORMANT_MASK);
    expect(inf.idNo).toBe(INFORMANT_MASK);
    expect(inf.phone).toBe(INFORMANT_MASK);
    expect(inf.address).toBe(INFORMANT_MASK);
    expect(masked.rows.find((r) => !r.informant)!.name).toBe('普通人');
    expect((await listPetitions({ idNo }, null)).rows).toEqual([]);
    signInAs(org.director);
    const open = await listPetitions({}, null);
    expect(open.rows.find((r) => r.informant)!.name).toBe('钱检举');
    expect((await listPetitions({ idNo }, null)).rows).toHaveLength(1);
  });
});

describe('repeat after 复核 (PET-5)', () => {
  it('registers the same matter raised again after 复核 as 重复信访, not accepted', async () => {
    const actor = org.actor(org.staff);
    let p = await concluded(
      ['2026-03-02', '2026-03-03', '2026-03-20', '2026-03-21'],
      '不予支持',
      '诉求无依据',
    );
    p = await requestReview(p.id, { on: '2026-03-25' }, actor);
    p = await answerReview(p.id, { on: '2026-04-10', result: '维持', text: '维持' }, actor);
    p = await requestReview(p.id, { on: '2026-04-15' }, actor);
    p = await answerReview(p.id, { on: '2026-05-05', result: '维持', text: '复核维持' }, actor);

    const found = await findDuplicates(
      { name: '王大明', idNo: p.idNo, phone: p.phone, summary: p.summary },
      { cal: await loadCalendar(), today: '2026-05-20' },
    );
    expect(found[0].finalAtRecheck).toBe(true);

    const again = await registerPetition(letter({ receivedOn: '2026-05-18' }), actor, {
      duplicate: { kind: 'link', caseId: p.id, note: '同一事实和理由', sameFacts: true },
    });
    expect(again.state).toBe('repeat');
    expect(again.dueOn).toBeNull();
    await expectRefusal(sortPetition(again.id, { decision: 'accept', on: '2026-05-19' }, actor), 'PET-2');

    const other = await registerPetition(letter({ receivedOn: '2026-05-18', summary: '新的事实' }), actor, {
      duplicate: { kind: 'link', caseId: p.id, sameFacts: false },
    });
    expect(other.state).toBe('duplicate');
  });
});
