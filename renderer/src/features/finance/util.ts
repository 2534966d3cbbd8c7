// Helpers shared by the publicity, finance, integrity, assessment and duty repositories: permission
// checks against the stored roles, field validation with Chinese messages, running numbers.
import Dexie from 'dexie';
import type { Table } from 'dexie';

import { can } from '../../../../shared/permissions';
import type { Permission } from '../../../../shared/permissions';
import { isISODate, yuanToFen } from '../../../../shared/rules';
import type { ISODate } from '../../../../shared/rules';
import { db } from '../../db/db';
import { DomainError } from '../../db/repo';
import type { Actor } from '../../db/repo';
import type { Staff } from '../../db/schema/core';

export async function staffOf(id: string | null | undefined): Promise<Staff | undefined> {
  if (!id) return undefined;
  const s = await db.staff.get(id);
  return s && !s.deletedAt ? s : undefined;
}

export async function actorCan(actor: Actor, perm: Permission): Promise<boolean> {
  const s = await db.staff.get(actor.id);
  return !!s && !s.deletedAt && can(s.roles, perm);
}

// Refuses when the actor's stored roles do not give the permission (the screens hide the action too).
export async function assertCan(actor: Actor, perm: Permission, what: string): Promise<void> {
  if (!(await actorCan(actor, perm))) throw new DomainError(`您没有${what}的权限`);
}

export function requireText(
  value: string | undefined | null,
  field: string,
  label: string,
  max = 2000,
): string {
  const v = (value ?? '').trim();
  if (!v) throw new DomainError(`请填写${label}`, field);
  if (v.length > max) throw new DomainError(`${label}不能超过${max}个字`, field);
  return v;
}

export function requireDate(value: string | undefined | null, field: string, label: string): ISODate {
  if (!value || !isISODate(value)) throw new DomainError(`请填写正确的${label}（年-月-日）`, field);
  return value;
}

export function requireStaff(id: string | null | undefined, field: string, label: string): string {
  if (!id) throw new DomainError(`请选择${label}`, field);
  return id;
}

// Yuan typed in a form (at most two decimals) to integer fen, with a message at the field.
export function parseYuan(
  text: string | number | undefined | null,
  field: string,
  label = '金额',
  allowZero = false,
): number {
  const raw = typeof text === 'number' ? String(text) : (text ?? '').trim().replace(/,/g, '');
  if (!raw) throw new DomainError(`请填写${label}`, field);
  let fen: number;
  try {
    fen = yuanToFen(raw, field);
  } catch {
    throw new DomainError(`${label}须为以元为单位的数字，最多两位小数`, field);
  }
  if (!allowZero && fen === 0) throw new DomainError(`${label}须大于0`, field);
  return fen;
}

export function requireInt(
  value: number | string | undefined | null,
  field: string,
  label: string,
  min: number,
  max: number,
): number {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  if (String(value ?? '').trim() === '' || !Number.isInteger(n))
    throw new DomainError(`${label}须为整数`, field);
  if (n < min || n > max) throw new DomainError(`${label}须在${min}至${max}之间`, field);
  return n;
}

// Next running number in a [year+seq] index (soft-deleted records keep their numbers: never reused).
export async function nextSeq(table: Table, year: number): Promise<number> {
  const last = await table.where('[year+seq]').between([year, Dexie.minKey], [year, Dexie.maxKey]).last();
  return ((last as { seq?: number } | undefined)?.seq ?? 0) + 1;
}

export function yearOf(date: ISODate): number {
  return Number(date.slice(0, 4));
}

export function live<T extends { deletedAt?: string | null }>(rows: T[]): T[] {
  return rows.filter((r) => !r.deletedAt);
}
