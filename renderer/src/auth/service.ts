// First-run setup, login with lockout, password reset by the administrator.
import type { Role } from '../../../shared/permissions';
import { BUNDLED_CALENDAR } from '../../../shared/rules';
import { appendAudit } from '../db/audit';
import { now, nowIso } from '../db/clock';
import { db } from '../db/db';
import { DomainError, insert, newId, SYSTEM_ACTOR, update, writeTx } from '../db/repo';
import type { Actor } from '../db/repo';
import type { Account, Staff } from '../db/schema/core';
import { DEFAULT_SECTIONS } from '../org/defaults';

import { hashPassword, newSalt, passwordProblem, PBKDF2_ITERATIONS, sameHash } from './password';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export type SessionUser = {
  staffId: string;
  accountId: string;
  name: string;
  loginName: string;
  roles: Role[];
  sectionId: string | null;
  rank: Staff['rank'];
};

export async function isInitialised(): Promise<boolean> {
  return (await db.settings.get('unitName')) !== undefined && (await db.accounts.count()) > 0;
}

export type SetupInput = { unitName: string; adminName: string; loginName: string; password: string; confirm: string };
export type FieldErrors = Partial<Record<keyof SetupInput, string>>;

export function validateSetup(v: SetupInput): FieldErrors {
  const e: FieldErrors = {};
  if (!v.unitName.trim()) e.unitName = '请填写单位名称';
  if (!v.adminName.trim()) e.adminName = '请填写管理员姓名';
  if (!/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/.test(v.loginName.trim()))
    e.loginName = '登录名须以字母开头，3–32位字母、数字、下划线或点';
  const p = passwordProblem(v.password);
  if (p) e.password = p;
  if (v.confirm !== v.password) e.confirm = '两次输入的密码不一致';
  return e;
}

export async function makeAccountSecret(password: string) {
  const salt = newSalt();
  return { salt, iterations: PBKDF2_ITERATIONS, passwordHash: await hashPassword(password, salt) };
}

// Creates the unit, the sections of the regulations, the work calendar and the administrator.
export async function completeSetup(v: SetupInput): Promise<void> {
  const errors = validateSetup(v);
  if (Object.keys(errors).length) throw new DomainError(Object.values(errors)[0] as string);
  const secret = await makeAccountSecret(v.password); // hashed before the transaction: WebCrypto is async
  const adminId = newId();
  const actor: Actor = { id: adminId, name: v.adminName.trim() };
  await writeTx([db.settings, db.sections, db.staff, db.accounts, db.calendars], async () => {
    if ((await db.accounts.count()) > 0) throw new DomainError('系统已初始化');
    const at = nowIso();
    await db.settings.put({ id: 'unitName', value: v.unitName.trim(), updatedAt: at, updatedBy: adminId });
    await appendAudit({ at, actorId: adminId, actorName: actor.name, table: 'settings', recordId: 'unitName', action: 'create', summary: '系统初始化', after: v.unitName.trim() });
    let order = 0;
    for (const name of DEFAULT_SECTIONS) {
      await insert(db.sections, { name, order: order++, headId: null, deputyId: null }, SYSTEM_ACTOR);
    }
    for (const [year, cal] of Object.entries(BUNDLED_CALENDAR)) {
      await insert(db.calendars, { year: Number(year), holidays: cal.holidays, workdays: cal.workdays, source: '国务院办公厅通知（内置）' }, SYSTEM_ACTOR);
    }
    await insert(db.staff, { id: adminId, name: actor.name, sectionId: null, rank: 'staff', roles: ['admin'], title: '系统管理员', active: true }, actor, '创建管理员');
    await insert(db.accounts, { staffId: adminId, loginName: v.loginName.trim(), ...secret, failedAttempts: 0, lockedUntil: null }, actor, '创建管理员账户');
  });
}

export type LoginResult = { ok: true; user: SessionUser } | { ok: false; message: string };

export async function login(loginName: string, password: string): Promise<LoginResult> {
  const name = loginName.trim();
  if (!name || !password) return { ok: false, message: '请输入登录名和密码' };
  const account = await db.accounts.where('loginName').equals(name).first();
  if (!account || account.deletedAt || account.disabled) return { ok: false, message: '登录名或密码错误' };
  const t = now();
  if (account.lockedUntil && new Date(account.lockedUntil) > t) {
    const until = new Date(account.lockedUntil);
    const hhmm = `${String(until.getHours()).padStart(2, '0')}:${String(until.getMinutes()).padStart(2, '0')}`;
    return { ok: false, message: `连续输错密码${MAX_FAILED_ATTEMPTS}次，账户已锁定，请于 ${hhmm} 后再试` };
  }
  const hash = await hashPassword(password, account.salt, account.iterations);
  const staff = await db.staff.get(account.staffId);
  const actor: Actor = { id: account.staffId, name: staff?.name ?? name };
  if (!sameHash(hash, account.passwordHash)) {
    const failed = (account.lockedUntil ? 0 : account.failedAttempts) + 1;
    const lock = failed >= MAX_FAILED_ATTEMPTS;
    await update(
      db.accounts,
      account.id,
      { failedAttempts: lock ? 0 : failed, lockedUntil: lock ? new Date(t.getTime() + LOCK_MINUTES * 60000).toISOString() : null },
      actor,
      lock ? '密码连续错误，账户锁定' : '登录失败：密码错误',
    );
    if (lock) return { ok: false, message: `连续输错密码${MAX_FAILED_ATTEMPTS}次，账户已锁定${LOCK_MINUTES}分钟` };
    return { ok: false, message: `登录名或密码错误（还可尝试${MAX_FAILED_ATTEMPTS - failed}次）` };
  }
  if (!staff || staff.deletedAt || !staff.active) return { ok: false, message: '该人员已停用，请联系管理员' };
  await update(db.accounts, account.id, { failedAttempts: 0, lockedUntil: null }, actor, '登录');
  return { ok: true, user: toSessionUser(staff, account) };
}

export function toSessionUser(staff: Staff, account: Account): SessionUser {
  return {
    staffId: staff.id,
    accountId: account.id,
    name: staff.name,
    loginName: account.loginName,
    roles: staff.roles,
    sectionId: staff.sectionId,
    rank: staff.rank,
  };
}

// Checks a password without counting failures (unlocking an idle session, changing one's password).
export async function checkPassword(accountId: string, password: string): Promise<boolean> {
  const a = await db.accounts.get(accountId);
  if (!a) return false;
  return sameHash(await hashPassword(password, a.salt, a.iterations), a.passwordHash);
}

export async function setPassword(accountId: string, password: string, actor: Actor, reason: string) {
  const problem = passwordProblem(password);
  if (problem) throw new DomainError(problem, 'password');
  const secret = await makeAccountSecret(password);
  await update(db.accounts, accountId, { ...secret, failedAttempts: 0, lockedUntil: null, mustChangePassword: actor.id !== (await db.accounts.get(accountId))?.staffId }, actor, reason);
}

export async function createAccount(staffId: string, loginName: string, password: string, actor: Actor) {
  const problem = passwordProblem(password);
  if (problem) throw new DomainError(problem, 'password');
  if (!/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/.test(loginName)) throw new DomainError('登录名须以字母开头，3–32位字母、数字、下划线或点', 'loginName');
  const secret = await makeAccountSecret(password);
  return writeTx([db.accounts], async () => {
    if (await db.accounts.where('loginName').equals(loginName).count()) throw new DomainError('登录名已被使用', 'loginName');
    return insert(db.accounts, { staffId, loginName, ...secret, failedAttempts: 0, lockedUntil: null, mustChangePassword: true }, actor, '创建账户');
  });
}
