// Field checks every command uses, with Chinese messages at the field (a DomainError naming it).
import Dexie from 'dexie';
import type { Table } from 'dexie';

import { isISODate, yuanToFen } from '../../../shared/rules';
import type { ISODate, RuleId } from '../../../shared/rules';

import { db } from './db';
import { getLive } from './live';
import { DomainError } from './repo';
import type { Staff } from './schema/core';

export function staffOf(id: string | null | undefined): Promise<Staff | undefined> {
  return getLive(db.staff, id);
}

export function requireText(
  value: string | undefined | null,
  field: string,
  label: string,
  max = 2000,
  ruleId?: RuleId,
): string {
  const v = (value ?? '').trim();
  if (!v) throw new DomainError(`请填写${label}`, field, ruleId);
  if (v.length > max) throw new DomainError(`${label}不能超过${max}个字`, field, ruleId);
  return v;
}

// A required value with the caller's own message.
export function required(
  value: string | null | undefined,
  field: string,
  message: string,
  ruleId?: RuleId,
): string {
  const v = (value ?? '').trim();
  if (!v) throw new DomainError(message, field, ruleId);
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
// Records waiting for a number from the hub (seq 0 or below, sync/seqNumbering.ts) are not counted.
export async function nextSeq(table: Table, year: number): Promise<number> {
  const last = await table.where('[year+seq]').between([year, 1], [year, Dexie.maxKey]).last();
  return ((last as { seq?: number } | undefined)?.seq ?? 0) + 1;
}

export function yearOf(date: ISODate): number {
  return Number(date.slice(0, 4));
}
