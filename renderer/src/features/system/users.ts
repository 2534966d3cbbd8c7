// 用户与角色: logins of the staff, password resets by the administrator (who never sees or reads
// a password), unlocking, disabling, roles, and the idle lock time.
import type { Role } from '../../../../shared/permissions';
import { ROLES } from '../../../../shared/permissions';
import { checkPassword, createAccount, setPassword } from '../../auth/service';
import { now } from '../../db/clock';
import { db } from '../../db/db';
import { DomainError, update, writeTx } from '../../db/repo';
import type { Account, Section, Staff } from '../../db/schema/core';
import { setSetting } from '../../db/settings';

import { requirePermission, signedInActor } from './guard';
import { MSG } from './labels';

export type AccountState = 'none' | 'ok' | 'locked' | 'disabled' | 'mustChange';

export function accountState(a: Account | null | undefined, at: Date = now()): AccountState {
  if (!a || a.deletedAt) return 'none';
  if (a.disabled) return 'disabled';
  if (a.lockedUntil && new Date(a.lockedUntil) > at) return 'locked';
  if (a.mustChangePassword) return 'mustChange';
  return 'ok';
}

export type UserRow = { staff: Staff; account: Account | null; section: Section | null };

// Staff are a few dozen people: the whole list is small.
export async function listUsers(): Promise<UserRow[]> {
  const [staff, accounts, sections] = await Promise.all([db.staff.toArray(), db.accounts.toArray(), db.sections.toArray()]);
  const bySection = new Map(sections.map((s) => [s.id, s]));
  const byStaff = new Map<string, Account>();
  for (const a of accounts) if (!a.deletedAt) byStaff.set(a.staffId, a);
  const order = (s: Staff) => (s.sectionId ? (bySection.get(s.sectionId)?.order ?? 999) : -1);
  return staff
    .filter((s) => !s.deletedAt)
    .sort((a, b) => Number(b.active) - Number(a.active) || order(a) - order(b) || a.name.localeCompare(b.name, 'zh'))
    .map((s) => ({ staff: s, account: byStaff.get(s.id) ?? null, section: s.sectionId ? (bySection.get(s.sectionId) ?? null) : null }));
}

// Whether, after a change, at least one active administrator can still log in.
async function adminsLeft(change: { staffId?: string; roles?: Role[]; active?: boolean; accountId?: string; disabled?: boolean }) {
  const [staff, accounts] = await Promise.all([db.staff.toArray(), db.accounts.toArray()]);
  const byId = new Map(staff.map((s) => [s.id, s]));
  let n = 0;
  for (const a of accounts) {
    if (a.deletedAt) continue;
    const disabled = a.id === change.accountId ? change.disabled : a.disabled;
    if (disabled) continue;
    const s = byId.get(a.staffId);
    if (!s || s.deletedAt) continue;
    const roles = s.id === change.staffId && change.roles ? change.roles : s.roles;
    const active = s.id === change.staffId && change.active !== undefined ? change.active : s.active;
    if (active && roles.includes('admin')) n++;
  }
  return n;
}

export async function assertAdminRemains(change: Parameters<typeof adminsLeft>[0]): Promise<void> {
  if ((await adminsLeft(change)) === 0) throw new DomainError(MSG.lastAdmin);
}

export async function createLogin(staffId: string, loginName: string, password: string, confirm: string): Promise<Account> {
  const actor = await requirePermission('system.users');
  const staff = await db.staff.get(staffId);
  if (!staff || staff.deletedAt) throw new DomainError(MSG.staffMissing);
  if (!staff.active) throw new DomainError(MSG.staffNotActive);
  const existing = await db.accounts.where('staffId').equals(staffId).toArray();
  if (existing.some((a) => !a.deletedAt)) throw new DomainError(MSG.staffHasLogin, 'loginName');
  if (password !== confirm) throw new DomainError(MSG.confirmMismatch, 'confirm');
  return createAccount(staffId, loginName.trim(), password, actor);
}

// The administrator sets a new temporary password; the user must change it (mustChangePassword).
export async function resetPassword(accountId: string, password: string, confirm: string): Promise<void> {
  const actor = await requirePermission('system.users');
  const a = await db.accounts.get(accountId);
  if (!a || a.deletedAt) throw new DomainError(MSG.accountMissing);
  if (password !== confirm) throw new DomainError(MSG.confirmMismatch, 'confirm');
  await setPassword(accountId, password, actor, '管理员重置密码（临时密码）');
}

export async function unlockAccount(accountId: string): Promise<void> {
  const actor = await requirePermission('system.users');
  const a = await db.accounts.get(accountId);
  if (!a || a.deletedAt) throw new DomainError(MSG.accountMissing);
  await update(db.accounts, accountId, { failedAttempts: 0, lockedUntil: null }, actor, '管理员解除锁定');
}

export async function setAccountDisabled(accountId: string, disabled: boolean): Promise<void> {
  const actor = await requirePermission('system.users');
  const me = signedInActor();
  await writeTx([db.accounts, db.staff], async () => {
    const a = await db.accounts.get(accountId);
    if (!a || a.deletedAt) throw new DomainError(MSG.accountMissing);
    if (disabled && a.id === me.accountId) throw new DomainError(MSG.ownAccount);
    if (disabled) await assertAdminRemains({ accountId, disabled: true });
    await update(db.accounts, accountId, { disabled }, actor, disabled ? '停用账户' : '启用账户');
  });
}

export async function setStaffRoles(staffId: string, roles: Role[]): Promise<void> {
  const actor = await requirePermission('system.users');
  const clean = ROLES.filter((r) => roles.includes(r));
  await writeTx([db.staff, db.accounts], async () => {
    const s = await db.staff.get(staffId);
    if (!s || s.deletedAt) throw new DomainError(MSG.staffMissing);
    if (!clean.includes('admin')) await assertAdminRemains({ staffId, roles: clean });
    await update(db.staff, staffId, { roles: clean }, actor, '修改角色');
  });
}

export const IDLE_LOCK_KEY = 'idleLockMinutes';

export async function setIdleLockMinutes(minutes: number): Promise<void> {
  const actor = await requirePermission('system.users');
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) throw new DomainError(MSG.idleRange, 'idleLockMinutes');
  await setSetting(IDLE_LOCK_KEY, minutes, actor);
}

// Anyone may change their own password, knowing the old one.
export async function changeOwnPassword(oldPassword: string, newPassword: string, confirm: string): Promise<void> {
  const me = signedInActor();
  if (!(await checkPassword(me.accountId, oldPassword))) throw new DomainError(MSG.oldPasswordWrong, 'oldPassword');
  if (newPassword !== confirm) throw new DomainError(MSG.confirmMismatch, 'confirm');
  if (newPassword === oldPassword) throw new DomainError(MSG.samePassword, 'password');
  await setPassword(me.accountId, newPassword, { id: me.id, name: me.name }, '本人修改密码');
}
