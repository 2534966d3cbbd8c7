// A list screen's table: the header labels (a column may set its width `w`), one row of cells per record, and the "load more" button
// of keyset paging. Columns marked `right` (amounts) are right-aligned in the header and the cells;
// a column's `ws` is its cells' white-space ('nowrap' for dates and numbers, 'pre-wrap' for texts).
// `after` adds what follows a record's row (e.g. its approval, a whole-width row); `empty` is the
// line under the table when there is no row.
import { Button, Table, Text } from '@mantine/core';
import type { ButtonProps, TableProps, TableTrProps } from '@mantine/core';
import { Fragment, isValidElement } from 'react';
import type { CSSProperties, ReactNode } from 'react';

type Col = { label: ReactNode; right?: true; w?: number; ws?: CSSProperties['whiteSpace'] };
export type Head = ReactNode | Col;

function isCol(h: Head): h is Col {
  return typeof h === 'object' && h !== null && 'label' in h && !isValidElement(h);
}

function isRight(h: Head): h is Col & { right: true } {
  return isCol(h) && !!h.right;
}

export function ListTable<T>({
  rows,
  head,
  row,
  rowKey = (r) => (r as { id: string }).id,
  rowProps,
  after,
  empty,
  ...table
}: {
  rows: readonly T[] | undefined;
  head: readonly Head[];
  row: (r: T) => readonly ReactNode[];
  rowKey?: (r: T) => string;
  rowProps?: (r: T) => TableTrProps;
  after?: (r: T) => ReactNode;
  empty?: ReactNode;
} & TableProps) {
  const right = head.map(isRight);
  const style = head.map((h) => (isCol(h) && h.ws ? { whiteSpace: h.ws } : undefined));
  const list = (
    <Table striped highlightOnHover fz="sm" {...table}>
      <Table.Thead>
        <Table.Tr>
          {head.map((h, i) => (
            <Table.Th key={i} ta={right[i] ? 'right' : undefined} w={isCol(h) ? h.w : undefined}>
              {isCol(h) ? h.label : h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(rows ?? []).map((r) => (
          <Fragment key={rowKey(r)}>
            <Table.Tr {...rowProps?.(r)}>
              {row(r).map((cell, i) => (
                <Table.Td key={i} ta={right[i] ? 'right' : undefined} style={style[i]}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
            {after?.(r)}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
  if (empty === undefined || (rows ?? []).length > 0) return list;
  return (
    <>
      {list}
      <Text c="dimmed">{empty}</Text>
    </>
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
