import {
  ActionIcon,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCopy, IconFilter } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { notifyError } from '../../../components/notify';
import type { AuditEntry } from '../../../db/schema/core';
import { tableLabel } from '../../../db/tableLabels';
import type { AuditFilter } from '../core/audit';
import { auditNameBook, auditPage, auditPcs, auditPeople, auditTables } from '../core/audit';
import type { AuditNames } from '../core/auditFormat';
import {
  actorLabel,
  AUDIT_KIND_COLORS,
  AUDIT_KIND_LABELS,
  auditKind,
  changeLines,
  fmtDateTime,
  recordLabel,
  summaryText,
} from '../core/auditFormat';

import { ChainCard } from './ChainCard';

type Picked = { id: string; table: string; label: string };

export function AuditTab() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [picked, setPicked] = useState<Picked | null>(null);
  const [cursors, setCursors] = useState<(number | null)[]>([null]); // the "before" of each page shown so far
  const before = cursors[cursors.length - 1];
  const query: AuditFilter = picked ? { ...filter, recordId: picked.id, table: picked.table } : filter;
  const page = useLiveQuery(
    () => auditPage(query, before).catch((e) => (notifyError(e), { rows: [], nextBefore: null })),
    [filter, picked, before],
  );
  const book = useLiveQuery(auditNameBook, []);
  const people = useLiveQuery(auditPeople, []) ?? [];
  const pcs = useLiveQuery(auditPcs, []) ?? []; // with 多机同步 on: whose entries
  const names: AuditNames = (id) => book?.get(id);
  const tables = auditTables().map((t) => ({ value: t, label: tableLabel(t) }));
  const set = (patch: Partial<AuditFilter>) => {
    setFilter({ ...filter, ...patch });
    setCursors([null]);
  };
  const pick = (p: Picked | null) => {
    setPicked(p);
    setCursors([null]);
  };

  return (
    <Stack>
      <ChainCard />
      <Card withBorder>
        <Title order={4} mb="sm">
          审计日志
        </Title>
        <Group align="flex-end" mb="sm">
          {(
            [
              ['actorId', '人员', people, 160],
              ['table', '数据表', tables, 200],
            ] as const
          ).map(([key, label, data, w]) => (
            <Select
              key={key}
              label={label}
              data={data}
              value={filter[key] ?? null}
              onChange={(v) => set({ [key]: v })}
              searchable
              clearable
              w={w}
            />
          ))}
          {pcs.length > 1 && (
            <Select
              label="电脑"
              data={pcs}
              value={filter.pc ?? pcs[0].value}
              onChange={(v) => set({ pc: v })}
              allowDeselect={false}
              w={180}
            />
          )}
          <TextInput
            label="记录编号"
            value={filter.recordId ?? ''}
            onChange={(e) => set({ recordId: e.currentTarget.value })}
            w={200}
          />
          <DateInput
            label="开始日期"
            valueFormat="YYYY-MM-DD"
            value={filter.from ?? null}
            onChange={(v) => set({ from: v })}
            clearable
            w={150}
          />
          <DateInput
            label="结束日期"
            valueFormat="YYYY-MM-DD"
            value={filter.to ?? null}
            onChange={(v) => set({ to: v })}
            clearable
            w={150}
          />
          <Button variant="default" onClick={() => (setFilter({}), pick(null))}>
            清除条件
          </Button>
        </Group>
        {picked && (
          <Group mb="sm" gap="xs">
            <Text size="sm">只看这条记录的历史：</Text>
            <Badge variant="light">{picked.label}</Badge>
            <Button size="compact-xs" variant="subtle" onClick={() => pick(null)}>
              看全部记录
            </Button>
          </Group>
        )}
        <Table striped fz="xs" verticalSpacing={4} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>序号</Table.Th>
              <Table.Th w={140}>时间</Table.Th>
              <Table.Th w={90}>人员</Table.Th>
              <Table.Th w={70}>操作</Table.Th>
              <Table.Th w={110}>数据表</Table.Th>
              <Table.Th w={170}>记录</Table.Th>
              <Table.Th w={170}>摘要</Table.Th>
              <Table.Th>变更内容</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page?.rows.map((e) => (
              <AuditRow key={e.seq} e={e} names={names} onPick={pick} />
            ))}
          </Table.Tbody>
        </Table>
        {page && page.rows.length === 0 && (
          <Text c="dimmed" size="sm" mt="sm">
            没有符合条件的记录。
          </Text>
        )}
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            第 {cursors.length} 页（每页 50 条，按时间从新到旧）
          </Text>
          <Group>
            <Button
              variant="default"
              size="xs"
              disabled={cursors.length <= 1}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              上一页
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={!page?.nextBefore}
              onClick={() => page?.nextBefore && setCursors([...cursors, page.nextBefore])}
            >
              下一页
            </Button>
          </Group>
        </Group>
      </Card>
    </Stack>
  );
}

function AuditRow({ e, names, onPick }: { e: AuditEntry; names: AuditNames; onPick: (p: Picked) => void }) {
  const kind = auditKind(e);
  const lines = changeLines(e, names);
  const label = recordLabel(e, names);
  return (
    <Table.Tr>
      <Table.Td>{e.seq}</Table.Td>
      <Table.Td>{fmtDateTime(e.at)}</Table.Td>
      <Table.Td>{actorLabel(e)}</Table.Td>
      <Table.Td>
        <Badge size="xs" variant="light" color={AUDIT_KIND_COLORS[kind]}>
          {AUDIT_KIND_LABELS[kind]}
        </Badge>
      </Table.Td>
      <Table.Td>{tableLabel(e.table)}</Table.Td>
      <Table.Td>
        <Group gap={2} wrap="nowrap" align="flex-start">
          <Tooltip label={`编号：${e.recordId}`} openDelay={400} withinPortal>
            <Text size="xs" style={{ wordBreak: 'break-all' }}>
              {label}
            </Text>
          </Tooltip>
          <ActionIcon
            size="xs"
            variant="subtle"
            aria-label={`只看“${label}”的历史`}
            onClick={() => onPick({ id: e.recordId, table: e.table, label })}
          >
            <IconFilter size={12} />
          </ActionIcon>
          <CopyButton value={e.recordId}>
            {({ copied, copy }) => (
              <ActionIcon
                size="xs"
                variant="subtle"
                color={copied ? 'teal' : 'gray'}
                aria-label={copied ? '已复制编号' : '复制编号'}
                onClick={copy}
              >
                <IconCopy size={12} />
              </ActionIcon>
            )}
          </CopyButton>
        </Group>
      </Table.Td>
      <Table.Td>{summaryText(e, names)}</Table.Td>
      <Table.Td style={{ wordBreak: 'break-all' }}>
        {lines.slice(0, 8).map((l, i) => (
          <div key={i}>{l}</div>
        ))}
        {lines.length > 8 && (
          <Text size="xs" c="dimmed">
            ……另有 {lines.length - 8} 项
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
