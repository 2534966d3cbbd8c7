// Fixtures of the petitions repository tests (imported by *.test.ts only): the standard letter,
// the county's units, and the check of a refusal.
import { expect } from 'vitest';

import { db } from '../../../db/db';
import { DomainError, insert, SYSTEM_ACTOR } from '../../../db/repo';
import type { Unit } from '../../../db/schema/core';

import { makeIdNo } from './idgen';
import type { RegistrationInput } from './validate';

// 王大明 and his matter: unpaid wages (劳动社保, 金石镇).
const WANG = {
  name: '王大明',
  idNo: makeIdNo('1970-03-15', 12),
  phone: '13807390001',
  address: '金石镇黄家村3组',
  township: '金石镇',
  category: '劳动社保',
  summary: '反映某建筑公司拖欠农民工工资三万元至今未付，多次讨要无果',
};

// 王大明's letter, received 2026-05-06.
export const letter = (o: Partial<RegistrationInput> = {}): RegistrationInput => ({
  channel: 'letter',
  receivedOn: '2026-05-06',
  letterSource: '群众来信',
  ...WANG,
  ...o,
});

// 王大明's visit (one visitor) on 2026-05-06.
export const visit = (o: Partial<RegistrationInput> = {}): RegistrationInput => ({
  channel: 'visit',
  receivedOn: '2026-05-06',
  ...WANG,
  visitors: 1,
  ...o,
});

export type TestUnits = { township: Unit; huilong: Unit; labour: Unit; police: Unit };

// Two townships (金石镇, 回龙镇) and two departments (县人社局, 县公安局); with `route`, 县人社局 is
// responsible for 劳动社保 in 金石镇.
export async function seedUnits(route = true): Promise<TestUnits> {
  const unit = (name: string, kind: Unit['kind']) =>
    insert(db.units, { name, kind, active: true }, SYSTEM_ACTOR);
  const township = await unit('金石镇人民政府', 'township');
  const huilong = await unit('回龙镇人民政府', 'township');
  const labour = await unit('县人社局', 'department');
  const police = await unit('县公安局', 'department');
  if (route) {
    await insert(
      db.responsibleRoutes,
      { township: '金石镇', subject: '劳动社保', unitId: labour.id },
      SYSTEM_ACTOR,
    );
  }
  return { township, huilong, labour, police };
}

// The DomainError `p` refuses with, checked: its rule (null: it has none; undefined: not checked),
// its field and part of its message where given.
export async function expectRefusal(
  p: Promise<unknown>,
  rule: string | null | undefined,
  field?: string,
  text?: string,
): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    const d = e as DomainError;
    if (rule !== undefined) expect(d.ruleId).toBe(rule ?? undefined);
    if (field) expect(d.field).toBe(field);
    if (text) expect(d.message).toContain(text);
    return d;
  }
  throw new Error('expected a refusal');
}
