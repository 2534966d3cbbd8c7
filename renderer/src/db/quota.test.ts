import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { errorMessage } from '../components/notify';

import { db } from './db';
import { insert, SYSTEM_ACTOR, update, writeTx } from './repo';
import { isQuotaError, lowSpace, QUOTA_MESSAGE } from './storage';
import { resetDb, seedOrg } from './testing';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('a full disk during a multi-table write', () => {
  beforeEach(async () => {
    await resetDb();
    await seedOrg();
  });
  afterEach(() => vi.restoreAllMocks());

  it('leaves no partial record and no audit entry, and tells the user in Chinese what to do', async () => {
    const counts = { sections: await db.sections.count(), staff: await db.staff.count(), audit: await db.audit.count() };
    const lastSeq = (await db.audit.orderBy(':id').last())!.seq;
    vi.spyOn(db.staff, 'add').mockImplementation(() => {
      throw quota();
    });
    let caught: unknown;
    try {
      await writeTx([db.sections, db.staff], async () => {
        const s = await insert(db.sections, { name: '新股室', order: 9, headId: null, deputyId: null }, SYSTEM_ACTOR);
        await insert(db.staff, { name: '新人', sectionId: s.id, rank: 'staff', roles: [], active: true }, SYSTEM_ACTOR);
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeDefined();
    expect(isQuotaError(caught)).toBe(true);
    expect(errorMessage(caught)).toBe(QUOTA_MESSAGE);
    expect(errorMessage(caught)).toContain('磁盘空间不足');
    expect(await db.sections.count()).toBe(counts.sections);
    expect((await db.sections.toArray()).some((x) => x.name === '新股室')).toBe(false);
    expect(await db.staff.count()).toBe(counts.staff);
    expect(await db.audit.count()).toBe(counts.audit);
    expect((await db.audit.orderBy(':id').last())!.seq).toBe(lastSeq);
  });

  it('also when the failure comes after an update of an existing record (the update is undone)', async () => {
    const sec = (await db.sections.toArray())[0];
    vi.spyOn(db.audit, 'add').mockImplementationOnce(() => Promise.reject(quota()) as never);
    await expect(update(db.sections, sec.id, { name: '改名' }, SYSTEM_ACTOR)).rejects.toSatisfy(isQuotaError);
    expect((await db.sections.get(sec.id))!.name).toBe(sec.name);
  });
});

describe('isQuotaError and errorMessage', () => {
  it('recognises the DOMException, Dexie wrappers at any depth, and bulk failures', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'UnknownError', inner: quota() } })).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('x'))).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota()] })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: quota() } })).toBe(true);
    expect(isQuotaError(new Error('Encountered QuotaExceededError while writing'))).toBe(true);
    expect(isQuotaError(new Error('ConstraintError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(errorMessage(new Dexie.AbortError('Transaction aborted', quota()))).toBe(QUOTA_MESSAGE);
    expect(errorMessage(new Error('x'))).toBe('操作失败：x');
  });
});

describe('lowSpace', () => {
  const MB = 1024 * 1024;
  it('warns below 500 MB left or below 10 % left', () => {
    expect(lowSpace({ usage: 0, quota: 499 * MB })).toBe(true);
    expect(lowSpace({ usage: 100 * MB, quota: 10_000 * MB })).toBe(false);
    expect(lowSpace({ usage: 9_000 * MB, quota: 10_000 * MB })).toBe(false); // exactly 10 % (1000 MB) left
    expect(lowSpace({ usage: 9_001 * MB, quota: 10_000 * MB })).toBe(true);
    expect(lowSpace({ usage: 0, quota: 500 * MB })).toBe(false); // exactly 500 MB left, all of it free
    expect(lowSpace({ usage: 91_000 * MB, quota: 100_000 * MB })).toBe(true); // 9 % left of a big disk
    expect(lowSpace({ usage: 89_000 * MB, quota: 100_000 * MB })).toBe(false);
    expect(lowSpace(null)).toBe(false);
    expect(lowSpace({ usage: 0, quota: 0 })).toBe(false);
  });
});
