// Small shared pieces of the attendance screens.
import { Badge, Group } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { isISODate } from '../../../../../shared/rules';
import { MonthField } from '../../../components/dates';

// useLiveQuery for a screen of one month or year: the result is tagged with the key it was read for,
// and a result read for another key is not handed out. (useLiveQuery keeps the previous result while
// the query for new deps runs; the 考勤表 read December's rows with November's length, issue 13.15.)
export function useLiveFor<T>(key: string, query: () => Promise<T>): T | undefined {
  const r = useLiveQuery(async () => ({ key, value: await query() }), [key]);
  return r && r.key === key ? r.value : undefined;
}

// How a month not yet announced is labelled on screen and in its export (ATT-7): a preview.
export function previewLabel(ended: boolean, today: string): string {
  return ended
    ? '预览（非正式，尚未通报）'
    : `预览（非正式，截至${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日）`;
}

export function parseMonthParam(
  p: string | undefined,
  fallback: string,
): { year: number; month: number; key: string } {
  const key = p && /^\d{4}-\d{2}$/.test(p) ? p : fallback.slice(0, 7);
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)), key };
}

export function MonthInput(props: { value: string; onChange: (key: string) => void; label?: string }) {
  return <MonthField w={170} {...props} />;
}

export function validDate(v: string | undefined): v is string {
  return !!v && isISODate(v);
}

const MARK_COLOR: Record<string, string> = { 迟: 'orange', 早: 'orange', 旷: 'red', 公: 'blue', 休: 'gray' };

// A 考勤表 code ('√/迟', '事/事', '休') coloured by its worst mark.
export function codeColor(code: string): string | undefined {
  if (code.includes('旷')) return 'var(--mantine-color-red-7)';
  if (code.includes('迟') || code.includes('早')) return 'var(--mantine-color-orange-7)';
  if (code === '休') return 'var(--mantine-color-gray-5)';
  if (/[事病年婚丧产探其]/.test(code)) return 'var(--mantine-color-grape-7)';
  if (code.includes('公')) return 'var(--mantine-color-blue-7)';
  return undefined;
}

export function Legend() {
  return (
    <Group gap={6}>
      {[
        '√ 出勤',
        '迟 迟到',
        '早 早退',
        '旷 旷工',
        '事 事假',
        '病 病假',
        '年 年休假',
        '婚 婚假',
        '丧 丧假',
        '产 产假',
        '探 探亲假',
        '公 公出',
        '休 休息日',
      ].map((t) => (
        <Badge key={t} variant="light" color={MARK_COLOR[t[0]] ?? 'grape'} radius="sm">
          {t}
        </Badge>
      ))}
    </Group>
  );
}
