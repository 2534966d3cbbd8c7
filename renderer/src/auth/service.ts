// First-run setup, login with lockout, password reset by the administrator.
import Dexie from 'dexie';

import type { Role } from '../../../shared/permissions';
import { BUNDLED_CALENDAR } from '../../../shared/rules';
import { appendAudit } from '../db/audit';
import { setAuditAnchor } from '../db/auditAnchor';
import { now, nowIso } from '../db/clock';
import { createDb, db, switchDb, withRelaxedDurability } from '../db/db';
import { isLive } from '../db/live';
import { DomainError, insert, newId, SYSTEM_ACTOR, update, writeTx } from '../db/repo';
import type { Actor } from '../db/repo';
import type { Account, Staff } from '../db/schema/core';
import { JOIN_IN_PROGRESS_KEY, SETUP_IN_PROGRESS_KEY, setSetting } from '../db/settings';
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

// Set up, and not a setup that was interrupted (see runSetup), nor a PC still taking the office it
// joined from the hub (sync/join.ts): its accounts may be there, not yet all its records.
export async function isInitialised(): Promise<boolean> {
  return (
    (await db.settings.get('unitName')) !== undefined &&
    (await db.accounts.count()) > 0 &&
    !(await setupInProgress()) &&
    !(await joinInProgress())
  );
}

async function setupInProgress(): Promise<boolean> {
  return !!(await db.settings.get(SETUP_IN_PROGRESS_KEY))?.value;
}

// This PC joined an office (加入已有单位) and has not caught up with it yet.
export async function joinInProgress(): Promise<boolean> {
  return !!(await db.settings.get(JOIN_IN_PROGRESS_KEY))?.value;
}

export type SetupInput = {
  unitName: string;
  adminName: string;
  loginName: string;
  password: string;
  confirm: string;
};
export type FieldErrors = Partial<Record<keyof SetupInput, string>>;

export const UNIT_NAME_REQUIRED = '请填写单位名称';

export function validateSetup(v: SetupInput): FieldErrors {
  const e: FieldErrors = {};
  if (!v.unitName.trim()) e.unitName = UNIT_NAME_REQUIRED;
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

// Creates the unit, the sections of the regulations, the work calendar and the administrator, in one
// transaction. inProgress: more is to come (demo data), so the setup is marked unfinished in the same
// transaction, until runSetup marks it done.
export async function completeSetup(v: SetupInput, opts: { inProgress?: boolean } = {}): Promise<Actor> {
  const errors = validateSetup(v);
  if (Object.keys(errors).length) throw new DomainError(Object.values(errors)[0] as string);
  const secret = await makeAccountSecret(v.password); // hashed before the transaction: WebCrypto is async
  const adminId = newId();
  const actor: Actor = { id: adminId, name: v.adminName.trim() };
  await writeTx([db.settings, db.sections, db.staff, db.accounts, db.calendars], async () => {
    if ((await db.accounts.count()) > 0) throw new DomainError('系统已初始化');
    const at = nowIso();
    await db.settings.put({ id: 'unitName', value: v.unitName.trim(), updatedAt: at, updatedBy: adminId });
    await appendAudit({
      at,
      actorId: adminId,
      actorName: actor.name,
      table: 'settings',
      recordId: 'unitName',
      action: 'create',
      summary: '系统初始化',
      after: v.unitName.trim(),
    });
    if (opts.inProgress) {
      const marker = { startedAt: at, demo: true };
      await db.settings.put({ id: SETUP_IN_PROGRESS_KEY, value: marker, updatedAt: at, updatedBy: adminId });
      await appendAudit({
        at,
        actorId: adminId,
        actorName: actor.name,
        table: 'settings',
        recordId: SETUP_IN_PROGRESS_KEY,
        action: 'create',
        summary: '初始化开始（载入演示数据）',
        after: marker,
      });
    }
    let order = 0;
    for (const name of DEFAULT_SECTIONS) {
      await insert(db.sections, { name, order: order++, headId: null, deputyId: null }, SYSTEM_ACTOR);
    }
    for (const [year, cal] of Object.entries(BUNDLED_CALENDAR)) {
      await insert(
        db.calendars,
        {
          year: Number(year),
          holidays: cal.holidays,
          workdays: cal.workdays,
          source: '国务院办公厅通知（内置）',
        },
        SYSTEM_ACTOR,
      );
    }
    await insert(
      db.staff,
      {
        id: adminId,
        name: actor.name,
        sectionId: null,
        rank: 'staff',
        roles: ['admin'],
        title: '系统管理员',
        active: true,
      },
      actor,
      '创建管理员',
    );
    await insert(
      db.accounts,
      { staffId: adminId, loginName: v.loginName.trim(), ...secret, failedAttempts: 0, lockedUntil: null },
      actor,
      '创建管理员账户',
    );
  });
  return actor;
}

export type SetupOptions = { demo?: boolean; progress?: (message: string, fraction?: number) => void };

export const SETUP_MESSAGES = {
  discarded: '上次初始化未完成（载入演示数据时程序被关闭），已清除未完成的数据，请重新初始化。',
  demoFailed: (why: string) => `载入演示数据时出错，本次初始化已撤销，请重试：${why}`,
  elsewhere: '系统正在另一个窗口中初始化。请在那个窗口中完成，完成后刷新本页。',
} as const;

const SETUP_LOCK = 'xinfang-setup';

// Holds a lock while a setup runs, so that another window starting meanwhile does not take the
// unfinished setup for an interrupted one (where the browser has Web Locks; the desktop app has one window).
function withSetupLock<T>(fn: (held: boolean) => Promise<T>, wait: boolean): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return fn(true);
  return locks.request(SETUP_LOCK, { ifAvailable: !wait }, (lock) => fn(!!lock)) as Promise<T>;
}

// First-run setup as the setup screen runs it. Without demo data it is one transaction. With demo data
// it takes many (each module's generator), so it is marked unfinished until the last is done: closed
// halfway, the next start finds the mark and starts over (discardUnfinishedSetup) instead of offering
// a half-made bureau for login. A generator's error undoes the setup at once.
export async function runSetup(v: SetupInput, opts: SetupOptions = {}): Promise<void> {
  await withSetupLock(async () => {
    if (!opts.demo) {
      await completeSetup(v);
      return;
    }
    const admin = await completeSetup(v, { inProgress: true });
    try {
      const { loadDemoData } = await import('../demo/demo');
      // The setup stays marked unfinished until the last line: the demo's many transactions need not
      // each wait for the disk; the strict write of the mark's removal flushes them all.
      await withRelaxedDurability(db, () => loadDemoData(opts.progress));
      await setSetting(SETUP_IN_PROGRESS_KEY, null, admin); // done: from here on a finished setup
    } catch (e) {
      await discardSetupData().catch(() => undefined);
      throw new DomainError(SETUP_MESSAGES.demoFailed(e instanceof Error ? e.message : String(e)));
    }
  }, true);
}

// At start: a setup that was interrupted (marked unfinished) is discarded — the database holds nothing
// of value before setup completed — and the setup screen is shown again. A finished setup has no mark
// and is never touched. 'elsewhere': another window is running the setup right now.
export async function discardUnfinishedSetup(): Promise<'none' | 'discarded' | 'elsewhere'> {
  if (!(await setupInProgress())) return 'none';
  return withSetupLock(async (held) => {
    if (!held) return 'elsewhere';
    if (!(await setupInProgress())) return 'none'; // finished while we waited for the lock
    await discardSetupData();
    return 'discarded';
  }, false);
}

// The database deleted and made anew, empty, under the same name (with its audit anchor forgotten):
// an unfinished first run holds nothing of value (a set-up's demo data, or a join's copies of what
// the hub holds).
export async function discardSetupData(): Promise<void> {
  const name = db.name;
  db.close();
  await Dexie.delete(name);
  setAuditAnchor(name, null);
  const fresh = createDb(name);
  await fresh.open();
  switchDb(fresh);
}

export type LoginResult = { ok: true; user: SessionUser } | { ok: false; message: string };

// One answer for every refused login: an unknown login name, a wrong password, a disabled account or
// one locked after too many wrong passwords all read alike (and take alike long: the password is
// hashed in every case), so the screen never tells whether a login name exists. The lockout itself
// still counts and holds; the administrator sees it in the audit log and lifts it by a new password.
export const LOGIN_REFUSED = `登录名或密码错误（连续输错${MAX_FAILED_ATTEMPTS}次，账户将锁定${LOCK_MINUTES}分钟，锁定期间无法登录）`;
const NO_SALT = '00'.repeat(16);

export async function login(loginName: string, password: string): Promise<LoginResult> {
  const name = loginName.trim();
  if (!name || !password) return { ok: false, message: '请输入登录名和密码' };
  const account = await db.accounts.where('loginName').equals(name).first();
  if (!isLive(account) || account.disabled) {
    await hashPassword(password, NO_SALT); // as long as a real check
    return { ok: false, message: LOGIN_REFUSED };
  }
  const t = now();
  const hash = await hashPassword(password, account.salt, account.iterations);
  // While locked, no password is tried (nor counted): the right one is refused like any other.
  if (account.lockedUntil && new Date(account.lockedUntil) > t) return { ok: false, message: LOGIN_REFUSED };
  const staff = await db.staff.get(account.staffId);
  const actor: Actor = { id: account.staffId, name: staff?.name ?? name };
  if (!sameHash(hash, account.passwordHash)) {
    const failed = (account.lockedUntil ? 0 : account.failedAttempts) + 1;
    const lock = failed >= MAX_FAILED_ATTEMPTS;
    await update(
      db.accounts,
      account.id,
      {
        failedAttempts: lock ? 0 : failed,
        lockedUntil: lock ? new Date(t.getTime() + LOCK_MINUTES * 60000).toISOString() : null,
      },
      actor,
      lock ? '密码连续错误，账户锁定' : '登录失败：密码错误',
    );
    return { ok: false, message: LOGIN_REFUSED };
  }
  if (!isLive(staff) || !staff.active) return { ok: false, message: '该人员已停用，请联系管理员' };
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
  await update(
    db.accounts,
    accountId,
    {
      ...secret,
      failedAttempts: 0,
      lockedUntil: null,
      mustChangePassword: actor.id !== (await db.accounts.get(accountId))?.staffId,
    },
    actor,
    reason,
  );
}

export async function createAccount(staffId: string, loginName: string, password: string, actor: Actor) {
  const problem = passwordProblem(password);
  if (problem) throw new DomainError(problem, 'password');
  if (!/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/.test(loginName))
    throw new DomainError('登录名须以字母开头，3–32位字母、数字、下划线或点', 'loginName');
  const secret = await makeAccountSecret(password);
  return writeTx([db.accounts], async () => {
    if (await db.accounts.where('loginName').equals(loginName).count())
      throw new DomainError('登录名已被使用', 'loginName');
    return insert(
      db.accounts,
      { staffId, loginName, ...secret, failedAttempts: 0, lockedUntil: null, mustChangePassword: true },
      actor,
      '创建账户',
    );
  });
}

// Whether the signed-in account must change its temporary password before anything else shows.
export async function mustChangePassword(accountId: string): Promise<boolean> {
  return (await db.accounts.get(accountId))?.mustChangePassword ?? false;
}
