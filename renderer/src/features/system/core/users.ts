// 用户与角色: logins of the staff, password resets by the administrator (who never sees or reads
// a password), unlocking, disabling, roles, and the idle lock time.
import type { Role } from '../../../../../shared/permissions';
import { ROLES } from '../../../../../shared/permissions';
import { checkPassword, createAccount, setPassword } from '../../../auth/service';
import { now } from '../../../db/clock';
import { defineCommand, requirePermission } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, isLive, liveOnly } from '../../../db/live';
import { DomainError, update } from '../../../db/repo';
import type { Account, Section, Staff } from '../../../db/schema/core';
import { getSetting, setSetting } from '../../../db/settings';
import { compareZh } from '../../../org/order';
import { REFUSALS } from '../labels';

import { sessionActor, signedInActor } from './access';

export { getAccount } from './accounts';

export type AccountState = 'none' | 'ok' | 'locked' | 'disabled' | 'mustChange';

export function accountState(a: Account | null | undefined, at: Date = now()): AccountState {
  if (!isLive(a)) return 'none';
  if (a.disabled) return 'disabled';
  if (a.lockedUntil && new Date(a.lockedUntil) > at) return 'locked';
  if (a.mustChangePassword) return 'mustChange';
  return 'ok';
}

export type UserRow = { staff: Staff; account: Account | null; section: Section | null };

// Staff are a few dozen people: the whole list is small.
export async function listUsers(): Promise<UserRow[]> {
  const [staff, accounts, sections] = await Promise.all([
    db.staff.toArray(),
    db.accounts.toArray(),
    db.sections.toArray(),
  ]);
  const bySection = new Map(sections.map((s) => [s.id, s]));
  const byStaff = new Map<string, Account>();
  for (const a of liveOnly(accounts)) byStaff.set(a.staffId, a);
  const order = (s: Staff) => (s.sectionId ? (bySection.get(s.sectionId)?.order ?? 999) : -1);
  return liveOnly(staff)
    .sort((a, b) => Number(b.active) - Number(a.active) || order(a) - order(b) || compareZh(a.name, b.name))
    .map((s) => ({
      staff: s,
      account: byStaff.get(s.id) ?? null,
      section: s.sectionId ? (bySection.get(s.sectionId) ?? null) : null,
    }));
}

type AdminChange = {
  staffId?: string;
  roles?: Role[];
  active?: boolean;
  accountId?: string;
  disabled?: boolean;
};

// Whether, after a change, at least one active administrator can still log in.
async function adminsLeft(change: AdminChange) {
  const [staff, accounts] = await Promise.all([db.staff.toArray(), db.accounts.toArray()]);
  const byId = new Map(liveOnly(staff).map((s) => [s.id, s]));
  let n = 0;
  for (const a of liveOnly(accounts)) {
    const disabled = a.id === change.accountId ? change.disabled : a.disabled;
    if (disabled) continue;
    const s = byId.get(a.staffId);
    if (!s) continue;
    const roles = s.id === change.staffId && change.roles ? change.roles : s.roles;
    const active = s.id === change.staffId && change.active !== undefined ? change.active : s.active;
    if (active && roles.includes('admin')) n++;
  }
  return n;
}

export async function assertAdminRemains(change: AdminChange): Promise<void> {
  if ((await adminsLeft(change)) === 0) throw new DomainError(REFUSALS.lastAdmin);
}

// The password itself is hashed by auth/service (WebCrypto, outside any transaction): these two
// check the permission with the commands' wording, then hand over.
export async function createLogin(
  staffId: string,
  loginName: string,
  password: string,
  confirm: string,
): Promise<Account> {
  const what = '创建登录账户';
  const actor = sessionActor('system.users', what);
  await requirePermission(actor, 'system.users', what);
  const staff = await getLive(db.staff, staffId);
  if (!staff) throw new DomainError(REFUSALS.staffMissing);
  if (!staff.active) throw new DomainError(REFUSALS.staffNotActive);
  const existing = await db.accounts.where('staffId').equals(staffId).toArray();
  if (liveOnly(existing).length) throw new DomainError(REFUSALS.staffHasLogin, 'loginName');
  if (password !== confirm) throw new DomainError(REFUSALS.confirmMismatch, 'confirm');
  return createAccount(staffId, loginName.trim(), password, actor);
}

// The administrator sets a new temporary password; the user must change it (mustChangePassword).
export async function resetPassword(accountId: string, password: string, confirm: string): Promise<void> {
  const what = '重置密码';
  const actor = sessionActor('system.users', what);
  await requirePermission(actor, 'system.users', what);
  if (!(await getLive(db.accounts, accountId))) throw new DomainError(REFUSALS.accountMissing);
  if (password !== confirm) throw new DomainError(REFUSALS.confirmMismatch, 'confirm');
  await setPassword(accountId, password, actor, '管理员重置密码（临时密码）');
}

export const unlockAccountCommand = defineCommand({
  what: '解除账户锁定',
  perm: 'system.users',
  tables: (d) => [d.accounts],
  run: async (_ctx, accountId: string) => {
    if (!(await getLive(db.accounts, accountId))) throw new DomainError(REFUSALS.accountMissing);
    await update(
      db.accounts,
      accountId,
      { failedAttempts: 0, lockedUntil: null },
      _ctx.actor,
      '管理员解除锁定',
    );
  },
});

export async function unlockAccount(accountId: string): Promise<void> {
  return unlockAccountCommand(accountId, sessionActor('system.users', unlockAccountCommand.what));
}

export const setAccountDisabledCommand = defineCommand({
  what: '停用或启用账户',
  perm: 'system.users',
  tables: (d) => [d.accounts, d.staff],
  // ownAccountId: the account the actor is signed in with (not to be disabled by its own user)
  run: async (ctx, accountId: string, disabled: boolean, ownAccountId: string | null) => {
    if (!(await getLive(db.accounts, accountId))) throw new DomainError(REFUSALS.accountMissing);
    if (disabled && accountId === ownAccountId) throw new DomainError(REFUSALS.ownAccount);
    if (disabled) await assertAdminRemains({ accountId, disabled: true });
    await update(db.accounts, accountId, { disabled }, ctx.actor, disabled ? '停用账户' : '启用账户');
  },
});

export async function setAccountDisabled(accountId: string, disabled: boolean): Promise<void> {
  const me = sessionActor('system.users', setAccountDisabledCommand.what);
  return setAccountDisabledCommand(accountId, disabled, me.accountId, me);
}

export const setStaffRolesCommand = defineCommand({
  what: '修改角色',
  perm: 'system.users',
  tables: (d) => [d.staff, d.accounts],
  run: async (ctx, staffId: string, roles: Role[]) => {
    const clean = ROLES.filter((r) => roles.includes(r));
    if (!(await getLive(db.staff, staffId))) throw new DomainError(REFUSALS.staffMissing);
    if (!clean.includes('admin')) await assertAdminRemains({ staffId, roles: clean });
    await update(db.staff, staffId, { roles: clean }, ctx.actor, '修改角色');
  },
});

export async function setStaffRoles(staffId: string, roles: Role[]): Promise<void> {
  return setStaffRolesCommand(staffId, roles, sessionActor('system.users', setStaffRolesCommand.what));
}

export const IDLE_LOCK_KEY = 'idleLockMinutes';

export async function getIdleLockMinutes(): Promise<number> {
  return getSetting<number>(IDLE_LOCK_KEY, 15);
}

export const setIdleLockCommand = defineCommand({
  what: '设置空闲锁屏时间',
  perm: 'system.users',
  tables: (d) => [d.settings],
  validate: (minutes: number) => {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240)
      throw new DomainError(REFUSALS.idleRange, 'idleLockMinutes');
  },
  run: async (ctx, minutes: number) => setSetting(IDLE_LOCK_KEY, minutes, ctx.actor),
});

export async function setIdleLockMinutes(minutes: number): Promise<void> {
  return setIdleLockCommand(minutes, sessionActor('system.users', setIdleLockCommand.what));
}

// Anyone may change their own password, knowing the old one.
export async function changeOwnPassword(
  oldPassword: string,
  newPassword: string,
  confirm: string,
): Promise<void> {
  const me = signedInActor();
  if (!(await checkPassword(me.accountId, oldPassword)))
    throw new DomainError(REFUSALS.oldPasswordWrong, 'oldPassword');
  if (newPassword !== confirm) throw new DomainError(REFUSALS.confirmMismatch, 'confirm');
  if (newPassword === oldPassword) throw new DomainError(REFUSALS.samePassword, 'password');
  await setPassword(me.accountId, newPassword, { id: me.id, name: me.name }, '本人修改密码');
}
