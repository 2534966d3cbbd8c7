import { describe, expect, it } from 'vitest';

import { db } from '../db/db';
import { TABLE_LABELS, tableLabel } from '../db/tableLabels';

import { readingMessage } from './backup';
import { writingMessage } from './restore';

describe('backup and restore progress in Chinese table names', () => {
  it('says 正在写入：审计日志, not the table key', () => {
    expect(writingMessage('audit')).toBe('正在写入：审计日志');
    expect(writingMessage('staff')).toBe('正在写入：人员');
    expect(readingMessage('petitions')).toBe('正在读取：信访事项');
  });

  it('has a Chinese name for every table of the database', () => {
    const missing = db.tables.map((t) => t.name).filter((n) => !TABLE_LABELS[n]);
    expect(missing).toEqual([]);
    expect(tableLabel('unknownTable')).toBe('unknownTable');
  });
});
