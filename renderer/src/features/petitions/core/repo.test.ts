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
import { DomainError, insert, SYSTEM_ACTOR } from '../../../db/repo';
import type { Unit } from '../../../db/schema/core';
import { withSeededOrg } from '../../../db/testing';

import {
  acknowledgeDirectorNotice,
  answerReview,
  assignHandler,
  concludePetition,
  downgradeUrgent,
  extendPetition,
  loadCtx,
  mayObject,
  nextDeadlineOf,
  notifyPetitioner,
  recordObjection,
  recordRecusal,
  recordReply,
  recordReplyReceived,
  recordUnitAcceptance,
  registerPetition,
  reportUrgent,
  requestReview,
  sortPetition,
} from './commands';
import { makeIdNo } from './idgen';
import { checkImport, importPetitions, rowsFromSheet } from './import';
import { findDuplicates, listPetitions } from './queries';
import { signInAs, signOut } from './testing-session';
import type { RegistrationInput } from './validate';

let township: Unit;
let labour: Unit;
let police: Unit;

async function expectRefusal(p: Promise<unknown>, rule: string | undefined, field?: string, text?: string) {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    const d = e as DomainError;
    if (rule) expect(d.ruleId).toBe(rule);
    if (field) expect(d.field).toBe(field);
    if (text) expect(d.message).toContain(text);
    return d;
  }
  throw new Error('expected a refusal');
}

const letter = (o: Partial<RegistrationInput> = {}): RegistrationInput => ({
  channel: 'letter',
  receivedOn: '2026-05-06',
  letterSource: '群众来信',
  name: '王大明',
  idNo: makeIdNo('1970-03-15', 12),
  phone: '13807390001',
  address: '金石镇黄家村3组',
  township: '金石镇',
  category: '劳动社保',
  summary: '反映某建筑公司拖欠农民工工资三万元至今未付，多次讨要无果',
  ...o,
});

const org = withSeededOrg('2026-05-20T10:00:00', async () => {
  township = await insert(db.units, { name: '金石镇人民政府', kind: 'township', active: true }, SYSTEM_ACTOR);
  await insert(db.units, { name: '回龙镇人民政府', kind: 'township', active: true }, SYSTEM_ACTOR);
  labour = await insert(db.units, { name: '县人社局', kind: 'department', active: true }, SYSTEM_ACTOR);
  police = await insert(db.units, { name: '县公安局', kind: 'department', active: true }, SYSTEM_ACTOR);
  await insert(
    db.responsibleRoutes,
    { township: '金石镇', subject: '劳动社保', unitId: labour.id },
    SYSTEM_ACTOR,
  );
});
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
    await expectRefusal(
      registerPetition(letter({ idNo: bad }), org.actor(org.staff)),
      undefined,
      'idNo',
      '校验',
    );
    await expectRefusal(
      registerPetition(letter({ receivedOn: '2026-05-21' }), org.actor(org.staff)),
      undefined,
      'receivedOn',
      '不能晚于今天',
    );
    await expectRefusal(
      registerPetition(letter({ name: '  ' }), org.actor(org.staff)),
      undefined,
      'name',
      '信访人',
    );
    await expectRefusal(
      registerPetition(letter({ township: '火星镇' }), org.actor(org.staff)),
      undefined,
      'township',
      '乡镇',
    );
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

    await expectRefusal(
      extendPetition(p.id, { days: 30, reason: '需调查', on: '2026-05-10', toldPetitioner: true }, actor),
      'PET-4',
    );
    await expectRefusal(
      extendPetition(
        p.id,
        { days: 31, reason: '需调查', on: '2026-05-10', toldPetitioner: true },
        org.actor(org.director),
      ),
      'PET-4',
      'days',
    );
    p = await extendPetition(
      p.id,
      { days: 30, reason: '涉及多个部门需调查核实', on: '2026-05-10', toldPetitioner: true },
      org.actor(org.director),
    );
    expect(p.dueOn).toBe(petitionCompletionDue('2026-05-08', 30, cal));
    await expectRefusal(
      extendPetition(
        p.id,
        { days: 5, reason: '再延', on: '2026-05-11', toldPetitioner: true },
        org.actor(org.director),
      ),
      'PET-4',
      'days',
      '一次',
    );

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
    let p = await registerPetition(letter({ receivedOn: '2026-02-02' }), actor);
    p = await sortPetition(p.id, { decision: 'accept', on: '2026-02-03' }, actor);
    p = await concludePetition(
      p.id,
      { on: '2026-03-02', outcome: '已解决', text: '已处理', replyReceivedOn: '2026-03-03' },
      actor,
    );
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
    let p = await registerPetition(letter({ receivedOn: '2026-03-02' }), actor);
    p = await sortPetition(p.id, { decision: 'accept', on: '2026-03-03' }, actor);
    p = await concludePetition(
      p.id,
      { on: '2026-03-20', outcome: '不予支持', text: '诉求无依据', replyReceivedOn: '2026-03-21' },
      actor,
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

describe('group visits (PET-12)', () => {
  const visit = (o: Partial<RegistrationInput>) =>
    letter({
      channel: 'visit',
      visitors: 8,
      receptionistId: org.head.id,
      summary: '集体反映征地补偿问题',
      ...o,
    });

  it('requires 1 to 5 representatives when more than 5 people come', async () => {
    await expectRefusal(
      registerPetition(visit({ representatives: [] }), org.actor(org.staff)),
      'PET-12',
      'representatives',
    );
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i + 1}` }));
    await expectRefusal(
      registerPetition(visit({ representatives: six }), org.actor(org.staff)),
      'PET-12',
      'representatives',
      '5',
    );
    const ok = await registerPetition(
      visit({ representatives: [{ name: '代表甲', idNo: makeIdNo('1965-05-05', 3) }, { name: '代表乙' }] }),
      org.actor(org.staff),
    );
    expect(ok.visitors).toBe(8);
    expect(ok.representatives).toHaveLength(2);
    expect(ok.receptionistName).toBe(org.head.name);
    expect(ok.regNo).toBe('宁信访〔2026〕0001');
  });

  it('allows a small visit without representatives, and needs the receptionist', async () => {
    const ok = await registerPetition(visit({ visitors: 3, representatives: [] }), org.actor(org.staff));
    expect(ok.representatives).toEqual([]);
    await expectRefusal(
      registerPetition(visit({ visitors: 2, receptionistId: null }), org.actor(org.staff)),
      undefined,
      'receptionistId',
    );
  });
});

describe('recusal (PET-13)', () => {
  it('keeps a recused member from being assigned, and withdraws a recused assignee', async () => {
    const actor = org.actor(org.head);
    let p = await registerPetition(letter(), actor);
    p = await assignHandler(p.id, org.staff.id, actor);
    expect(p.assigneeName).toBe(org.staff.name);
    p = await recordRecusal(
      p.id,
      { staffId: org.staff.id, reason: 'relative', on: '2026-05-08', note: '信访人是其舅舅' },
      actor,
    );
    expect(p.assigneeId).toBeNull();
    await expectRefusal(assignHandler(p.id, org.staff.id, actor), 'PET-13', 'staffId');
    p = await assignHandler(p.id, org.head.id, actor);
    expect(p.assigneeId).toBe(org.head.id);
  });
});

describe('urgent matters (PET-7) and replies (PET-11)', () => {
  it('keeps an urgent matter open until reported; a late report or a downgrade needs a reason the director sees', async () => {
    const actor = org.actor(org.staff);
    const p = await registerPetition(letter({ urgent: true, summary: '群体聚集可能引发冲突' }), actor);
    expect(p.urgentOpen).toBe(1);
    await expectRefusal(
      reportUrgent(p.id, { at: '2026-05-20T10:30', recipients: [] }, actor),
      'PET-7',
      'recipients',
    );
    const r = await reportUrgent(
      p.id,
      { at: '2026-05-20T10:30', recipients: ['县委', '县政府', '市信访局'] },
      actor,
    );
    expect(r.urgentOpen).toBeNull();
    expect(r.urgentReport?.recipients).toEqual(['县委', '县政府', '市信访局']);
    expect(r.directorNoticeOpen).toBeNull();

    await expectRefusal(downgradeUrgent(p.id, ' ', actor), 'PET-7', 'reason');
    const d = await downgradeUrgent(p.id, '经核实为个人纠纷', actor);
    expect(d.urgent).toBe(false);
    expect(d.directorNoticeOpen).toBe(1);
    await expectRefusal(acknowledgeDirectorNotice(p.id, actor), 'PET-7');
    expect((await acknowledgeDirectorNotice(p.id, org.actor(org.director))).directorNoticeOpen).toBeNull();
    expect(await db.petitions.where('directorNoticeOpen').equals(1).count()).toBe(0);
  });

  it('records a complaint about a reply’s attitude against the staff member', async () => {
    const p = await registerPetition(letter(), org.actor(org.staff));
    await recordReply(
      p.id,
      {
        on: '2026-05-10',
        way: '电话',
        text: '已电话答复',
        staffId: org.staff.id,
        complaint: { staffId: org.staff.id, content: '态度生硬' },
      },
      org.actor(org.head),
    );
    const complaints = await db.staffComplaints.toArray();
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatchObject({
      staffId: org.staff.id,
      source: 'petition_reply',
      sourceRef: p.id,
      kind: 'attitude',
      status: 'received',
    });
  });
});

describe('list and search', () => {
  it('pages by key, 50 a page, with a count from the index, and finds Chinese text', async () => {
    const actor = org.actor(org.staff);
    const { writeTx } = await import('../../../db/repo');
    const { registerTx, writeTables } = await import('./commands');
    const ctx = await loadCtx(actor);
    await writeTx(writeTables(), async () => {
      for (let i = 0; i < 120; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        await registerTx(
          letter({
            receivedOn: `2026-04-${day}`,
            idNo: null,
            phone: null,
            name: `人${i}`,
            summary: i % 10 === 0 ? `第${i}件 反映自来水管道破裂漏水` : `第${i}件 其他事项编号${i}`,
          }),
          {},
          ctx,
          actor,
        );
      }
    });
    const seen = new Set<string>();
    let page = await listPetitions({}, null);
    expect(page.count).toBe(120);
    expect(page.countExact).toBe(true);
    const sizes: number[] = [];
    for (;;) {
      sizes.push(page.rows.length);
      for (const r of page.rows) {
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
      }
      if (!page.next) break;
      page = await listPetitions({}, page.next);
    }
    expect(sizes).toEqual([50, 50, 20]);
    // the count is cached until the petitions change
    await registerPetition(letter({ idNo: null, phone: null, name: '新来信', summary: '新的事项' }), actor);
    expect((await listPetitions({}, null)).count).toBe(121);
    expect((await listPetitions({ category: '劳动社保' }, null)).count).toBe(121);
    const hits = await listPetitions({ text: '管道破裂' }, null);
    expect(hits.rows).toHaveLength(12);
    expect(hits.rows.every((r) => r.summary.includes('管道破裂'))).toBe(true);
    // full text pages by key too: 108 summaries hold 其他事项
    const seenText = new Set<string>();
    let tp = await listPetitions({ text: '其他事项' }, null);
    expect(tp.count).toBe(108);
    const textSizes: number[] = [];
    for (;;) {
      textSizes.push(tp.rows.length);
      for (const r of tp.rows) {
        expect(r.summary).toContain('其他事项');
        expect(seenText.has(r.id)).toBe(false);
        seenText.add(r.id);
      }
      if (!tp.next) break;
      tp = await listPetitions({ text: '其他事项' }, tp.next);
    }
    expect(textSizes).toEqual([50, 50, 8]);
    expect(
      (await listPetitions({ text: '其他事项', from: '2026-04-01', to: '2026-04-01' }, null)).rows.every(
        (r) => r.receivedOn === '2026-04-01',
      ),
    ).toBe(true);
    const ranged = await listPetitions({ from: '2026-04-01', to: '2026-04-02', category: '劳动社保' }, null);
    expect(ranged.rows.every((r) => r.receivedOn <= '2026-04-02')).toBe(true);
    expect(ranged.count).toBe(ranged.rows.length);
    expect((await listPetitions({ regNo: '宁信来〔2026〕0007' }, null)).rows.map((r) => r.regNo)).toEqual([
      '宁信来〔2026〕0007',
    ]);
  });
});

describe('import (all or nothing)', () => {
  const sheet = (rows: (string | Date | number | null)[][]) =>
    rowsFromSheet([
      ['全国信访信息系统导出'],
      [
        '登记编号',
        '收信日期',
        '来信人',
        '身份证号',
        '联系电话',
        '所属乡镇',
        '问题类别',
        '内容摘要',
        '全国系统录入编号',
      ],
      ...rows,
    ]);

  it('refuses every row when one is bad, with the reason per row', async () => {
    const { rows } = sheet([
      [
        'XN001',
        new Date(Date.UTC(2026, 3, 2)),
        '甲',
        makeIdNo('1960-01-01', 1),
        '13800000001',
        '金石镇',
        '劳动社保',
        '工资问题',
        'GJ001',
      ],
      ['XN002', '2026/4/3', '', null, null, '金石镇', '劳动社保', '工资问题', null],
      ['XN003', '2026-06-01', '丙', '430528196001010000', null, '火星镇', '劳动社保', '工资问题', null],
    ]);
    const checked = await checkImport(rows, { actor: SYSTEM_ACTOR });
    const texts = (i: number) => checked.rows[i].errors.map((e) => e.text);
    expect(checked.rows[0].errors).toEqual([]);
    expect(texts(1)).toContain('缺少信访人（来信人）');
    expect(texts(2).join()).toMatch(/不能晚于今天/);
    expect(texts(2).join()).toMatch(/身份证号/);
    expect(texts(2).join()).toMatch(/火星镇/);
    await expectRefusal(
      importPetitions(checked, new Map(), org.actor(org.staff)),
      'PET-1',
      'rows',
      '未导入任何数据',
    );
    expect(await db.petitions.count()).toBe(0);
  });

  it('rolls every row back when a write fails half-way', async () => {
    const { rows } = sheet([
      ['XN101', '2026-04-02', '甲', null, null, '金石镇', '劳动社保', '工资问题', null],
      ['XN102', '2026-04-03', '乙', null, null, '金石镇', '劳动社保', '工资问题', null],
    ]);
    const auditBefore = await db.audit.count();
    const hook = (_pk: unknown, obj: { regNo?: string }) => {
      if (obj.regNo === 'XN102') throw new Error('磁盘已满（模拟）');
    };
    db.petitions.hook('creating', hook);
    try {
      const checked = await checkImport(rows, { actor: SYSTEM_ACTOR });
      await expect(importPetitions(checked, new Map(), org.actor(org.staff))).rejects.toThrow('磁盘已满');
    } finally {
      db.petitions.hook('creating').unsubscribe(hook);
    }
    expect(await db.petitions.count()).toBe(0);
    expect(await db.petitionSteps.count()).toBe(0);
    expect(await db.audit.count()).toBe(auditBefore);
  });

  it('imports all valid rows in one go, keeping their numbers', async () => {
    const { rows } = sheet([
      [
        'XN001',
        new Date(Date.UTC(2026, 3, 2)),
        '甲',
        makeIdNo('1960-01-01', 1),
        '13800000001',
        '金石镇',
        '劳动社保',
        '工资问题',
        'GJ001',
      ],
      ['宁信来〔2026〕0009', 46115, '乙', null, null, '回龙镇', '国土资源', '宅基地纠纷', null],
    ]);
    expect(rows[1].input.receivedOn).toBe('2026-04-03');
    const checked = await checkImport(rows, { actor: SYSTEM_ACTOR });
    expect((await importPetitions(checked, new Map(), org.actor(org.staff))).imported).toBe(2);
    const all = await db.petitions.orderBy('regNo').toArray();
    expect(all.map((p) => p.regNo).sort()).toEqual(['XN001', '宁信来〔2026〕0009'].sort());
    expect(all.find((p) => p.regNo === 'XN001')!.nationalNo).toBe('GJ001');
    const next = await registerPetition(letter(), org.actor(org.staff));
    expect(next.regNo).toBe('宁信来〔2026〕0010');
    // a number already taken: the same record imported before (only 跳过), never a second XN001
    const again = await checkImport(rows.slice(0, 1), { actor: SYSTEM_ACTOR });
    expect(again.rows[0]).toMatchObject({
      status: 'duplicate',
      matches: [{ regNo: 'XN001', sameNumber: true }],
    });
    await expectRefusal(importPetitions(again, new Map(), org.actor(org.staff)), 'PET-10', 'rows', '第3行');
  });
});
