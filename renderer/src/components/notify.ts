import { notifications } from '@mantine/notifications';

import { DomainError } from '../db/repo';
import { isQuotaError, QUOTA_MESSAGE } from '../db/storage';

// One way to tell the user what went wrong, in Chinese, with the rule that applied.
export function errorMessage(e: unknown): string {
  if (e instanceof DomainError) return e.ruleId ? `${e.message}（${e.ruleId}）` : e.message;
  if (e instanceof RangeError) return `输入有误：${e.message}`;
  if (isQuotaError(e)) return QUOTA_MESSAGE;
  return e instanceof Error ? `操作失败：${e.message}` : `操作失败：${String(e)}`;
}

export function notifyError(e: unknown, title = '未能完成'): void {
  notifications.show({ color: 'red', title, message: errorMessage(e), autoClose: 8000 });
}

export function notifyOk(message: string, title = '已完成'): void {
  notifications.show({ color: 'green', title, message, autoClose: 3000 });
}
