import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import { ConfirmButton } from '../../../components/Confirm';
import { fmtTime } from '../../../components/dates';
import { ListTable } from '../../../components/ListTable';
import { notifyError, notifyOk } from '../../../components/notify';
import type { BaseRecord } from '../../../db/schema/base';
import { tableLabel } from '../../../db/tableLabels';
import { deletedPage, recordSummary, restorableTables, restoreRecord, staffNames } from '../core/deleted';

export function DeletedTab() {
  const tables = restorableTables().map((t) => ({ value: t, label: tableLabel(t) }));
  const [table, setTable] = useState<string | null>(null);
  const [rows, setRows] = useState<BaseRecord[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (t: string, after: string | null, append: boolean) => {
    setLoading(true);
    try {
      const p = await deletedPage(t, after);
      setRows((r) => (append ? [...r, ...p.rows] : p.rows));
      setNext(p.nextAfter);
    } catch (e) {
      notifyError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    staffNames().then(setNames);
  }, []);
  useEffect(() => {
    if (table) load(table, null, false);
    else setRows([]);
  }, [table, load]);

  return (
    <Stack>
      <Card withBorder>
        <Title order={4} mb="xs">
          已删除记录
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          系统中的删除都是“标记删除”，记录仍然保留。选择数据表查看被删除的记录，可以恢复（恢复操作记入审计日志）。
        </Text>
        <Select
          label="数据表"
          placeholder="请选择要查看的数据表"
          data={tables}
          value={table}
          onChange={setTable}
          searchable
          w={300}
        />
        {table && (
          <ListTable
            highlightOnHover={false}
            mt="sm"
            rows={rows}
            head={['记录', '删除时间', '删除人', '操作']}
            row={(r) => [
              recordSummary(r as unknown as Record<string, unknown>),
              fmtTime(r.deletedAt),
              r.deletedBy
                ? (names.get(r.deletedBy) ?? (r.deletedBy === 'system' ? '系统' : r.deletedBy))
                : '',
              <ConfirmButton
                size="compact-xs"
                variant="light"
                color="blue"
                title="恢复已删除记录"
                message={`恢复“${recordSummary(r as unknown as Record<string, unknown>)}”？恢复后该记录重新出现在各列表中。`}
                confirmLabel="恢复"
                onConfirm={async () => {
                  try {
                    await restoreRecord(table, r.id);
                    notifyOk('已恢复');
                    setRows((x) => x.filter((y) => y.id !== r.id));
                  } catch (e) {
                    notifyError(e);
                  }
                }}
              >
                恢复
              </ConfirmButton>,
            ]}
          />
        )}
        {table && !loading && rows.length === 0 && !next && (
          <Text c="dimmed" size="sm" mt="sm">
            该表没有已删除的记录。
          </Text>
        )}
        {table && next && (
          <Group mt="sm">
            <Button variant="default" size="xs" loading={loading} onClick={() => load(table, next, true)}>
              继续查找
            </Button>
          </Group>
        )}
      </Card>
    </Stack>
  );
}
