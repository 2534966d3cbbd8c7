import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { memoryStorage } from '../backup/testutil';

import { appendAudit, AUDIT_GENESIS, verifyAuditChain } from './audit';
import { readAuditAnchor } from './auditAnchor';
import { db } from './db';
import { DomainError, insert, logEvent, restoreDeleted, softDelete, SYSTEM_ACTOR, update, writeTx } from './repo';
import { setSetting } from './settings';
import { resetDb } from './testing';

async function lastAudit() {
  return (await db.audit.orderBy(':id').last())!;
}

async function someEntries() {
  const a = await insert(db.sections, { name: '甲股', order: 0, headId: null, deputyId: null }, SYSTEM_ACTOR);
  await update(db.sections, a.id, { name: '乙股' }, SYSTEM_ACTOR);
  await insert(db.units, { name: '某镇', kind: 'township', active: true }, SYSTEM_ACTOR);
  await setSetting('unitName', '某县信访局', SYSTEM_ACTOR);
  await softDelete(db.sections, a.id, SYSTEM_ACTOR, '撤并');
  return a;
}

describe('the audit chain', () => {
  beforeEach(async () => {
    await resetDb();
  });

  it('an untouched chain verifies, starting from the genesis hash', async () => {
    await someEntries();
    const first = await db.audit.orderBy(':id').first();
    expect(first!.prevHash).toBe(AUDIT_GENESIS);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 5, anchored: false });
  });

  it('hashes a new entry as the chain is checked, whatever shape its record has', async () => {
    // keys out of order, nested arrays and objects, an undefined field, a Blob, secrets, no before
    const odd = {
      zeta: 1,
      alpha: [3, undefined, { y: 'é', b: null }],
      file: new Blob(['x'], { type: 'text/plain' }),
      gone: undefined,
      passwordHash: 'h',
      salt: 's',
    };
    const by = { actorId: 'a', actorName: '甲', table: 'units', recordId: 'r' };
    await appendAudit({ ...by, at: '2026-01-01T00:00:00Z', action: 'create', after: odd });
    await appendAudit({
      ...by,
      at: '2026-01-02T00:00:00Z',
      action: 'update',
      before: odd,
      after: { ...odd, zeta: 2 },
      summary: '改',
    });
    await appendAudit({ ...by, at: '2026-01-03T00:00:00Z', action: 'event', before: null });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 3 });
  });

  it('finds an entry whose content was altered afterwards', async () => {
    await someEntries();
    const third = (await db.audit.orderBy(':id').toArray())[2];
    await db.audit.put({ ...third, actorName: '别人' }); // written around the repository
    const r = await verifyAuditChain();
    expect(r).toMatchObject({ ok: false, firstBrokenSeq: third.seq, checked: 2 });
    expect(r.reason).toContain('被改动');
  });

  it('finds an altered before/after value even when the forger recomputes nothing else', async () => {
    await someEntries();
    const second = (await db.audit.orderBy(':id').toArray())[1];
    await db.audit.put({ ...second, after: { name: '丙股' } });
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBrokenSeq: second.seq });
  });

  it('finds an entry that was deleted (the next one no longer links)', async () => {
    await someEntries();
    const all = await db.audit.orderBy(':id').toArray();
    await db.audit.delete(all[1].seq!);
    const r = await verifyAuditChain();
    expect(r).toMatchObject({ ok: false, firstBrokenSeq: all[2].seq, checked: 1 });
    expect(r.reason).toContain('删除');
  });

  it('finds a rewritten entry whose own hash was recomputed (the link to the next breaks)', async () => {
    await someEntries();
    const { auditHash } = await import('./audit');
    const all = await db.audit.orderBy(':id').toArray();
    const { seq, hash: _h, ...rest } = all[1];
    const forged = { ...rest, summary: '伪造' };
    await db.audit.put({ ...forged, seq, hash: auditHash(forged) });
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBrokenSeq: all[2].seq });
  });

  it('checks a long chain page by page and reports progress', async () => {
    await writeTx([db.units], async () => {
      for (let i = 0; i < 2100; i++) await logEvent('units', `u${i}`, '测试', SYSTEM_ACTOR);
    });
    const seen: number[] = [];
    expect(await verifyAuditChain((n) => seen.push(n))).toMatchObject({ ok: true, checked: 2100 });
    expect(seen).toEqual([2000, 2100]);
  });
});

describe('the chain’s head, kept outside the database', () => {
  beforeEach(async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    await resetDb();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('follows every committed write', async () => {
    await someEntries();
    const last = await lastAudit();
    expect(readAuditAnchor(db.name)).toEqual({ seq: last.seq, hash: last.hash });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 5, anchored: true, head: { seq: last.seq } });
  });

  it('finds the newest entries removed from the end, which the chain alone cannot', async () => {
    await someEntries();
    const all = await db.audit.orderBy(':id').toArray();
    await db.audit.bulkDelete([all[3].seq!, all[4].seq!]);
    const r = await verifyAuditChain();
    expect(r).toMatchObject({ ok: false, checked: 3, firstBrokenSeq: all[2].seq! + 1, anchored: true });
    expect(r.reason).toContain('末尾缺失');
    expect(r.reason).toContain(`第 ${all[4].seq} 条`);
  });

  it('finds a removed last entry even after new writes have grown the chain past it', async () => {
    await someEntries();
    const removed = await lastAudit();
    await db.audit.delete(removed.seq!);
    // The next write links to the entry before the removed one: the chain itself is sound again.
    await logEvent('units', 'x', '之后的写入', SYSTEM_ACTOR);
    expect(readAuditAnchor(db.name)).toEqual({ seq: removed.seq, hash: removed.hash });
    const r = await verifyAuditChain();
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ firstBrokenSeq: removed.seq, anchored: true });
  });

  it('is not moved by a transaction that failed', async () => {
    await someEntries();
    const before = readAuditAnchor(db.name);
    await expect(
      writeTx([db.sections], async () => {
        await insert(db.sections, { name: '丁股', order: 1, headId: null, deputyId: null }, SYSTEM_ACTOR);
        throw new DomainError('规则不允许');
      }),
    ).rejects.toThrow('规则不允许');
    expect(readAuditAnchor(db.name)).toEqual(before);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it('when lost (storage cleared), the chain is checked alone and the head is noted again', async () => {
    await someEntries();
    localStorage.clear();
    expect(await verifyAuditChain()).toMatchObject({ ok: true, anchored: false });
    const last = await lastAudit();
    expect(readAuditAnchor(db.name)).toEqual({ seq: last.seq, hash: last.hash });
  });
});

describe('every write leaves its audit entry in the same transaction', () => {
  beforeEach(async () => {
    await resetDb();
  });

  it('insert, update, softDelete, restoreDeleted and setSetting each write one entry', async () => {
    const s = await insert(db.sections, { name: '甲股', order: 0, headId: null, deputyId: null }, SYSTEM_ACTOR, '新建');
    expect(await lastAudit()).toMatchObject({ action: 'create', table: 'sections', recordId: s.id, summary: '新建' });
    await update(db.sections, s.id, { name: '乙股' }, { id: 'u1', name: '张三' });
    expect(await lastAudit()).toMatchObject({ action: 'update', actorName: '张三', before: { name: '甲股' }, after: { name: '乙股' } });
    await softDelete(db.sections, s.id, SYSTEM_ACTOR);
    expect(await lastAudit()).toMatchObject({ action: 'delete', recordId: s.id });
    await restoreDeleted(db.sections, s.id, SYSTEM_ACTOR);
    expect(await lastAudit()).toMatchObject({ action: 'restore', recordId: s.id, before: { deletedAt: expect.any(String) } });
    await setSetting('unitName', '某县信访局', SYSTEM_ACTOR);
    expect(await lastAudit()).toMatchObject({ action: 'create', table: 'settings', recordId: 'unitName', after: '某县信访局' });
    await setSetting('unitName', '另一县信访局', SYSTEM_ACTOR);
    expect(await lastAudit()).toMatchObject({ action: 'update', before: '某县信访局', after: '另一县信访局' });
    expect(await db.audit.count()).toBe(6);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it('a failed transaction leaves neither the record nor the audit entry', async () => {
    await expect(
      writeTx([db.sections, db.staff], async () => {
        await insert(db.sections, { name: '甲股', order: 0, headId: null, deputyId: null }, SYSTEM_ACTOR);
        await insert(db.staff, { name: '某人', sectionId: null, rank: 'staff', roles: [], active: true }, SYSTEM_ACTOR);
        throw new DomainError('规则不允许');
      }),
    ).rejects.toThrow('规则不允许');
    expect(await db.sections.count()).toBe(0);
    expect(await db.staff.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('a failed update or setSetting is undone with its entry', async () => {
    const s = await insert(db.sections, { name: '甲股', order: 0, headId: null, deputyId: null }, SYSTEM_ACTOR);
    const n = await db.audit.count();
    await expect(
      writeTx([db.sections, db.settings], async () => {
        await update(db.sections, s.id, { name: '乙股' }, SYSTEM_ACTOR);
        await setSetting('unitName', 'x', SYSTEM_ACTOR);
        throw new Error('中途失败');
      }),
    ).rejects.toThrow('中途失败');
    expect((await db.sections.get(s.id))!.name).toBe('甲股');
    expect(await db.settings.get('unitName')).toBeUndefined();
    expect(await db.audit.count()).toBe(n);
  });
});
