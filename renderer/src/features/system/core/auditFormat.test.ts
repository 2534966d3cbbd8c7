import { describe, expect, it } from 'vitest';

import { ROLE_LABELS } from '../../../../../shared/permissions';
import type { AuditEntry } from '../../../db/schema/core';

import { AUDIT_KIND_LABELS, auditKind, changeLines, recordLabel, summaryText } from './auditFormat';

const STAFF = '3f0c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6';
const ACCOUNT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const SECTION = '11111111-2222-4333-8444-555555555555';
const names = (id: string) => ({ [STAFF]: '刘建国', [ACCOUNT]: '刘建国（ljg）', [SECTION]: '办公室' })[id];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const entry = (e: Partial<AuditEntry>): AuditEntry => ({
  seq: 1,
  at: '2026-12-05T06:03:09.000Z',
  actorId: STAFF,
  actorName: '刘建国',
  table: 'accounts',
  recordId: ACCOUNT,
  action: 'update',
  prevHash: '0',
  hash: '1',
  ...e,
});

// Everything a row shows as text.
const visible = (e: AuditEntry) =>
  [
    AUDIT_KIND_LABELS[auditKind(e)],
    recordLabel(e, names),
    summaryText(e, names),
    ...changeLines(e, names),
  ].join('\n');

describe('the audit log as a person reads it', () => {
  it('shows a login as 登录 with no counters, and failures, lockouts and logouts as their own events', () => {
    const login = entry({
      summary: '登录',
      before: { failedAttempts: 0, lockedUntil: null },
      after: { failedAttempts: 0, lockedUntil: null },
    });
    expect(AUDIT_KIND_LABELS[auditKind(login)]).toBe('登录');
    expect(changeLines(login, names)).toEqual([]);
    expect(visible(login)).not.toMatch(/failedAttempts|lockedUntil|→/);
    expect(AUDIT_KIND_LABELS[auditKind(entry({ summary: '登录失败：密码错误' }))]).toBe('登录失败');
    expect(AUDIT_KIND_LABELS[auditKind(entry({ summary: '密码连续错误，账户锁定' }))]).toBe('锁定');
    expect(AUDIT_KIND_LABELS[auditKind(entry({ action: 'event', summary: '退出登录' }))]).toBe('退出');
    expect(AUDIT_KIND_LABELS[auditKind(entry({ summary: '修改角色', table: 'staff' }))]).toBe('修改');
  });

  it('names people and records instead of their IDs, and keeps every UUID out of the text', () => {
    const created = entry({
      action: 'create',
      summary: '创建账户',
      after: {
        id: ACCOUNT,
        staffId: STAFF,
        loginName: 'ljg',
        passwordHash: 'ab',
        salt: 'cd',
        iterations: 1,
        failedAttempts: 0,
        lockedUntil: null,
        mustChangePassword: true,
        createdBy: STAFF,
        createdAt: '2026-12-05T06:03:09.000Z',
      },
    });
    const text = visible(created);
    expect(text).not.toMatch(UUID);
    expect(text).toContain('人员：刘建国');
    expect(text).toContain('登录名：ljg');
    expect(text).toContain('须修改密码：是');
    expect(text).not.toMatch(/passwordHash|salt|iterations|failedAttempts/);
    expect(recordLabel(created, names)).toBe('刘建国（ljg）');
    // an unknown record: the table's name, never the ID
    const other = entry({
      table: 'petitions',
      recordId: '0e0e0e0e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
      action: 'update',
      after: { handlerId: '7e7e7e7e-1b2c-4d5e-8f90-a1b2c3d4e5f6' },
      before: { handlerId: STAFF },
    });
    expect(visible(other)).not.toMatch(UUID);
    expect(recordLabel(other, names)).toBe('信访事项记录');
    expect(changeLines(other, names)).toEqual(['经办人：刘建国 → （另一条记录）']);
    expect(summaryText(entry({ summary: `转交 ${STAFF}` }), names)).toBe('转交 刘建国');
  });

  it('labels fields in Chinese and formats values: roles, money, booleans, dates; no raw JSON', () => {
    const roles = entry({
      table: 'staff',
      recordId: STAFF,
      summary: '修改角色',
      before: { roles: ['office'] },
      after: { roles: ['section_head', 'admin'], updatedAt: 'x', updatedBy: STAFF },
    });
    expect(changeLines(roles, names)).toEqual([
      `角色：${ROLE_LABELS.office} → ${ROLE_LABELS.section_head}、${ROLE_LABELS.admin}`,
    ]);
    const money = entry({
      table: 'expenses',
      action: 'update',
      before: { amountFen: 12345, urgent: false },
      after: { amountFen: 20000, urgent: true },
    });
    expect(changeLines(money, names)).toEqual(['金额：123.45 元 → 200.00 元', '紧急：否 → 是']);
    const leader = entry({
      table: 'sections',
      recordId: SECTION,
      before: { headId: null, deputyId: null },
      after: { headId: STAFF, deputyId: null },
    });
    expect(changeLines(leader, names)).toEqual(['股室负责人：（空） → 刘建国']);
    const setting = entry({
      table: 'settings',
      recordId: 'directorId',
      summary: '设置 directorId',
      before: null,
      after: STAFF,
    });
    expect(recordLabel(setting, names)).toBe('局长');
    expect(changeLines(setting, names)).toEqual(['局长：（空） → 刘建国']);
    const event = entry({
      table: 'backup',
      recordId: 'xinfang-2026-12-05.json',
      action: 'event',
      summary: '从备份恢复',
      after: { counts: { staff: 3 }, accepted: false, findings: [{ table: 'staff' }] },
    });
    const text = visible(event);
    expect(text).not.toContain('{');
    expect(changeLines(event, names)).toEqual(['已知悉不符仍恢复：否']);
    const created = entry({
      table: 'units',
      action: 'create',
      after: {
        name: '金石镇人民政府',
        kind: 'township',
        active: true,
        meta: { a: 1 },
        updatedAt: '2026-12-05T06:03:09.000Z',
      },
    });
    expect(visible(created)).not.toMatch(/[{}]/);
    expect(changeLines(created, names)).toContain('单位类别：乡镇');
  });

  it('shows a password change as changed, never its value', () => {
    const e = entry({
      summary: '本人修改密码',
      before: { passwordHash: '（已隐藏）', salt: '（已隐藏）', failedAttempts: 0, lockedUntil: null },
      after: { passwordHash: '（已隐藏）', salt: '（已隐藏）', failedAttempts: 0, lockedUntil: null },
    });
    expect(changeLines(e, names)).toEqual(['密码：（已更改，不显示）']);
  });
});
