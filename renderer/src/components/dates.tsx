// Date, month and year fields, and how a time is shown (2026-12-05 14:30), the same on any Windows
// language: Mantine's pickers with dayjs zh-cn (DatesProvider at the app root), never the browser's
// own date input (mm/dd/yyyy and "November 2026" on an English Windows).
import { NativeSelect, Popover, TextInput } from '@mantine/core';
import type { TextInputProps } from '@mantine/core';
import { DateInput, MonthPicker } from '@mantine/dates';
import type { DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';

import { today } from '../db/clock';

const pad = (n: string) => n.padStart(2, '0');

// What a clerk types, as an ISO date: 2026-12-05, 2026-12-5, 2026/12/5, 2026.12.5, 2026年12月5日,
// 20261205. null when it is not a date of the calendar (2026-02-30).
export function parseTypedDate(text: string): string | null {
  const t = text.trim().replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  const d = dayjs(iso);
  return d.isValid() && d.format('YYYY-MM-DD') === iso ? iso : null;
}

// A month as typed: 2026-12, 2026-1, 2026/12, 2026.12, 2026年12月, 202612 → '2026-12'; null otherwise.
export function parseTypedMonth(text: string): string | null {
  const t = text.trim().replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${pad(m[2])}` : null;
}

// A date as 2026-12-05: value and onChange carry the ISO date ('' when empty). Typed input is
// accepted (see parseTypedDate); the calendar (一 二 三 …, 2026年12月) opens on a click.
export function DateField({
  value,
  onChange,
  onClick,
  onBlur,
  onKeyDown,
  popoverProps,
  ...props
}: Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  value: string;
  onChange: (iso: string) => void;
}) {
  // Opened by a click only (not by focus or typing), so that a typed date never leaves a calendar
  // over the fields below it.
  const [opened, setOpened] = useState(false);
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      monthLabelFormat="YYYY年M月"
      yearLabelFormat="YYYY年"
      placeholder="年-月-日"
      clearable
      dateParser={parseTypedDate}
      {...props}
      popoverProps={{ ...popoverProps, opened, onClose: () => setOpened(false) }}
      value={value || null}
      onChange={(v) => {
        setOpened(false);
        onChange(v ?? '');
      }}
      onClick={(e) => {
        setOpened(true);
        onClick?.(e);
      }}
      onBlur={(e) => {
        setOpened(false);
        onBlur?.(e);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || e.key === 'Enter' || e.key === 'Tab') setOpened(false);
        onKeyDown?.(e);
      }}
    />
  );
}

// A month as 2026-12 (value and onChange carry 'YYYY-MM'): typed (2026-12, 2026年12月) or picked from
// the months of a year (一月 … 十二月).
export function MonthField({
  value,
  onChange,
  label = '月份',
  ...props
}: Omit<TextInputProps, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange: (month: string) => void;
}) {
  const [text, setText] = useState(value);
  const [opened, setOpened] = useState(false);
  useEffect(() => setText(value), [value]);
  return (
    <Popover
      opened={opened}
      onClose={() => setOpened(false)}
      position="bottom-start"
      trapFocus={false}
      withRoles={false}
    >
      <Popover.Target>
        <TextInput
          label={label}
          placeholder="年-月"
          autoComplete="off"
          {...props}
          value={text}
          onClick={() => setOpened(true)}
          onChange={(e) => {
            const t = e.currentTarget.value;
            setText(t);
            const m = parseTypedMonth(t);
            if (m) onChange(m);
          }}
          onBlur={() => {
            setOpened(false);
            setText(value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' || e.key === 'Enter' || e.key === 'Tab') setOpened(false);
          }}
        />
      </Popover.Target>
      <Popover.Dropdown onMouseDown={(e) => e.preventDefault()}>
        <MonthPicker
          yearLabelFormat="YYYY年"
          value={value ? `${value}-01` : null}
          onChange={(d) => {
            setOpened(false);
            if (d) onChange(d.slice(0, 7));
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
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
