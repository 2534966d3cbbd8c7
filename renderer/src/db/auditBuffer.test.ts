// Buffered audit entries (载入演示数据): written together at the end of each writeTx scope, chained and
// numbered exactly as one add at a time would, the anchor moved on, nothing lost in nested scopes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { memoryStorage } from '../backup/testutil';

import { appendAudit, bufferAudit, verifyAuditChain } from './audit';
import { readAuditAnchor } from './auditAnchor';
import { db } from './db';
import { insert, SYSTEM_ACTOR, update, writeTx } from './repo';
import { resetDb } from './testing';

describe('buffered audit entries', () => {
  beforeEach(async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    await resetDb();
  });
  afterEach(() => {
    bufferAudit(false);
    vi.unstubAllGlobals();
  });

  it('chain, number and anchor the entries as unbuffered writes do, across nested scopes and transactions', async () => {
    await insert(db.units, { name: '甲镇', kind: 'township', active: true }, SYSTEM_ACTOR); // unbuffered
    bufferAudit(true);
    await writeTx([db.sections, db.units], async () => {
      const a = await insert(
        db.sections,
        { name: '甲股', order: 0, headId: null, deputyId: null },
        SYSTEM_ACTOR,
      );
      await writeTx([db.sections], async () => {
        await update(db.sections, a.id, { name: '乙股' }, SYSTEM_ACTOR);
      });
      await insert(db.units, { name: '乙镇', kind: 'township', active: true }, SYSTEM_ACTOR);
      // not written yet: kept until the scope ends
      expect(await db.audit.count()).toBe(1);
    });
    await db.transaction('rw', [db.units, db.audit], async () => {
      await writeTx([db.units], async () => {
        await insert(db.units, { name: '丙镇', kind: 'township', active: true }, SYSTEM_ACTOR);
      });
      // after the inner writeTx's scope, the plain transaction's own entry is written at once
      await appendAudit({
        at: '2026-01-01T00:00:00Z',
        actorId: 'system',
        actorName: '系统',
        table: 'units',
        recordId: 'x',
        action: 'event',
        summary: '事件',
      });
    });
    bufferAudit(false);
    await insert(db.units, { name: '丁镇', kind: 'township', active: true }, SYSTEM_ACTOR);
    const all = await db.audit.orderBy(':id').toArray();
    expect(all.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const report = await verifyAuditChain();
    expect(report.ok).toBe(true);
    expect(readAuditAnchor(db.name)).toEqual({ seq: 7, hash: all[6].hash });
  });

  it('writes nothing of a scope that fails', async () => {
    bufferAudit(true);
    await expect(
      writeTx([db.units], async () => {
        await insert(db.units, { name: '甲镇', kind: 'township', active: true }, SYSTEM_ACTOR);
        throw new Error('失败');
      }),
    ).rejects.toThrow('失败');
    await insert(db.units, { name: '乙镇', kind: 'township', active: true }, SYSTEM_ACTOR);
    bufferAudit(false);
    expect((await db.audit.toArray()).map((e) => e.seq)).toEqual([1]);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
