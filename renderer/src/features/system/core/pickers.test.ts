import { describe, expect, it } from 'vitest';

import type { Staff } from '../../../db/schema/core';
import { staffWithRole } from '../../../org/order';

import { leaderPickers, withCurrent } from './pickers';

const person = (id: string, name: string, rank: Staff['rank'], roles: Staff['roles'], active = true): Staff =>
  ({
    id,
    name,
    rank,
    roles,
    active,
    title: '',
    sectionId: null,
    phone: '',
    createdAt: '',
    updatedAt: '',
    createdBy: 'system',
    deletedAt: null,
  }) as Staff;

const STAFF = [
  person('a', '周志强', 'staff', ['admin']),
  person('b', '刘建国', 'director', ['director']),
  person('c', '何勇', 'deputy', ['deputy']),
  person('d', '严明', 'deputy', ['deputy', 'finance']),
  person('e', '冯涛', 'staff', ['petition']),
  person('f', '王芳', 'deputy', ['deputy'], false),
];

describe('the 分管领导 and 局长 pickers', () => {
  it('staffWithRole keeps only the holders of the role, in the given order', () => {
    expect(staffWithRole(STAFF, 'deputy').map((s) => s.id)).toEqual(['c', 'd', 'f']);
    expect(staffWithRole(STAFF, 'director').map((s) => s.id)).toEqual(['b']);
    expect(staffWithRole([], 'deputy')).toEqual([]);
  });

  it('lists only active deputies for 分管领导 and directors for 局长, no clerks or the administrator', () => {
    const p = leaderPickers(STAFF);
    expect(p.deputies.map((o) => o.label)).toEqual(['何勇', '严明']);
    expect(p.directors.map((o) => o.label)).toEqual(['刘建国']);
    expect(p.everyone).toHaveLength(5); // the inactive deputy is left out
    expect(p.everyone[0].label).toBe('刘建国'); // the office's order: 局长 first
    expect(p.deputies.some((o) => o.value === 'a' || o.value === 'e')).toBe(false);
  });

  it('keeps the person chosen now in the list, should they no longer hold the role', () => {
    const p = leaderPickers(STAFF);
    expect(withCurrent(p.deputies, p.everyone, 'e').map((o) => o.value)).toEqual(['c', 'd', 'e']);
    expect(withCurrent(p.deputies, p.everyone, 'c')).toBe(p.deputies);
    expect(withCurrent(p.deputies, p.everyone, null)).toBe(p.deputies);
    expect(withCurrent(p.deputies, p.everyone, 'gone')).toBe(p.deputies);
  });
});
