// Small UI pieces shared by the publicity, finance, integrity, assessment and duty screens: staff
// pickers, field errors from repository refusals, money display.
import { Badge, MultiSelect, NativeSelect, Text } from '@mantine/core';
import type { NativeSelectProps } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { ReactNode } from 'react';

import { formatYuan, rmbUppercase, ruleText } from '../../../../shared/rules';
import { useFieldErrors as useSharedFieldErrors } from '../../components/useFieldErrors';
import { today } from '../../db/clock';
import { db } from '../../db/db';
import type { Staff } from '../../db/schema/core';

export function useStaff(): {
  list: Staff[];
  name: (id: string | null | undefined) => string;
  byId: Map<string, Staff>;
} {
  const all = useLiveQuery(() => db.staff.orderBy('name').toArray(), [], [] as Staff[]);
  return useMemo(() => {
    const byId = new Map(all.map((s) => [s.id, s]));
    return {
      list: all.filter((s) => s.active && !s.deletedAt),
      byId,
      name: (id) => (id ? (byId.get(id)?.name ?? '') : ''),
    };
  }, [all]);
}

export function useSections(): Map<string, string> {
  const rows = useLiveQuery(() => db.sections.orderBy('order').toArray(), [], []);
  return useMemo(() => new Map(rows.map((s) => [s.id, s.name])), [rows]);
}

export function StaffSelect({
  staff,
  value,
  onChange,
  placeholder = '请选择',
  ...props
}: Omit<NativeSelectProps, 'value' | 'onChange' | 'data'> & {
  staff: Staff[];
  value: string;
  onChange: (id: string) => void;
  placeholder?: string;
}) {
  return (
    <NativeSelect
      {...props}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: placeholder },
        ...staff.map((s) => ({ value: s.id, label: s.title ? `${s.name}（${s.title}）` : s.name })),
      ]}
    />
  );
}

export function StaffMultiSelect({
  staff,
  value,
  onChange,
  label,
  error,
}: {
  staff: Staff[];
  value: string[];
  onChange: (ids: string[]) => void;
  label: string;
  error?: ReactNode;
}) {
  return (
    <MultiSelect
      label={label}
      value={value}
      onChange={onChange}
      searchable
      error={error}
      data={staff.map((s) => ({ value: s.id, label: s.name }))}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

// Field errors from a refusal (shared hook): a refusal at a field is also a notification when it
// carries a rule ID.
export function useFieldErrors() {
  return useSharedFieldErrors({ notifyFieldErrors: 'with_rule' });
}

export function Yuan({ fen, upper = false }: { fen: number; upper?: boolean }) {
  return (
    <span>
      ¥{formatYuan(fen)}
      {upper && (
        <Text span size="sm" c="dimmed" ml={6}>
          （人民币大写：{rmbUppercase(fen)}）
        </Text>
      )}
    </span>
  );
}

// Live preview of a yuan amount typed in a form: its capitals, or nothing while it is not a number.
export function typedFen(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [w, d = ''] = t.split('.');
  const fen = Number(w) * 100 + Number(d.padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

export function RuleBadge({ id }: { id: string }) {
  let text = '';
  try {
    text = ruleText(id).text;
  } catch {
    text = '';
  }
  return (
    <Badge variant="light" color="gray" title={text} style={{ textTransform: 'none' }}>
      {id}
    </Badge>
  );
}

export function yearOptions(span = 4): { value: string; label: string }[] {
  const y = Number(today().slice(0, 4));
  return Array.from({ length: span }, (_, i) => String(y + 1 - i)).map((v) => ({
    value: v,
    label: `${v}年`,
  }));
}

export function currentYear(): number {
  return Number(today().slice(0, 4));
}
