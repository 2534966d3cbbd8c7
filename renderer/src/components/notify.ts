import { notifications } from '@mantine/notifications';

import { DomainError } from '../db/repo';
import { isQuotaError, QUOTA_MESSAGE } from '../db/storage';

import { refusalCitation } from './ruleText';

// Where notices show (App.tsx): top centre, over the header's empty middle, never over the user
// menu (top right), 返回列表 or a form's buttons; at most three at once.
export const NOTICE_POSITION = 'top-center' as const;
export const NOTICE_LIMIT = 3;

// How long a success notice stays: a few seconds, and never longer than OK_MAX_MS even while the
// pointer rests on it.
export const OK_MS = 2500;
export const OK_MAX_MS = 5000;

// One way to tell the user what went wrong, in Chinese, with the rule that applied and its clause:
// 「…（ATT-7，制度 二、(一)2）」.
export function errorMessage(e: unknown): string {
  if (e instanceof DomainError) return e.ruleId ? `${e.message}（${refusalCitation(e.ruleId)}）` : e.message;
  if (e instanceof RangeError) return `输入有误：${e.message}`;
  if (isQuotaError(e)) return QUOTA_MESSAGE;
  return e instanceof Error ? `操作失败：${e.message}` : `操作失败：${String(e)}`;
}

export function notifyError(e: unknown, title = '未能完成'): void {
  notifications.show({ color: 'red', title, message: errorMessage(e), autoClose: 8000 });
}

let lastOk: string | null = null;

// A short success notice. Quick saves do not stack: each replaces the one before.
export function notifyOk(message: string, title = '已完成'): void {
  if (lastOk) notifications.hide(lastOk);
  const id = notifications.show({
    color: 'green',
    title: title === '已完成' ? undefined : title,
    message,
    autoClose: OK_MS,
  });
  lastOk = id;
  window.setTimeout(() => {
    notifications.hide(id);
    if (lastOk === id) lastOk = null;
  }, OK_MAX_MS);
}
