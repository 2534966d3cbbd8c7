// A list screen's table: the header labels, one row of cells per record, and the "load more" button
// of keyset paging. Columns marked `right` (amounts) are right-aligned in the header and the cells.
import { Button, Table } from '@mantine/core';
import type { ButtonProps, TableProps, TableTrProps } from '@mantine/core';
import type { ReactNode } from 'react';

// A column's header: its label, or the label with the column right-aligned and/or its width.
export type Head = ReactNode | Column;
type Column = { label: ReactNode; right?: true; w?: number };

function isColumn(h: Head): h is Column {
  return typeof h === 'object' && h !== null && 'label' in h;
}

export function ListTable<T>({
  rows,
  head,
  row,
  rowKey = (r) => (r as { id: string }).id,
  rowProps,
  ...table
}: {
  rows: readonly T[] | undefined;
  head: readonly Head[];
  row: (r: T) => readonly ReactNode[];
  rowKey?: (r: T) => string;
  /** a row's own props (e.g. a dimmed row for a record no longer in use) */
  rowProps?: (r: T) => TableTrProps;
} & TableProps) {
  const right = head.map((h) => isColumn(h) && !!h.right);
  return (
    <Table striped highlightOnHover fz="sm" {...table}>
      <Table.Thead>
        <Table.Tr>
          {head.map((h, i) => (
            <Table.Th key={i} ta={right[i] ? 'right' : undefined} w={isColumn(h) ? h.w : undefined}>
              {isColumn(h) ? h.label : h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(rows ?? []).map((r) => (
          <Table.Tr key={rowKey(r)} {...rowProps?.(r)}>
            {row(r).map((cell, i) => (
              <Table.Td key={i} ta={right[i] ? 'right' : undefined}>
                {cell}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

// The next page of a keyset-paged list: shown while there is more.
export function MoreButton({
  more,
  onMore,
  children = '加载更多',
  variant = 'default',
}: {
  more: boolean | undefined;
  onMore: () => void;
  children?: ReactNode;
  variant?: ButtonProps['variant'];
}) {
  if (!more) return null;
  return (
    <Button variant={variant} onClick={onMore}>
      {children}
    </Button>
  );
}

// Select options from a label table ({ key: '中文' }), optionally headed by '全部' (value '').
export function labelOptions<K extends string>(
  labels: Record<K, string>,
  all?: string,
): { value: K | ''; label: string }[] {
  const opts = (Object.keys(labels) as K[]).map((k) => ({ value: k, label: labels[k] }));
  return all === undefined ? opts : [{ value: '', label: all }, ...opts];
}
