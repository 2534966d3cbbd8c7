// Delegation of approvals while an approver is away (出差、请假): the delegate decides, the record
// shows both names. Checked in the engine (delegatorsOf); set here by the approver or an administrator.
import { isISODate } from '../../../shared/rules';
import { db } from '../db/db';
import { isLive } from '../db/live';
import { DomainError, insert, softDelete } from '../db/repo';
import type { Actor } from '../db/repo';

import type { Delegation } from './types';

export type DelegationInput = {
  fromId: string;
  toId: string;
  startDate: string;
  endDate: string;
  reason?: string;
};

export function validateDelegation(v: DelegationInput): Partial<Record<keyof DelegationInput, string>> {
  const e: Partial<Record<keyof DelegationInput, string>> = {};
  if (!v.toId) e.toId = '请选择代理人';
  else if (v.toId === v.fromId) e.toId = '代理人不能是本人';
  if (!isISODate(v.startDate)) e.startDate = '请填写开始日期';
  if (!isISODate(v.endDate)) e.endDate = '请填写结束日期';
  else if (isISODate(v.startDate) && v.endDate < v.startDate) e.endDate = '结束日期不能早于开始日期';
  return e;
}

export async function addDelegation(v: DelegationInput, actor: Actor): Promise<Delegation> {
  const errors = validateDelegation(v);
  const first = Object.entries(errors)[0];
  if (first) throw new DomainError(first[1] as string, first[0]);
  if (actor.id !== v.fromId) {
    const me = await db.staff.get(actor.id);
    if (!me?.roles.includes('admin')) throw new DomainError('只能为自己设置代理人');
  }
  return insert(db.delegations, v, actor, '设置代理审批');
}

export function endDelegation(id: string, actor: Actor) {
  return softDelete(db.delegations, id, actor, '取消代理审批');
}

export async function delegationsFrom(staffId: string): Promise<Delegation[]> {
  const all = await db.delegations.where('fromId').equals(staffId).toArray();
  return all.filter(isLive).sort((a, b) => b.startDate.localeCompare(a.startDate));
}
