import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { pinClock } from '../db/clock';
import { db } from '../db/db';
import { resetDb } from '../db/testing';

import { PBKDF2_ITERATIONS } from './password';
import { completeSetup, createAccount, isInitialised, login, setPassword, validateSetup } from './service';

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

describe('login', () => {
  it('accepts the right password and refuses a wrong one in Chinese', async () => {
    await completeSetup(SETUP);
    const ok = await login('admin', 'Admin12345');
    expect(ok.ok && ok.user.name).toBe('管理员甲');
    expect(await login('admin', 'nope1234')).toEqual({ ok: false, message: '登录名或密码错误（还可尝试4次）' });
    expect(await login('nobody', 'Admin12345')).toEqual({ ok: false, message: '登录名或密码错误' });
  });

  it('locks the account for 15 minutes after five wrong passwords, then lets it in again', async () => {
    await completeSetup(SETUP);
    for (let i = 0; i < 4; i++) await login('admin', 'wrong123');
    expect(await login('admin', 'wrong123')).toEqual({ ok: false, message: '连续输错密码5次，账户已锁定15分钟' });
    const locked = await login('admin', 'Admin12345');
    expect(locked.ok).toBe(false);
    pinClock(new Date('2026-11-26T09:14:00+08:00'));
    expect((await login('admin', 'Admin12345')).ok).toBe(false);
    pinClock(new Date('2026-11-26T09:15:01+08:00'));
    expect((await login('admin', 'Admin12345')).ok).toBe(true);
  });

  it('resets the failure count after a successful login', async () => {
    await completeSetup(SETUP);
    for (let i = 0; i < 4; i++) await login('admin', 'wrong123');
    expect((await login('admin', 'Admin12345')).ok).toBe(true);
    expect(await login('admin', 'wrong123')).toEqual({ ok: false, message: '登录名或密码错误（还可尝试4次）' });
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
