// The audit log as a person reads it: what kind of event (登录 and 退出 are not 修改), whose record
// by name, the changed fields in Chinese with their values formatted; never a record's UUID and
// never raw JSON in the visible text (the ID stays available on demand, see ui/AuditTab).
import type { AuditEntry } from '../../../db/schema/core';
import { tableLabel } from '../../../db/tableLabels';

import { ENUM_LABELS, fieldLabel, NOISE_FIELDS, SECRET_FIELDS, SETTING_LABELS } from './auditFields';
import { fmtBytes } from './format';

export type AuditKind =
  'create' | 'update' | 'delete' | 'restore' | 'login' | 'logout' | 'loginFailed' | 'locked' | 'event';

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  login: '登录',
  logout: '退出',
  loginFailed: '登录失败',
  locked: '锁定',
  event: '事件',
};

export const AUDIT_KIND_COLORS: Record<AuditKind, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'teal',
  login: 'gray',
  logout: 'gray',
  loginFailed: 'orange',
  locked: 'red',
  event: 'violet',
};

// Logins are written as changes of the account (the failure counter) or as events: told apart by
// their summary (auth/service.ts, app/Shell.tsx).
export function auditKind(e: Pick<AuditEntry, 'action' | 'table' | 'summary'>): AuditKind {
  if (e.action === 'login' || e.action === 'logout') return e.action;
  if (e.table === 'accounts') {
    const s = e.summary ?? '';
    if (s === '登录') return 'login';
    if (s.startsWith('退出登录')) return 'logout';
    if (s.startsWith('登录失败')) return 'loginFailed';
    if (s.includes('账户锁定')) return 'locked';
  }
  return e.action;
}

// Names the log can give instead of IDs: staff, sections, units (and any record it knows).
export type AuditNames = (id: string) => string | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const MAX = 80;

const clip = (s: string) => (s.length > MAX ? s.slice(0, MAX) + '…' : s);
const pad = (n: number) => String(n).padStart(2, '0');

// 2026-12-05 14:03:09 in local time.
export function fmtDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function fmtYuan(fen: number): string {
  return `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

const EMPTY = '（空）';

// One value as text: names for IDs, 元 for money, 是/否, dates, enum labels; objects as 字段：值 lists.
export function formatValue(table: string, field: string, v: unknown, names: AuditNames, depth = 0): string {
  if (v === null || v === undefined || v === '') return EMPTY;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return field.endsWith('Fen') ? fmtYuan(v) : String(v);
  if (typeof v === 'string') {
    const en = ENUM_LABELS[field]?.[v];
    if (en) return en;
    if (UUID.test(v)) return names(v) ?? '（另一条记录）';
    if (v === 'system') return field.endsWith('By') || field.endsWith('Id') ? '系统' : v;
    if (ISO_TIME.test(v)) return fmtDateTime(v);
    return clip(v);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return EMPTY;
    return clip(v.map((x) => formatValue(table, field, x, names, depth + 1)).join('、'));
  }
  if (typeof v === 'object') {
    const file = fileText(v);
    if (file) return file;
    if (depth > 1) return '…';
    const parts = Object.entries(v as Record<string, unknown>)
      .filter(([k]) => !NOISE_FIELDS.has(k))
      .map(([k, x]) => `${fieldLabel(table, k)} ${formatValue(table, k, x, names, depth + 1)}`);
    return parts.length ? clip(parts.join('，')) : EMPTY;
  }
  return clip(String(v));
}

// An attachment's file: the record's Blob (a version on 同步冲突) or what the audit trail keeps of
// it (its size and type, db/audit.ts).
function fileText(v: object): string | null {
  const o = v as { blob?: unknown; size?: unknown; type?: unknown };
  const isBlob = typeof Blob !== 'undefined' && v instanceof Blob;
  if (!isBlob && (o.blob !== true || typeof o.size !== 'number')) return null;
  const type = typeof o.type === 'string' && o.type ? `，${o.type}` : '';
  return `文件（${fmtBytes(o.size as number)}${type}）`;
}

const asObject = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// Readable lines of a change: "字段：旧 → 新" for changes, the fields of a creation; noise left out.
export function changeLines(e: AuditEntry, names: AuditNames = () => undefined): string[] {
  const kind = auditKind(e);
  // a login or logout says it all in its kind and summary (its counters are noise)
  if (kind === 'login' || kind === 'logout' || kind === 'loginFailed') return [];
  if (kind === 'locked') return [];
  const t = e.table;
  if (t === 'settings') {
    const label = SETTING_LABELS[e.recordId] ?? e.recordId;
    if (e.action === 'update' || e.before !== undefined)
      return [
        `${label}：${formatValue(t, e.recordId, e.before, names)} → ${formatValue(t, e.recordId, e.after, names)}`,
      ];
    return [`${label}：${formatValue(t, e.recordId, e.after, names)}`];
  }
  const b = asObject(e.before);
  const a = asObject(e.after);
  const show = (k: string, v: unknown) => formatValue(t, k, v, names);
  if (a && (b || e.action === 'update' || e.action === 'delete' || e.action === 'restore')) {
    const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a)])].filter(
      (k) => !NOISE_FIELDS.has(k) || k === 'deletedAt',
    );
    return keys
      .filter((k) => SECRET_FIELDS.has(k) || !same(b?.[k], a[k]))
      .map((k) =>
        SECRET_FIELDS.has(k)
          ? `${fieldLabel(t, k)}：（已更改，不显示）`
          : `${fieldLabel(t, k)}：${show(k, b?.[k])} → ${show(k, a[k])}`,
      );
  }
  if (a && e.action !== 'event') {
    return Object.keys(a)
      .filter((k) => !NOISE_FIELDS.has(k) && !SECRET_FIELDS.has(k) && k !== 'deletedAt' && k !== 'deletedBy')
      .filter((k) => a[k] !== null && a[k] !== undefined && a[k] !== '')
      .map((k) => `${fieldLabel(t, k)}：${show(k, a[k])}`);
  }
  // an event's data: its fields, shallow
  if (a) {
    return Object.entries(a)
      .filter(([k, v]) => !NOISE_FIELDS.has(k) && v !== null && v !== undefined && typeof v !== 'object')
      .map(([k, v]) => `${fieldLabel(t, k)}：${show(k, v)}`);
  }
  if (e.before !== undefined || e.after !== undefined)
    return [`${show('', e.before)} → ${show('', e.after)}`];
  return [];
}

const NAME_KEYS = ['regNo', 'docNo', 'docNumber', 'number', 'loginName', 'title', 'subject', 'year', 'date'];
// Tables whose `name` names the record itself (not a petitioner: PET-6 masks those by the redactor).
const NAMED_TABLES = new Set(['staff', 'sections', 'units', 'seals', 'vehicles']);

// What the entry is about, by name: the setting, the person, the section …; the table's name when
// nothing better is known. Never the record's UUID.
export function recordLabel(e: AuditEntry, names: AuditNames): string {
  if (e.table === 'settings') return SETTING_LABELS[e.recordId] ?? e.recordId;
  const known = names(e.recordId);
  if (known) return known;
  const rec = { ...asObject(e.before), ...asObject(e.after) };
  const keys = NAMED_TABLES.has(e.table) ? ['name', ...NAME_KEYS] : NAME_KEYS;
  for (const k of keys) {
    const v = rec[k];
    if ((typeof v === 'string' && v && !UUID.test(v)) || typeof v === 'number')
      return `${tableLabel(e.table)} ${v}`;
  }
  if (e.recordId && !UUID.test(e.recordId) && !/^[0-9a-f-]{16,}$/i.test(e.recordId)) return e.recordId;
  return `${tableLabel(e.table)}记录`;
}

// The person who acted: the name written with the entry.
export function actorLabel(e: AuditEntry): string {
  return e.actorId === 'system' ? '系统' : e.actorName;
}

// The summary as written, with any record ID in it replaced by a name.
export function summaryText(e: AuditEntry, names: AuditNames): string {
  return (e.summary ?? '').replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
    (id) => names(id) ?? '（另一条记录）',
  );
}
