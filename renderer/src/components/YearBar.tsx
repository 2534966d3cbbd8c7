// The bar above a year's register: the year to show, and the button that exports that year's
// register to Excel (a failed export is notified). `children` go beside the export button.
import { Group } from '@mantine/core';
import type { ReactNode } from 'react';

import { YearSelect } from './dates';
import { ExportButton } from './ListParts';

export function YearBar({
  year,
  onYear,
  onExport,
  exportLabel = '导出Excel',
  children,
}: {
  year: number;
  onYear: (y: number) => void;
  onExport: (year: number) => Promise<unknown>;
  exportLabel?: string;
  children?: ReactNode;
}) {
  const button = <ExportButton onExport={() => onExport(year)} label={exportLabel} />;
  return (
    <Group justify="space-between" align="flex-end">
      <YearSelect value={year} onChange={onYear} />
      {children ? (
        <Group>
          {button}
          {children}
        </Group>
      ) : (
        button
      )}
    </Group>
  );
}
