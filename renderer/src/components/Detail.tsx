// The pieces every record's page is made of: the back link to its list, the "reading…" and
// "does not exist" states, the card with the record's title and status badge, and the label/value
// lines under it.
import { Alert, Anchor, Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import type { CardProps, MantineSize } from '@mantine/core';
import { Fragment } from 'react';
import type { ReactNode } from 'react';

import { href } from '../app/router';
import type { Route } from '../app/routes';

export function Loading() {
  return <Text c="dimmed">正在读取…</Text>;
}

export function Missing({ children }: { children: ReactNode }) {
  return <Alert color="red">{children}</Alert>;
}

// '← 返回…' to a module's tab
export function BackLink({ to, children }: { to: Route; children: ReactNode }) {
  return <Anchor href={href(...to)}>← {children}</Anchor>;
}

// A status as a coloured badge, from the module's label and colour tables.
export function StatusBadge<K extends string>({
  value,
  labels,
  colors,
  size,
}: {
  value: NoInfer<K>;
  labels: Record<K, string>;
  colors: Partial<Record<K, string>>;
  size?: MantineSize;
}) {
  return (
    <Badge size={size} color={colors[value]}>
      {labels[value]}
    </Badge>
  );
}

// A record's card: its title (and status badge) on top, then what the caller puts below.
export function DetailCard({
  title,
  badge,
  children,
  ...card
}: { title: ReactNode; badge?: ReactNode; children?: ReactNode } & CardProps) {
  return (
    <Card withBorder {...card}>
      <Group justify="space-between">
        <Title order={4}>{title}</Title>
        {badge}
      </Group>
      {children}
    </Card>
  );
}

export type Info = readonly [label: string, value: ReactNode] | false | null | undefined | '';

// One line of 'label：value · label：value' (the entries that are false or empty are left out).
export function InfoLine({ items, mt }: { items: readonly Info[]; mt?: MantineSize }) {
  const shown = items.filter((i): i is readonly [string, ReactNode] => !!i);
  return (
    <Text size="sm" mt={mt}>
      {shown.map(([label, value], i) => (
        <Fragment key={label}>
          {i > 0 && ' · '}
          {label}：{value}
        </Fragment>
      ))}
    </Text>
  );
}

// Label/value rows of a record, as a two-column table (the entries that are false or empty are left out).
export function InfoRows({
  rows,
  labelWidth = 160,
  mt,
}: {
  rows: readonly Info[];
  labelWidth?: number;
  mt?: MantineSize;
}) {
  return (
    <Table mt={mt} fz="sm" withRowBorders={false}>
      <Table.Tbody>
        {rows
          .filter((r): r is readonly [string, ReactNode] => !!r)
          .map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td w={labelWidth} c="dimmed">
                {label}
              </Table.Td>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}
