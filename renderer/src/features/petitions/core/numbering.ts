// PET-1: registration numbers, running per series per year, in a format the office sets
// (e.g. 宁信来〔{year}〕{seq} → 宁信来〔2026〕0001).
import type { PetitionChannel } from '../../../db/schema/petitions';

export type Series = 'letter' | 'visit' | 'online' | 'handed';
export const SERIES: readonly Series[] = ['letter', 'visit', 'online', 'handed'];

export const SERIES_LABELS: Record<Series, string> = {
  letter: '来信',
  visit: '来访',
  online: '网上信访/省长信箱/市长信箱',
  handed: '上级交办',
};

export function seriesOf(channel: PetitionChannel): Series {
  switch (channel) {
    case 'letter':
      return 'letter';
    case 'visit':
      return 'visit';
    case 'handed_down':
      return 'handed';
    default:
      return 'online';
  }
}

export const DEFAULT_NUMBER_FORMATS: Record<Series, string> = {
  letter: '宁信来〔{year}〕{seq}',
  visit: '宁信访〔{year}〕{seq}',
  online: '宁信网〔{year}〕{seq}',
  handed: '宁信交〔{year}〕{seq}',
};

// A format must carry {seq}; {year} is optional (then numbers still restart each year, so the
// year should be in it: the settings screen says so).
export function numberFormatProblem(fmt: string): string | null {
  if (!fmt || !fmt.trim()) return '请填写编号格式';
  if (!fmt.includes('{seq}')) return '编号格式必须包含 {seq}（序号）';
  if ((fmt.match(/\{seq\}/g) ?? []).length > 1) return '编号格式中 {seq} 只能出现一次';
  return null;
}

export function formatRegNo(fmt: string, year: number, seq: number, digits: number): string {
  return fmt.replace('{year}', String(year)).replace('{seq}', String(seq).padStart(digits, '0'));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Reads a number back (e.g. one imported from a spreadsheet) when it has the series' format.
export function parseRegNo(fmt: string, regNo: string): { year: number | null; seq: number } | null {
  const parts = fmt.split(/(\{year\}|\{seq\})/).filter((p) => p !== '');
  const order: ('year' | 'seq')[] = [];
  const re = parts
    .map((p) => {
      if (p === '{year}') {
        order.push('year');
        return '(\\d{4})';
      }
      if (p === '{seq}') {
        order.push('seq');
        return '(\\d+)';
      }
      return escapeRe(p);
    })
    .join('');
  const m = new RegExp(`^${re}$`).exec(regNo.trim());
  if (!m) return null;
  const out: { year: number | null; seq: number } = { year: null, seq: 0 };
  order.forEach((k, i) => {
    if (k === 'year') out.year = Number(m[i + 1]);
    else out.seq = Number(m[i + 1]);
  });
  return out.seq > 0 ? out : null;
}
