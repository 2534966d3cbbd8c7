// Small pieces list screens repeat: the link from a row to its record, the year picker over a list,
// the "导出Excel" button, and an action that ends in a notice (success or the refusal).
import { Anchor, Button, NativeSelect } from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

import { href } from '../app/router';

import { yearOptions } from './dates';
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
export function RowLink({ to, children }: { to: readonly string[]; children: ReactNode }) {
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
}: {
  value: string;
  onChange: (year: string) => void;
  label?: string;
}) {
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={yearOptions()}
      w={120}
    />
  );
}

// '导出Excel': runs the export; a failure shows as an error notice.
export function ExportButton({ onExport, ...button }: { onExport: () => Promise<unknown> } & ButtonProps) {
  return (
    <Button variant="default" {...button} onClick={() => attempt(onExport)}>
      导出Excel
    </Button>
  );
}
