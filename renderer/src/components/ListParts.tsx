// Small pieces list screens repeat: the link from a row to its record, the year picker over a list,
// the "导出Excel" button, an action that ends in a notice (success or the refusal), a button busy
// while its action runs, and the rows picked by check boxes for one action over them.
import { Anchor, Button, Checkbox, NativeSelect, Text } from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import { useState } from 'react';
import type { ComponentProps, ReactNode } from 'react';

import { href } from '../app/router';
import type { Route } from '../app/routes';

import { yearOptions } from './dates';
import { ListTable } from './ListTable';
import { notifyError, notifyOk } from './notify';

// Runs an action; a refusal shows as an error notice, success as `ok` (when given).
export async function attempt(work: () => Promise<unknown>, ok?: string): Promise<void> {
  try {
    await work();
    if (ok) notifyOk(ok);
  } catch (e) {
    notifyError(e);
  }
}

// A row's link to its record's page.
export function RowLink({ to, children }: { to: Route; children: ReactNode }) {
  return (
    <Anchor href={href(...to)} size="sm">
      {children}
    </Anchor>
  );
}

// The year over a list (value as the select's string; next year first, then back four years).
export function YearPicker({
  value,
  onChange,
  label = '年度',
  w = 120,
}: {
  value: string;
  onChange: (year: string) => void;
  label?: string;
  w?: number;
}) {
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={yearOptions()}
      w={w}
    />
  );
}

// '导出Excel': runs the export; a failure shows as an error notice.
export function ExportButton({
  onExport,
  label = '导出Excel',
  ...button
}: { onExport: () => Promise<unknown>; label?: string } & ButtonProps) {
  return (
    <Button variant="default" {...button} onClick={() => attempt(onExport)}>
      {label}
    </Button>
  );
}

// A button's action (an export, a sign-in): busy while it runs, a refusal shown as an error notice.
export function useBusyAction(): [busy: boolean, run: (action: () => Promise<unknown>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await attempt(action);
    } finally {
      setBusy(false);
    }
  }
  return [busy, run];
}

// A button that shows as loading while its action runs; a refusal shows as an error notice.
export function ActionButton({
  action,
  children,
  ...button
}: { action: () => Promise<unknown>; children: ReactNode } & ButtonProps) {
  const [busy, run] = useBusyAction();
  return (
    <Button {...button} loading={busy} onClick={() => run(action)}>
      {children}
    </Button>
  );
}

export type Picks = {
  picked: string[];
  setPicked: (ids: string[]) => void;
  toggle: (id: string, on: boolean) => void;
};

// The ids picked by a list's check boxes.
export function usePicks(): Picks {
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) =>
    setPicked(on ? [...picked, id] : picked.filter((x) => x !== id));
  return { picked, setPicked, toggle };
}

// One row's check box of a `usePicks` list.
export function PickBox({ picks, id, label }: { picks: Picks; id: string; label: string }) {
  return (
    <Checkbox
      aria-label={label}
      checked={picks.picked.includes(id)}
      onChange={(e) => picks.toggle(id, e.currentTarget.checked)}
    />
  );
}

// A list's table, or once the rows are read (`loaded`) and there are none, the `empty` line.
export function ListOrEmpty<T>({
  loaded,
  empty,
  ...list
}: { loaded: boolean; empty: ReactNode } & ComponentProps<typeof ListTable<T>>) {
  if (loaded && (list.rows ?? []).length === 0) return <Text c="dimmed">{empty}</Text>;
  return <ListTable {...list} />;
}
