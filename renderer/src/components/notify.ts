import { notifications } from '@mantine/notifications';
import type { NotificationData } from '@mantine/notifications';

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

// The notices on screen, oldest first. Mantine queues what is over its limit behind the oldest ones
// and pauses every notice while the pointer rests on any; a pointer left where notices appear would
// then keep three old refusals up and the new 「已同意」 queued, unseen. So every notice comes here, and
// the newest always shows: the oldest gives way to it.
let onScreen: string[] = [];
let noticeCounter = 0;

export function showNotice(data: NotificationData & { id?: string }): string {
  const id = data.id ?? `notice-${++noticeCounter}`;
  if (!onScreen.includes(id)) {
    while (onScreen.length >= NOTICE_LIMIT) notifications.hide(onScreen.shift()!);
    onScreen.push(id);
  }
  notifications.show({
    ...data,
    id,
    onClose: (n) => {
      onScreen = onScreen.filter((x) => x !== id);
      data.onClose?.(n);
    },
  });
  return id;
}
export function updateNotice(data: NotificationData & { id: string }): void {
  notifications.update(data);
}

export function hideNotice(id: string): void {
  onScreen = onScreen.filter((x) => x !== id);
  notifications.hide(id);
}

// Another user signs in at this PC: what the last one was told (names, refusals) is not theirs to see.
export function clearNotices(): void {
  onScreen = [];
  notifications.clean();
}

export function notifyError(e: unknown, title = '未能完成'): void {
  showNotice({ color: 'red', title, message: errorMessage(e), autoClose: 8000 });
}

let lastOk: string | null = null;

// A short success notice. Quick saves do not stack: each replaces the one before.
export function notifyOk(message: string, title = '已完成'): void {
  if (lastOk) hideNotice(lastOk);
  const id = showNotice({
    color: 'green',
    title: title === '已完成' ? undefined : title,
    message,
    autoClose: OK_MS,
  });
  lastOk = id;
  setTimeout(() => {
    hideNotice(id);
    if (lastOk === id) lastOk = null;
  }, OK_MAX_MS);
}
