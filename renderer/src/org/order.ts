// How the office lists its people: by rank (局长, 分管领导, 股室负责人, 干部职工), then by name in
// Chinese order (pinyin, as Intl.Collator('zh-CN') sorts) — never by code point.
import type { Staff } from '../db/schema/core';

const RANK_ORDER: Record<string, number> = { director: 0, deputy: 1, section_head: 2, staff: 3 };

export const zhCollator = new Intl.Collator('zh-CN', { sensitivity: 'base', numeric: true });

export function compareZh(a: string, b: string): number {
  return zhCollator.compare(a, b);
}

export function compareStaff(a: Pick<Staff, 'rank' | 'name'>, b: Pick<Staff, 'rank' | 'name'>): number {
  return (RANK_ORDER[a.rank] ?? 9) - (RANK_ORDER[b.rank] ?? 9) || compareZh(a.name, b.name);
}

// The bureau's staff: everyone except a system-only account (管理员 with no other role).
export function bureauStaff<T extends Pick<Staff, 'roles'>>(list: T[]): T[] {
  return list.filter((s) => !(s.roles.length === 1 && s.roles[0] === 'admin'));
}

export function staffLabel(s: Pick<Staff, 'name' | 'title'>): string {
  return s.title ? `${s.name}（${s.title}）` : s.name;
}

// Those holding a role (分管领导 pickers: 'deputy'; 局长: 'director'), in the list's order.
export function staffWithRole<T extends Pick<Staff, 'roles'>>(
  list: readonly T[],
  role: Staff['roles'][number],
): T[] {
  return list.filter((s) => s.roles.includes(role));
}
