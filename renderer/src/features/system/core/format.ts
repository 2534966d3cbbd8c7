// Small formatters of the 系统 screens.
export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
export function weekdayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `周${WEEKDAYS[new Date(y, m - 1, d).getDay()]}`;
}

export { databaseInfo } from './dbInfo';
