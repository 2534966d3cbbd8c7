// Integrity (廉政建设制度): the gift register with its hand-over to 纪检 (INT-1), and the integrity
// pledge signed per person per year (ASM-1 item 8).
import type { ISODate } from '../../../../../shared/rules';
import { requireActDate } from '../../../db/actDate';
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, live } from '../../../db/live';
import { DomainError, insert, softDelete, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Gift, GiftKind, Pledge } from '../../../db/schema/supervision';
import { requireDate, requireStaff, requireText, staffOf, yearOf } from '../../../db/validate';
import { GIFT_KIND_LABELS } from '../labels';

export type GiftInput = {
  staffId: string;
  receivedOn: ISODate;
  giver: string;
  description: string;
  kind: GiftKind;
  valueFen: number | null; // null: not valued (未估价), distinct from 0
  handling: string;
};

// INT-1: anyone registers what they could not refuse; 纪检 may register for anyone.
function checkGift(input: GiftInput) {
  requireStaff(input.staffId, 'staffId', '收受人');
  requireDate(input.receivedOn, 'receivedOn', '收受日期');
  requireActDate(input.receivedOn, 'receivedOn', '收受日期', 'INT-1');
  const giver = requireText(input.giver, 'giver', '赠送人（单位）', 100);
  const description = requireText(input.description, 'description', '礼品礼金名称及数量', 200);
  if (!GIFT_KIND_LABELS[input.kind]) throw new DomainError('请选择类别', 'kind');
  if (input.valueFen != null && (!Number.isSafeInteger(input.valueFen) || input.valueFen < 0))
    throw new DomainError('估值有误', 'value');
  return { giver, description };
}

export const registerGift = defineCommand({
  what: '登记礼品',
  perm: null,
  tables: (d) => [d.gifts, d.staff],
  validate: (input: GiftInput) => void checkGift(input),
  run: async (ctx, input: GiftInput): Promise<Gift> => {
    const { giver, description } = checkGift(input);
    if (input.staffId !== ctx.actor.id) ctx.require('integrity.manage', '为他人登记礼品');
    if (!(await staffOf(input.staffId))) throw new DomainError('收受人不在人员名单中', 'staffId');
    return insert(
      db.gifts,
      {
        year: yearOf(input.receivedOn),
        receivedOn: input.receivedOn,
        staffId: input.staffId,
        giver,
        description,
        kind: input.kind,
        valueFen: input.valueFen ?? null,
        handling: input.handling.trim(),
        status: 'registered',
        handedOverOn: null,
        receiverId: null,
      },
      ctx.actor,
      `礼品登记：${description}`,
    );
  },
});

// INT-1: the hand-over is confirmed by the 纪检 officer who receives it.
export const handOverGift = defineCommand({
  what: '接收上交礼品',
  perm: 'integrity.manage',
  tables: (d) => [d.gifts, d.staff],
  run: async (ctx, id: string, handedOverOn: ISODate): Promise<Gift> => {
    const receiver = await staffOf(ctx.actor.id);
    if (!receiver?.roles.includes('discipline') && !receiver?.roles.includes('director')) {
      throw new DomainError('礼品须上交纪检部门，由纪检监察人员接收', 'receiver', 'INT-1');
    }
    requireDate(handedOverOn, 'handedOverOn', '上交日期');
    requireActDate(handedOverOn, 'handedOverOn', '上交日期', 'INT-1');
    const g = await getLive(db.gifts, id);
    if (!g) throw new DomainError('登记不存在');
    if (g.status === 'handed_over') throw new DomainError('该礼品已上交');
    if (handedOverOn < g.receivedOn) throw new DomainError('上交日期不能早于收受日期', 'handedOverOn');
    return update(
      db.gifts,
      id,
      { status: 'handed_over', handedOverOn, receiverId: ctx.actor.id },
      ctx.actor,
      '上交纪检',
    );
  },
});

// ASM-1 item 8: one pledge per person per year; the person, the office or 纪检 records it.
function checkPledge(staffId: string, year: number, signedOn: ISODate) {
  requireStaff(staffId, 'staffId', '人员');
  requireDate(signedOn, 'signedOn', '签订日期');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('年度有误', 'year');
  if (yearOf(signedOn) !== year && yearOf(signedOn) !== year - 1)
    throw new DomainError(`签订日期应在${year}年度内（或上年末）`, 'signedOn');
  requireActDate(signedOn, 'signedOn', '签订日期');
}

const PLEDGE_KEEPERS = ['integrity.manage', 'assessment.manage'] as const;

const signPledgeCommand = defineCommand({
  what: '登记廉政承诺书',
  perm: null,
  tables: (d) => [d.pledges],
  validate: (staffId: string, year: number, signedOn: ISODate, _note: string) =>
    checkPledge(staffId, year, signedOn),
  run: async (ctx, staffId: string, year: number, signedOn: ISODate, note: string): Promise<Pledge> => {
    if (staffId !== ctx.actor.id && !PLEDGE_KEEPERS.some((p) => ctx.can(p)))
      throw new DomainError('您没有为他人登记廉政承诺书的权限');
    const existing = await live(db.pledges.where('[year+staffId]').equals([year, staffId])).toArray();
    if (existing.length)
      throw new DomainError(`${year}年度的廉政承诺书已登记（${existing[0].signedOn}）`, 'staffId');
    return insert(
      db.pledges,
      { staffId, year, signedOn, note: note.trim() },
      ctx.actor,
      `${year}年度廉政承诺书签订`,
    );
  },
});

// ASM-1 item 8: one pledge per person per year; the person, the office or 纪检 records it.
export function signPledge(
  staffId: string,
  year: number,
  signedOn: ISODate,
  actor: Actor,
  note = '',
): Promise<Pledge> {
  return signPledgeCommand(staffId, year, signedOn, note, actor);
}

export const revokePledge = defineCommand({
  what: '撤销廉政承诺书登记',
  perm: PLEDGE_KEEPERS,
  tables: (d) => [d.pledges],
  run: async (ctx, id: string, reason: string): Promise<void> => {
    await softDelete(db.pledges, id, ctx.actor, requireText(reason, 'reason', '撤销理由', 200));
  },
});

export async function pledgedStaffIds(year: number): Promise<Set<string>> {
  return new Set((await listPledges(year)).map((p) => p.staffId));
}

export function listPledges(year: number): Promise<Pledge[]> {
  return live(db.pledges.where('[year+staffId]').between([year, ''], [year, '\uffff'])).toArray();
}

// One year's gifts, newest first.
export function listGifts(year: number): Promise<Gift[]> {
  return live(db.gifts.where('[year+receivedOn]').between([year, ''], [year, '\uffff']).reverse()).toArray();
}

export function giftsToHandOver(): Promise<Gift[]> {
  return live(db.gifts.where('status').equals('registered')).toArray();
}
