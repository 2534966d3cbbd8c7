import { Alert, Anchor, Badge, Button, Card, Group, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { notifyError } from '../../components/notify';
import type { ChainReport } from '../../db/audit';
import { verifyAuditChain } from '../../db/audit';
import { db } from '../../db/db';

import type { AuditFilter } from './auditView';
import { auditPage, auditTables, changeLines } from './auditView';
import { AUDIT_ACTION_LABELS, tableLabel } from './labels';
import { fmtTime } from './ui';

export function AuditTab() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [cursors, setCursors] = useState<(number | null)[]>([null]); // the "before" of each page shown so far
  const before = cursors[cursors.length - 1];
  const page = useLiveQuery(() => auditPage(filter, before).catch((e) => (notifyError(e), { rows: [], nextBefore: null })), [filter, before]);
  const staff = useLiveQuery(async () => (await db.staff.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'zh')), []);
  const people = [{ value: 'system', label: '系统' }, ...(staff ?? []).map((s) => ({ value: s.id, label: s.name }))];
  const tables = auditTables().map((t) => ({ value: t, label: `${tableLabel(t)}（${t}）` }));
  const set = (patch: Partial<AuditFilter>) => {
    setFilter({ ...filter, ...patch });
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
          <Select label="人员" data={people} value={filter.actorId ?? null} onChange={(v) => set({ actorId: v })} searchable clearable w={160} />
          <Select label="数据表" data={tables} value={filter.table ?? null} onChange={(v) => set({ table: v })} searchable clearable w={220} />
          <TextInput label="记录编号" value={filter.recordId ?? ''} onChange={(e) => set({ recordId: e.currentTarget.value })} w={280} />
          <DateInput label="开始日期" valueFormat="YYYY-MM-DD" value={filter.from ?? null} onChange={(v) => set({ from: v })} clearable w={150} />
          <DateInput label="结束日期" valueFormat="YYYY-MM-DD" value={filter.to ?? null} onChange={(v) => set({ to: v })} clearable w={150} />
          <Button variant="default" onClick={() => (setFilter({}), setCursors([null]))}>
            清除条件
          </Button>
        </Group>
        <Table striped fz="xs" verticalSpacing={4} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>序号</Table.Th>
              <Table.Th w={140}>时间</Table.Th>
              <Table.Th w={90}>人员</Table.Th>
              <Table.Th w={60}>操作</Table.Th>
              <Table.Th w={110}>数据表</Table.Th>
              <Table.Th w={150}>记录编号</Table.Th>
              <Table.Th w={160}>摘要</Table.Th>
              <Table.Th>变更内容</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page?.rows.map((e) => {
              const lines = changeLines(e);
              return (
                <Table.Tr key={e.seq}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td>{fmtTime(e.at)}</Table.Td>
                  <Table.Td>{e.actorName}</Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color={e.action === 'delete' ? 'red' : e.action === 'create' ? 'green' : 'blue'}>
                      {AUDIT_ACTION_LABELS[e.action] ?? e.action}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{tableLabel(e.table)}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>
                    <Anchor size="xs" component="button" title="只看这条记录的历史" onClick={() => set({ recordId: e.recordId, table: e.table })}>
                      {e.recordId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{e.summary}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>
                    {lines.slice(0, 8).map((l, i) => (
                      <div key={i}>{l}</div>
                    ))}
                    {lines.length > 8 && <Text size="xs" c="dimmed">……另有 {lines.length - 8} 项</Text>}
                  </Table.Td>
                </Table.Tr>
              );
            })}
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
            <Button variant="default" size="xs" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
              上一页
            </Button>
            <Button variant="default" size="xs" disabled={!page?.nextBefore} onClick={() => page?.nextBefore && setCursors([...cursors, page.nextBefore])}>
              下一页
            </Button>
          </Group>
        </Group>
      </Card>
    </Stack>
  );
}

function ChainCard() {
  const [running, setRunning] = useState(false);
  const [checked, setChecked] = useState(0);
  const [report, setReport] = useState<ChainReport | null>(null);
  const total = useLiveQuery(() => db.audit.count(), []);
  return (
    <Card withBorder>
      <Group justify="space-between">
        <div>
          <Title order={4}>审计链</Title>
          <Text size="sm" c="dimmed">
            每条审计记录都含有上一条的哈希值，任何一条被改动或删除都能被发现。共 {total ?? '…'} 条。
          </Text>
        </div>
        <Button
          loading={running}
          onClick={async () => {
            setRunning(true);
            setReport(null);
            setChecked(0);
            try {
              setReport(await verifyAuditChain(setChecked));
            } catch (e) {
              notifyError(e);
            } finally {
              setRunning(false);
            }
          }}
        >
          校验审计链
        </Button>
      </Group>
      {running && <Progress mt="sm" value={total ? (checked / total) * 100 : 0} animated aria-label="校验进度" />}
      {report &&
        (report.ok ? (
          <Alert color="green" mt="sm" title="审计链完整">
            已校验 {report.checked} 条记录，没有发现改动或删除。
            {report.anchored
              ? '末端与本机记下的最新记录一致，末尾也没有被删除。'
              : '本机尚未记下审计链末端（新装或刚清理过浏览器数据），末尾的删除要到下一次校验才能核对。'}
          </Alert>
        ) : (
          <Alert color="red" mt="sm" title="审计链有断点" role="alert">
            第一处断点在序号 {report.firstBrokenSeq} 的记录：{report.reason}。此前 {report.checked} 条完好。
          </Alert>
        ))}
    </Card>
  );
}
