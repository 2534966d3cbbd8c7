import { describe, expect, it } from 'vitest';

import { BACKUP_FILE_PATTERN, backupFileName } from './backup-name';

describe('backupFileName', () => {
  it('names a backup by local time, in the shape the main process prunes', () => {
    const name = backupFileName(new Date(2026, 0, 5, 7, 8, 9));
    expect(name).toBe('xinfang-backup-20260105-070809.json');
    expect(BACKUP_FILE_PATTERN.test(name)).toBe(true);
  });
});
