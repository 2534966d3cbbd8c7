// 股室与人员: sections (name, order, 股室负责人, 分管领导), staff (soft delete = 停用, never removed),
// and who is 局长 / 分管财务 / 分管办公室.
import type { Role } from '../../../../../shared/permissions';
import { ROLES } from '../../../../../shared/permissions';
import type { Rank } from '../../../../../shared/rules';
import { RANKS } from '../../../../../shared/rules';
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, live, liveOnly } from '../../../db/live';
import { DomainError, insert, update } from '../../../db/repo';
import type { Section, Staff } from '../../../db/schema/core';
import { getSetting, setSetting } from '../../../db/settings';
import { compareStaff } from '../../../org/order';
import { REFUSALS } from '../labels';

import { sessionActor } from './access';
import { assertAdminRemains } from './users';

export async function listSections(): Promise<Section[]> {
  return live(db.sections.orderBy('order')).toArray();
}

// The staff (active and 停用, not deleted), in the office's order.
export async function listStaff(): Promise<Staff[]> {
  return liveOnly(await db.staff.toArray()).sort(compareStaff);
}

async function assertNameFree(name: string, exceptId: string | null) {
  const all = liveOnly(await db.sections.toArray());
  if (all.some((s) => s.id !== exceptId && s.name === name))
    throw new DomainError(REFUSALS.sectionNameTaken, 'name');
}

function sectionName(name: string): string {
  const n = name.trim();
  if (!n) throw new DomainError(REFUSALS.sectionNameRequired, 'name');
  return n;
}

export const addSectionCommand = defineCommand({
  what: '新增股室',
  perm: 'system.settings',
  tables: (d) => [d.sections],
  validate: (name: string) => void sectionName(name),
  run: async (ctx, name: string) => {
    const n = sectionName(name);
    await assertNameFree(n, null);
    const last = await db.sections.orderBy('order').last();
    return insert(
      db.sections,
      { name: n, order: (last?.order ?? -1) + 1, headId: null, deputyId: null },
      ctx.actor,
      '新增股室',
    );
  },
});

export async function addSection(name: string): Promise<Section> {
  return addSectionCommand(name, sessionActor('system.settings', addSectionCommand.what));
}

export const renameSectionCommand = defineCommand({
  what: '股室改名',
  perm: 'system.settings',
  tables: (d) => [d.sections],
  validate: (_id: string, name: string) => void sectionName(name),
  run: async (ctx, id: string, name: string) => {
    const n = sectionName(name);
    if (!(await db.sections.get(id))) throw new DomainError(REFUSALS.sectionMissing);
    await assertNameFree(n, id);
    await update(db.sections, id, { name: n }, ctx.actor, '股室改名');
  },
});

export async function renameSection(id: string, name: string): Promise<void> {
  return renameSectionCommand(id, name, sessionActor('system.settings', renameSectionCommand.what));
}

// Moves a section one place up (-1) or down (+1) by swapping order with its neighbour.
export const moveSectionCommand = defineCommand({
  what: '调整股室顺序',
  perm: 'system.settings',
  tables: (d) => [d.sections],
  run: async (ctx, id: string, dir: -1 | 1) => {
    const list = await listSections();
    const i = list.findIndex((s) => s.id === id);
    const j = i + dir;
    if (i < 0 || j < 0 || j >= list.length) return;
    // Renumber 0..n-1 first so equal or missing orders cannot make a swap a no-op.
    const ordered = [...list];
    [ordered[i], ordered[j]] = [ordered[j], ordered[i]];
    for (let k = 0; k < ordered.length; k++) {
      if (ordered[k].order !== k)
        await update(db.sections, ordered[k].id, { order: k }, ctx.actor, '调整股室顺序');
    }
  },
});

export async function moveSection(id: string, dir: -1 | 1): Promise<void> {
  return moveSectionCommand(id, dir, sessionActor('system.settings', moveSectionCommand.what));
}

async function assertActiveStaff(id: string | null | undefined, field: string) {
  if (!id) return;
  const s = await getLive(db.staff, id);
  if (!s || !s.active) throw new DomainError(REFUSALS.leaderNotActive, field);
}

export type SectionLeaders = { headId: string | null; deputyId: string | null };

export const setSectionLeadersCommand = defineCommand({
  what: '设置股室负责人/分管领导',
  perm: 'system.settings',
  tables: (d) => [d.sections, d.staff],
  run: async (ctx, id: string, leaders: SectionLeaders) => {
    if (!(await db.sections.get(id))) throw new DomainError(REFUSALS.sectionMissing);
    await assertActiveStaff(leaders.headId, 'headId');
    await assertActiveStaff(leaders.deputyId, 'deputyId');
    await update(
      db.sections,
      id,
      { headId: leaders.headId || null, deputyId: leaders.deputyId || null },
      ctx.actor,
      '设置股室负责人/分管领导',
    );
  },
});

export async function setSectionLeaders(id: string, leaders: SectionLeaders): Promise<void> {
  return setSectionLeadersCommand(
    id,
    leaders,
    sessionActor('system.settings', setSectionLeadersCommand.what),
  );
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
  if (!v.name.trim()) e.name = REFUSALS.nameRequired;
  if (!RANKS.includes(v.rank)) e.rank = REFUSALS.rankRequired;
  if (v.phone.trim() && !PHONE.test(v.phone.trim())) e.phone = REFUSALS.phoneBad;
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

function rolesChanged(before: Staff | undefined, roles: Role[]): boolean {
  const clean = ROLES.filter((r) => roles.includes(r));
  return before ? before.roles.join() !== clean.join() : clean.length > 0;
}

// Creates (id null) or updates a staff member. Changing roles also needs 用户与角色.
export const saveStaffCommand = defineCommand({
  what: '保存人员信息',
  perm: 'system.settings',
  tables: (d) => [d.staff, d.sections, d.accounts],
  validate: (_id: string | null, input: StaffInput) => firstError(validateStaff(input)),
  run: async (ctx, id: string | null, input: StaffInput) => {
    const v = cleanStaff(input);
    const before = id ? await getLive(db.staff, id) : undefined;
    if (id && !before) throw new DomainError(REFUSALS.staffMissing);
    if (rolesChanged(before, v.roles)) ctx.require('system.users', '修改角色');
    if (v.sectionId && !(await db.sections.get(v.sectionId)))
      throw new DomainError(REFUSALS.sectionMissing, 'sectionId');
    if (!id) return insert(db.staff, v, ctx.actor, '新增人员');
    if (!v.active || !v.roles.includes('admin'))
      await assertAdminRemains({ staffId: id, roles: v.roles, active: v.active });
    return update(db.staff, id, v, ctx.actor, '修改人员信息');
  },
});

export async function saveStaff(id: string | null, input: StaffInput): Promise<Staff> {
  const actor = sessionActor('system.settings', saveStaffCommand.what);
  firstError(validateStaff(input));
  const before = id ? await getLive(db.staff, id) : undefined;
  if (id && !before) throw new DomainError(REFUSALS.staffMissing);
  if (rolesChanged(before, input.roles)) sessionActor('system.users', '修改角色');
  return saveStaffCommand(id, input, actor);
}

// 停用 / 启用: the record stays (soft delete); 停用 people drop out of lists and routes.
export const setStaffActiveCommand = defineCommand({
  what: '停用或启用人员',
  perm: 'system.settings',
  tables: (d) => [d.staff, d.accounts],
  run: async (ctx, id: string, active: boolean) => {
    if (!(await getLive(db.staff, id))) throw new DomainError(REFUSALS.staffMissing);
    if (!active) await assertAdminRemains({ staffId: id, active: false });
    await update(db.staff, id, { active }, ctx.actor, active ? '启用人员' : '停用人员');
  },
});

export async function setStaffActive(id: string, active: boolean): Promise<void> {
  return setStaffActiveCommand(id, active, sessionActor('system.settings', setStaffActiveCommand.what));
}

export type Leadership = {
  directorId: string | null;
  financeDeputyId: string | null;
  officeDeputyId: string | null;
};

const LEADERSHIP_KEYS = ['directorId', 'financeDeputyId', 'officeDeputyId'] as const;

export async function getLeadership(): Promise<Leadership> {
  const [directorId, financeDeputyId, officeDeputyId] = await Promise.all(
    LEADERSHIP_KEYS.map((k) => getSetting<string | null>(k, null)),
  );
  return { directorId, financeDeputyId, officeDeputyId };
}

export const setLeadershipCommand = defineCommand({
  what: '设置领导分工',
  perm: 'system.settings',
  tables: (d) => [d.settings, d.staff],
  run: async (ctx, next: Leadership) => {
    for (const key of LEADERSHIP_KEYS) await assertActiveStaff(next[key], key);
    const cur = await getLeadership();
    for (const key of LEADERSHIP_KEYS) {
      if ((next[key] || null) !== cur[key]) await setSetting(key, next[key] || null, ctx.actor);
    }
  },
});

export async function setLeadership(next: Leadership): Promise<void> {
  return setLeadershipCommand(next, sessionActor('system.settings', setLeadershipCommand.what));
}

export const setUnitNameCommand = defineCommand({
  what: '设置单位名称',
  perm: 'system.settings',
  tables: (d) => [d.settings],
  validate: (name: string) => {
    if (!name.trim()) throw new DomainError(REFUSALS.unitNameSetting, 'unitName');
  },
  run: async (ctx, name: string) => setSetting('unitName', name.trim(), ctx.actor),
});

export async function setUnitName(name: string): Promise<void> {
  return setUnitNameCommand(name, sessionActor('system.settings', setUnitNameCommand.what));
}

export async function getUnitName(): Promise<string> {
  return getSetting<string>('unitName', '');
}
