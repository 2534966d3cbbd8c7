// Small helpers shared by the 系统 screens.
import { errorMessage, notifyError } from '../../components/notify';
import { DomainError } from '../../db/repo';

export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

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

// A refusal for one of the form's fields goes next to that field; anything else is a notification.
export function showError<F extends string>(e: unknown, fields: readonly F[], setErrors: (errs: Partial<Record<F, string>>) => void): void {
  if (e instanceof DomainError && e.field && (fields as readonly string[]).includes(e.field)) {
    setErrors({ [e.field]: errorMessage(e) } as Partial<Record<F, string>>);
  } else {
    notifyError(e);
  }
}
