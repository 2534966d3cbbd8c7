// Date and year fields, and how a time is shown (2026-12-05 14:30), the same on any Windows language.
import { NativeSelect, TextInput } from '@mantine/core';
import type { TextInputProps } from '@mantine/core';

import { today } from '../db/clock';

// A date as 2026-12-05: value and onChange carry the ISO date ('' when empty).
export function DateField({
  value,
  onChange,
  ...props
}: Omit<TextInputProps, 'type' | 'value' | 'onChange'> & { value: string; onChange: (iso: string) => void }) {
  return <TextInput type="date" {...props} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
}

export function thisYear(): number {
  return Number(today().slice(0, 4));
}

// Next year first, then back `span` years in all: 2027年, 2026年 …
export function yearOptions(span = 4): { value: string; label: string }[] {
  const y = thisYear();
  return Array.from({ length: span }, (_, i) => String(y + 1 - i)).map((v) => ({
    value: v,
    label: `${v}年`,
  }));
}

export function YearSelect({
  value,
  onChange,
  label = '年度',
  from = 2020,
}: {
  value: number;
  onChange: (y: number) => void;
  label?: string;
  from?: number;
}) {
  const years: string[] = [];
  for (let y = thisYear() + 1; y >= from; y--) years.push(String(y));
  return (
    <NativeSelect
      label={label}
      w={110}
      value={String(value)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={years}
    />
  );
}

export function fmtTime(at?: string | null): string {
  if (!at) return '';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
