// onTablesChanged: a committed write to a watched table forgets what was kept; other tables, and a
// write that never commits, do not.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { onTablesChanged, tableOfPart } from './changes';
import { db } from './db';
import { insert, SYSTEM_ACTOR } from './repo';
import { resetDb } from './testing';

beforeEach(resetDb);

describe('onTablesChanged', () => {
  it('names the table of a part', () => {
    expect(tableOfPart('idb://xinfang/staff/name')).toBe('staff');
    expect(tableOfPart('idb://test-1-2/petitionSteps/')).toBe('petitionSteps');
    expect(tableOfPart('nonsense')).toBe('');
  });

  it('forgets after a committed write to a watched table only', async () => {
    const forget = vi.fn();
    const stop = onTablesChanged(['sections'], forget);
    try {
      await db.settings.put({ id: 'unitName', value: '某县信访局', updatedAt: '2026-12-07', updatedBy: 'system' });
      expect(forget).not.toHaveBeenCalled();
      await insert(db.sections, { name: '综合股', order: 0, headId: null, deputyId: null }, SYSTEM_ACTOR);
      expect(forget).toHaveBeenCalled();
      const n = forget.mock.calls.length;
      await db
        .transaction('rw', db.sections, db.audit, async () => {
          await insert(db.sections, { name: '信访股', order: 1, headId: null, deputyId: null }, SYSTEM_ACTOR);
          throw new Error('放弃');
        })
        .catch(() => undefined);
      expect(forget.mock.calls.length).toBe(n);
    } finally {
      stop();
    }
    const before = forget.mock.calls.length;
    await insert(db.sections, { name: '督查股', order: 2, headId: null, deputyId: null }, SYSTEM_ACTOR);
    expect(forget).toHaveBeenCalledTimes(before); // unsubscribed
  });
});
