import { describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR } from './repo';
import { getSettings, setSetting } from './settings';
import { resetDb } from './testing';

describe('getSettings', () => {
  it('reads several settings at once: each stored value, or the fallback given for a key not set', async () => {
    await resetDb();
    await setSetting('unitName', '新宁县信访局', SYSTEM_ACTOR);
    await setSetting('attendance.baseScore', 0, SYSTEM_ACTOR);
    expect(await getSettings({ unitName: '信访局', 'attendance.baseScore': 100, 'no.such.key': 'x' })).toEqual({
      unitName: '新宁县信访局',
      'attendance.baseScore': 0,
      'no.such.key': 'x',
    });
  });
});
