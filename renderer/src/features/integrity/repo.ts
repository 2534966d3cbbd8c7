// Integrity (廉政建设制度): the gift register with its hand-over to 纪检 (INT-1), and the integrity
// pledge signed per person per year (ASM-1 item 8).
import type { ISODate } from '../../../../shared/rules';
import { requireActDate } from '../../db/actDate';
import { db } from '../../db/db';
import { DomainError, insert, softDelete, update, writeTx } from '../../db/repo';
import type { Actor } from '../../db/repo';
import type { Gift, GiftKind, Pledge } from '../../db/schema/supervision';
import {
  actorCan,
  assertCan,
  requireDate,
  requireStaff,
  requireText,
  staffOf,
  yearOf,
} from '../finance/util';

import { GIFT_KIND_LABELS } from './labels';

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
export async function registerGift(input: GiftInput, actor: Actor): Promise<Gift> {
  requireStaff(input.staffId, 'staffId', '收受人');
  requireDate(input.receivedOn, 'receivedOn', '收受日期');
  requireActDate(input.receivedOn, 'receivedOn', '收受日期', 'INT-1');
  const giver = requireText(input.giver, 'giver', '赠送人（单位）', 100);
  const description = requireText(input.description, 'description', '礼品礼金名称及数量', 200);
  if (!GIFT_KIND_LABELS[input.kind]) throw new DomainError('请选择类别', 'kind');
  if (input.valueFen != null && (!Number.isSafeInteger(input.valueFen) || input.valueFen < 0))
    throw new DomainError('估值有误', 'value');
  if (input.staffId !== actor.id) await assertCan(actor, 'integrity.manage', '为他人登记礼品');
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
    actor,
    `礼品登记：${description}`,
  );
}

// INT-1: the hand-over is confirmed by the 纪检 officer who receives it.
export async function handOverGift(id: string, handedOverOn: ISODate, actor: Actor): Promise<Gift> {
  await assertCan(actor, 'integrity.manage', '接收上交礼品');
  const receiver = await staffOf(actor.id);
  if (!receiver?.roles.includes('discipline') && !receiver?.roles.includes('director')) {
    throw new DomainError('礼品须上交纪检部门，由纪检监察人员接收', 'receiver', 'INT-1');
  }
  requireDate(handedOverOn, 'handedOverOn', '上交日期');
  requireActDate(handedOverOn, 'handedOverOn', '上交日期', 'INT-1');
  return writeTx([db.gifts], async () => {
    const g = await db.gifts.get(id);
    if (!g || g.deletedAt) throw new DomainError('登记不存在');
    if (g.status === 'handed_over') throw new DomainError('该礼品已上交');
    if (handedOverOn < g.receivedOn) throw new DomainError('上交日期不能早于收受日期', 'handedOverOn');
    return update(
      db.gifts,
      id,
      { status: 'handed_over', handedOverOn, receiverId: actor.id },
      actor,
      '上交纪检',
    );
  });
}

// ASM-1 item 8: one pledge per person per year; the person, the office or 纪检 records it.
export async function signPledge(
  staffId: string,
  year: number,
  signedOn: ISODate,
  actor: Actor,
  note = '',
): Promise<Pledge> {
  requireStaff(staffId, 'staffId', '人员');
  requireDate(signedOn, 'signedOn', '签订日期');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('年度有误', 'year');
  if (yearOf(signedOn) !== year && yearOf(signedOn) !== year - 1)
    throw new DomainError(`签订日期应在${year}年度内（或上年末）`, 'signedOn');
  requireActDate(signedOn, 'signedOn', '签订日期');
  if (
    staffId !== actor.id &&
    !(await actorCan(actor, 'integrity.manage')) &&
    !(await actorCan(actor, 'assessment.manage'))
  ) {
    throw new DomainError('您没有为他人登记廉政承诺书的权限');
  }
  return writeTx([db.pledges], async () => {
    const existing = (await db.pledges.where('[year+staffId]').equals([year, staffId]).toArray()).filter(
      (p) => !p.deletedAt,
    );
    if (existing.length)
      throw new DomainError(`${year}年度的廉政承诺书已登记（${existing[0].signedOn}）`, 'staffId');
    return insert(
      db.pledges,
      { staffId, year, signedOn, note: note.trim() },
      actor,
      `${year}年度廉政承诺书签订`,
    );
  });
}

export async function revokePledge(id: string, reason: string, actor: Actor): Promise<void> {
  if (!(await actorCan(actor, 'integrity.manage')) && !(await actorCan(actor, 'assessment.manage'))) {
    throw new DomainError('您没有撤销登记的权限');
  }
  await softDelete(db.pledges, id, actor, requireText(reason, 'reason', '撤销理由', 200));
}

export async function pledgedStaffIds(year: number): Promise<Set<string>> {
  const rows = await db.pledges.where('[year+staffId]').between([year, ''], [year, '\uffff']).toArray();
  return new Set(rows.filter((p) => !p.deletedAt).map((p) => p.staffId));
}
