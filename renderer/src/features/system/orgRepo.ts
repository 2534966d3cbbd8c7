// 股室与人员: sections (name, order, 股室负责人, 分管领导), staff (soft delete = 停用, never removed),
// and who is 局长 / 分管财务 / 分管办公室.
import type { Role } from '../../../../shared/permissions';
import { ROLES } from '../../../../shared/permissions';
import type { Rank } from '../../../../shared/rules';
import { RANKS } from '../../../../shared/rules';
import { db } from '../../db/db';
import { DomainError, insert, update, writeTx } from '../../db/repo';
import type { Section, Staff } from '../../db/schema/core';
import { getSetting, setSetting } from '../../db/settings';

import { requirePermission } from './guard';
import { MSG } from './labels';
import { assertAdminRemains } from './users';

export async function listSections(): Promise<Section[]> {
  return (await db.sections.orderBy('order').toArray()).filter((s) => !s.deletedAt);
}

async function assertNameFree(name: string, exceptId: string | null) {
  const all = await db.sections.toArray();
  if (all.some((s) => !s.deletedAt && s.id !== exceptId && s.name === name)) throw new DomainError(MSG.sectionNameTaken, 'name');
}

export async function addSection(name: string): Promise<Section> {
  const actor = await requirePermission('system.settings');
  const n = name.trim();
  if (!n) throw new DomainError(MSG.sectionNameRequired, 'name');
  return writeTx([db.sections], async () => {
    await assertNameFree(n, null);
    const last = await db.sections.orderBy('order').last();
    return insert(db.sections, { name: n, order: (last?.order ?? -1) + 1, headId: null, deputyId: null }, actor, '新增股室');
  });
}

export async function renameSection(id: string, name: string): Promise<void> {
  const actor = await requirePermission('system.settings');
  const n = name.trim();
  if (!n) throw new DomainError(MSG.sectionNameRequired, 'name');
  await writeTx([db.sections], async () => {
    if (!(await db.sections.get(id))) throw new DomainError(MSG.sectionMissing);
    await assertNameFree(n, id);
    await update(db.sections, id, { name: n }, actor, '股室改名');
  });
}

// Moves a section one place up (-1) or down (+1) by swapping order with its neighbour.
export async function moveSection(id: string, dir: -1 | 1): Promise<void> {
  const actor = await requirePermission('system.settings');
  await writeTx([db.sections], async () => {
    const list = (await db.sections.orderBy('order').toArray()).filter((s) => !s.deletedAt);
    const i = list.findIndex((s) => s.id === id);
    const j = i + dir;
    if (i < 0 || j < 0 || j >= list.length) return;
    // Renumber 0..n-1 first so equal or missing orders cannot make a swap a no-op.
    const ordered = [...list];
    [ordered[i], ordered[j]] = [ordered[j], ordered[i]];
    for (let k = 0; k < ordered.length; k++) {
      if (ordered[k].order !== k) await update(db.sections, ordered[k].id, { order: k }, actor, '调整股室顺序');
    }
  });
}

async function assertActiveStaff(id: string | null | undefined, field: string) {
  if (!id) return;
  const s = await db.staff.get(id);
  if (!s || s.deletedAt || !s.active) throw new DomainError(MSG.leaderNotActive, field);
}

export async function setSectionLeaders(id: string, leaders: { headId: string | null; deputyId: string | null }): Promise<void> {
  const actor = await requirePermission('system.settings');
  await writeTx([db.sections, db.staff], async () => {
    if (!(await db.sections.get(id))) throw new DomainError(MSG.sectionMissing);
    await assertActiveStaff(leaders.headId, 'headId');
    await assertActiveStaff(leaders.deputyId, 'deputyId');
    await update(db.sections, id, { headId: leaders.headId || null, deputyId: leaders.deputyId || null }, actor, '设置股室负责人/分管领导');
  });
}

export type StaffInput = {
  name: string;
  sectionId: string | null;
  rank: Rank;
  title: string;
  roles: Role[];
  phone: string;
  active: boolean;
};

export type StaffErrors = Partial<Record<keyof StaffInput, string>>;

const PHONE = /^[0-9()\- +]{7,20}$/;

export function validateStaff(v: StaffInput): StaffErrors {
  const e: StaffErrors = {};
  if (!v.name.trim()) e.name = MSG.nameRequired;
  if (!RANKS.includes(v.rank)) e.rank = MSG.rankRequired;
  if (v.phone.trim() && !PHONE.test(v.phone.trim())) e.phone = MSG.phoneBad;
  return e;
}

function firstError(e: StaffErrors) {
  const [field, message] = Object.entries(e)[0] ?? [];
  if (message) throw new DomainError(message, field);
}

function cleanStaff(v: StaffInput) {
  return {
    name: v.name.trim(),
    sectionId: v.sectionId || null,
    rank: v.rank,
    title: v.title.trim(),
    roles: ROLES.filter((r) => v.roles.includes(r)),
    phone: v.phone.trim(),
    active: v.active,
  };
}

// Creates (id null) or updates a staff member. Changing roles also needs 用户与角色.
export async function saveStaff(id: string | null, input: StaffInput): Promise<Staff> {
  const actor = await requirePermission('system.settings');
  firstError(validateStaff(input));
  const v = cleanStaff(input);
  const before = id ? await db.staff.get(id) : undefined;
  if (id && (!before || before.deletedAt)) throw new DomainError(MSG.staffMissing);
  const rolesChanged = before ? before.roles.join() !== v.roles.join() : v.roles.length > 0;
  if (rolesChanged) await requirePermission('system.users');
  return writeTx([db.staff, db.sections, db.accounts], async () => {
    if (v.sectionId && !(await db.sections.get(v.sectionId))) throw new DomainError(MSG.sectionMissing, 'sectionId');
    if (!id) return insert(db.staff, v, actor, '新增人员');
    if (!v.active || !v.roles.includes('admin')) await assertAdminRemains({ staffId: id, roles: v.roles, active: v.active });
    return update(db.staff, id, v, actor, '修改人员信息');
  });
}

// 停用 / 启用: the record stays (soft delete); 停用 people drop out of lists and routes.
export async function setStaffActive(id: string, active: boolean): Promise<void> {
  const actor = await requirePermission('system.settings');
  await writeTx([db.staff, db.accounts], async () => {
    const s = await db.staff.get(id);
    if (!s || s.deletedAt) throw new DomainError(MSG.staffMissing);
    if (!active) await assertAdminRemains({ staffId: id, active: false });
    await update(db.staff, id, { active }, actor, active ? '启用人员' : '停用人员');
  });
}

export type Leadership = { directorId: string | null; financeDeputyId: string | null; officeDeputyId: string | null };

export async function getLeadership(): Promise<Leadership> {
  const [directorId, financeDeputyId, officeDeputyId] = await Promise.all([
    getSetting<string | null>('directorId', null),
    getSetting<string | null>('financeDeputyId', null),
    getSetting<string | null>('officeDeputyId', null),
  ]);
  return { directorId, financeDeputyId, officeDeputyId };
}

export async function setLeadership(next: Leadership): Promise<void> {
  const actor = await requirePermission('system.settings');
  for (const [field, id] of Object.entries(next)) await assertActiveStaff(id, field);
  const cur = await getLeadership();
  await writeTx([db.settings], async () => {
    for (const key of ['directorId', 'financeDeputyId', 'officeDeputyId'] as const) {
      if ((next[key] || null) !== cur[key]) await setSetting(key, next[key] || null, actor);
    }
  });
}

export async function setUnitName(name: string): Promise<void> {
  const actor = await requirePermission('system.settings');
  const n = name.trim();
  if (!n) throw new DomainError(MSG.unitNameSetting, 'unitName');
  await setSetting('unitName', n, actor);
}
