import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { memoryStorage } from '../backup/testutil';
import { verifyAuditChain } from '../db/audit';
import { readAuditAnchor } from '../db/auditAnchor';
import { pinClock } from '../db/clock';
import { db } from '../db/db';
import { insert, SYSTEM_ACTOR } from '../db/repo';
import { JOIN_IN_PROGRESS_KEY, SETUP_IN_PROGRESS_KEY, setSetting } from '../db/settings';
import { resetDb } from '../db/testing';
import { DEMO_MODULES } from '../demo/modules';

import { PBKDF2_ITERATIONS } from './password';
import {
  completeSetup,
  createAccount,
  discardUnfinishedSetup,
  isInitialised,
  joinInProgress,
  login,
  LOGIN_REFUSED,
  runSetup,
  setPassword,
  validateSetup,
} from './service';

const SETUP = { unitName: '新宁县信访局', adminName: '管理员甲', loginName: 'admin', password: 'Admin12345', confirm: 'Admin12345' };

beforeEach(async () => {
  await resetDb();
  pinClock(new Date('2026-11-26T09:00:00+08:00'));
});
afterEach(() => pinClock(null));

describe('validateSetup', () => {
  it('names every bad field in Chinese', () => {
    expect(validateSetup({ unitName: ' ', adminName: '', loginName: '1x', password: 'abc', confirm: 'abd' })).toEqual({
      unitName: '请填写单位名称',
      adminName: '请填写管理员姓名',
      loginName: '登录名须以字母开头，3–32位字母、数字、下划线或点',
      password: '密码至少8位',
      confirm: '两次输入的密码不一致',
    });
    expect(validateSetup({ ...SETUP, password: 'abcdefgh', confirm: 'abcdefgh' }).password).toBe('密码须同时包含字母和数字');
    expect(validateSetup(SETUP)).toEqual({});
  });
});

describe('completeSetup', () => {
  it('creates the unit, the six sections, the calendars and the administrator, with a hashed password', async () => {
    expect(await isInitialised()).toBe(false);
    await completeSetup(SETUP);
    expect(await isInitialised()).toBe(true);
    expect((await db.sections.orderBy('order').toArray()).map((s) => s.name)).toEqual([
      '联席办',
      '复查复核办',
      '办信股',
      '办公室',
      '接访股',
      '党支部办公室',
    ]);
    expect((await db.calendars.toArray()).map((c) => c.year).sort()).toEqual([2024, 2025, 2026]);
    const acc = (await db.accounts.toArray())[0];
    expect(acc.iterations).toBeGreaterThanOrEqual(PBKDF2_ITERATIONS);
    expect(acc.passwordHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.accounts.toArray())).not.toContain('Admin12345');
    expect(JSON.stringify(await db.audit.toArray())).not.toContain('Admin12345');
    await expect(completeSetup(SETUP)).rejects.toThrow('系统已初始化');
  });
});

describe('isInitialised: a PC that joined an office (加入已有单位, sync/join.ts)', () => {
  const join = (value: unknown) => setSetting(JOIN_IN_PROGRESS_KEY, value, SYSTEM_ACTOR);

  it('is not initialised while it takes the office from the hub, accounts or not; it is once the join is done', async () => {
    await setSetting('unitName', '新宁县信访局', SYSTEM_ACTOR);
    await join({ startedAt: '2026-11-26T09:00:00', hubUrl: 'http://192.168.1.10:5984', hubDocs: 120 });
    expect(await joinInProgress()).toBe(true);
    expect(await isInitialised()).toBe(false); // no account yet: nobody could sign in
    await insert(db.accounts, { staffId: 's1', loginName: 'keyuan', passwordHash: '00', salt: '00', iterations: 1, failedAttempts: 0 }, SYSTEM_ACTOR);
    expect(await isInitialised()).toBe(false); // the first accounts, not yet the whole office
    // a start meanwhile: the unfinished join is no unfinished set-up to throw away
    expect(await discardUnfinishedSetup()).toBe('none');
    expect(await db.accounts.count()).toBe(1);
    await join(null);
    expect(await joinInProgress()).toBe(false);
    expect(await isInitialised()).toBe(true);
  });

  it('needs the unit name and an account as before', async () => {
    expect(await isInitialised()).toBe(false);
    await insert(db.accounts, { staffId: 's1', loginName: 'keyuan', passwordHash: '00', salt: '00', iterations: 1, failedAttempts: 0 }, SYSTEM_ACTOR);
    expect(await isInitialised()).toBe(false);
    await setSetting('unitName', '新宁县信访局', SYSTEM_ACTOR);
    expect(await isInitialised()).toBe(true);
  });
});

describe('first-run setup with demo data, interrupted or not', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryStorage());
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
  const counts = async () => Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));

  it('a setup closed while the demo data loads is not offered for login; the next start clears it and offers setup again', async () => {
    // The window closes while the third module's generator runs: it never returns, nothing after it runs.
    for (const m of DEMO_MODULES) vi.spyOn(m, 'load').mockResolvedValue(undefined);
    const third = vi.spyOn(DEMO_MODULES[2], 'load').mockImplementation(() => new Promise(() => undefined));
    void runSetup(SETUP, { demo: true });
    await vi.waitFor(() => expect(third).toHaveBeenCalled(), { timeout: 30_000 });
    // A half-made bureau: the administrator and the demo staff exist, most tables are empty.
    expect(await db.staff.count()).toBeGreaterThan(20);
    expect(await db.accounts.count()).toBeGreaterThan(1);
    expect(await isInitialised()).toBe(false); // not the login screen
    const name = db.name;
    expect(readAuditAnchor(name)).not.toBeNull();
    // The next start: the unfinished setup is discarded, the database made anew under its name.
    expect(await discardUnfinishedSetup()).toBe('discarded');
    expect(db.name).toBe(name);
    expect(Object.values(await counts()).every((n) => n === 0)).toBe(true);
    expect(readAuditAnchor(name)).toBeNull(); // the thrown-away chain's anchor is forgotten too
    expect(await isInitialised()).toBe(false);
    // Setup again, and it completes.
    await runSetup(SETUP);
    expect(await isInitialised()).toBe(true);
    expect((await login('admin', 'Admin12345')).ok).toBe(true);
    expect(await discardUnfinishedSetup()).toBe('none');
    expect(await verifyAuditChain()).toMatchObject({ ok: true, anchored: true });
  }, 60_000);

  it('never discards a finished setup', async () => {
    for (const m of DEMO_MODULES) vi.spyOn(m, 'load').mockResolvedValue(undefined);
    const progress: string[] = [];
    await runSetup(SETUP, { demo: true, progress: (m) => progress.push(m) });
    expect(progress.at(-1)).toBe('演示数据已载入');
    expect((await db.settings.get(SETUP_IN_PROGRESS_KEY))?.value).toBeNull();
    expect(await isInitialised()).toBe(true);
    const before = await counts();
    expect(await discardUnfinishedSetup()).toBe('none');
    expect(await counts()).toEqual(before);
    expect((await login('juzhang', 'demo1234')).ok).toBe(true);
    // Without demo data: one transaction, no mark at all.
    await resetDb();
    await runSetup(SETUP);
    expect(await db.settings.get(SETUP_IN_PROGRESS_KEY)).toBeUndefined();
    expect(await discardUnfinishedSetup()).toBe('none');
    expect(await isInitialised()).toBe(true);
  }, 60_000);

  it('a demo generator that fails undoes the setup at once, so it can be run again', async () => {
    for (const m of DEMO_MODULES) vi.spyOn(m, 'load').mockResolvedValue(undefined);
    vi.spyOn(DEMO_MODULES[1], 'load').mockRejectedValue(new Error('生成器出错'));
    await expect(runSetup(SETUP, { demo: true })).rejects.toThrow('载入演示数据时出错，本次初始化已撤销，请重试：生成器出错');
    expect(Object.values(await counts()).every((n) => n === 0)).toBe(true);
    expect(await isInitialised()).toBe(false);
    vi.spyOn(DEMO_MODULES[1], 'load').mockResolvedValue(undefined);
    await runSetup(SETUP, { demo: true });
    expect(await isInitialised()).toBe(true);
  }, 60_000);
});

describe('login', () => {
  it('accepts the right password and refuses a wrong one in Chinese', async () => {
    await completeSetup(SETUP);
    const ok = await login('admin', 'Admin12345');
    expect(ok.ok && ok.user.name).toBe('管理员甲');
    expect(await login('admin', 'nope1234')).toEqual({ ok: false, message: LOGIN_REFUSED });
    expect(LOGIN_REFUSED).toBe('登录名或密码错误（连续输错5次，账户将锁定15分钟，锁定期间无法登录）');
  });

  it('answers an unknown login name exactly as a wrong password for a real one, every time', async () => {
    await completeSetup(SETUP);
    for (let i = 0; i < 5; i++) {
      const real = await login('admin', 'wrong123');
      const unknown = await login('nobody', 'wrong123');
      expect(unknown).toEqual(real);
      expect(real).toEqual({ ok: false, message: LOGIN_REFUSED });
    }
    // The real account is locked all the same (not said on screen): even the right password is refused.
    expect((await db.accounts.toArray())[0].lockedUntil).toBeTruthy();
    expect(await login('admin', 'Admin12345')).toEqual(await login('nobody', 'Admin12345'));
  }, 60_000);

  it('locks the account for 15 minutes after five wrong passwords, then lets it in again', async () => {
    await completeSetup(SETUP);
    for (let i = 1; i <= 4; i++) {
      expect(await login('admin', 'wrong123')).toEqual({ ok: false, message: LOGIN_REFUSED });
      expect((await db.accounts.toArray())[0].failedAttempts).toBe(i);
    }
    expect(await login('admin', 'wrong123')).toEqual({ ok: false, message: LOGIN_REFUSED });
    const acc = (await db.accounts.toArray())[0];
    expect(acc.lockedUntil).toBe(new Date('2026-11-26T09:15:00+08:00').toISOString());
    expect((await db.audit.orderBy(':id').last())?.summary).toBe('密码连续错误，账户锁定');
    const locked = await login('admin', 'Admin12345');
    expect(locked).toEqual({ ok: false, message: LOGIN_REFUSED });
    pinClock(new Date('2026-11-26T09:14:00+08:00'));
    expect((await login('admin', 'Admin12345')).ok).toBe(false);
    pinClock(new Date('2026-11-26T09:15:01+08:00'));
    expect((await login('admin', 'Admin12345')).ok).toBe(true);
  });

  it('resets the failure count after a successful login', async () => {
    await completeSetup(SETUP);
    for (let i = 0; i < 4; i++) await login('admin', 'wrong123');
    expect((await login('admin', 'Admin12345')).ok).toBe(true);
    expect((await db.accounts.toArray())[0].failedAttempts).toBe(0);
    expect(await login('admin', 'wrong123')).toEqual({ ok: false, message: LOGIN_REFUSED });
    expect((await db.accounts.toArray())[0].failedAttempts).toBe(1);
  });

  it('lets the administrator set a new password without ever reading the old one', async () => {
    await completeSetup(SETUP);
    const admin = (await db.staff.toArray())[0];
    const acc = await createAccount(admin.id, 'second', 'First1234', { id: admin.id, name: admin.name });
    await expect(setPassword(acc.id, 'short', { id: admin.id, name: admin.name }, '重置')).rejects.toThrow('密码至少8位');
    await setPassword(acc.id, 'Second1234', { id: admin.id, name: admin.name }, '管理员重置密码');
    expect((await login('second', 'First1234')).ok).toBe(false);
    expect((await login('second', 'Second1234')).ok).toBe(true);
    await expect(createAccount(admin.id, 'second', 'Third12345', { id: admin.id, name: admin.name })).rejects.toThrow('登录名已被使用');
  });
});

describe('audit of accounts', () => {
  it('never stores a password hash or salt in the audit trail', async () => {
    await completeSetup(SETUP);
    const admin = (await db.staff.toArray())[0];
    const acc = (await db.accounts.toArray())[0];
    await setPassword(acc.id, 'Another1234', { id: admin.id, name: admin.name }, '修改密码');
    const trail = JSON.stringify(await db.audit.toArray());
    const now = await db.accounts.get(acc.id);
    expect(trail).not.toContain(now!.passwordHash);
    expect(trail).not.toContain(now!.salt);
    expect(trail).toContain('（已隐藏）');
  });
});
