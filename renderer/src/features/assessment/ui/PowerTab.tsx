// SUP-2 power-operation records: the list (or those waiting for me), a new record, one record.
import { Anchor, Badge, Button, Group, Stack, Table } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { href, navigate } from '../../../app/router';
import { useSession } from '../../../auth/session';
import { RuleLines } from '../../../components/RuleCite';
import { latestPowerRecords, powerRecordsWaitingFor } from '../core/queries';
import { L } from '../labels';

import { PowerDetail } from './PowerDetail';
import { PowerForm } from './PowerForm';

export function PowerTab({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const [limit, setLimit] = useState(50);
  const [onlyMine, setOnlyMine] = useState(false);
  const rows = useLiveQuery(
    () => (onlyMine ? powerRecordsWaitingFor(user.staffId) : latestPowerRecords(limit + 1)),
    [limit, onlyMine, user.staffId],
  );
  if (id === 'new') return <PowerForm />;
  if (id) return <PowerDetail id={id} />;
  return (
    <Stack>
      <RuleLines ids={['SUP-2']} inline />
      <Group>
        <Button onClick={() => navigate('assessment', 'power', 'new')}>建立权力运行记录</Button>
        <Button variant={onlyMine ? 'filled' : 'default'} onClick={() => setOnlyMine(!onlyMine)}>
          待我确认
        </Button>
      </Group>
      <Table striped highlightOnHover fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>编号</Table.Th>
            <Table.Th>{L.powerKind}</Table.Th>
            <Table.Th>{L.powerTitle}</Table.Th>
            <Table.Th>{L.startedOn}</Table.Th>
            <Table.Th>进度</Table.Th>
            <Table.Th>状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rows ?? []).slice(0, limit).map((r) => {
            const done = r.steps.filter((s) => s.confirmedAt).length;
            const next = r.steps.find((s) => !s.confirmedAt);
            return (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor href={href('assessment', 'power', r.id)} size="sm">
                    {r.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.kind}</Table.Td>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>{r.startedOn}</Table.Td>
                <Table.Td>
                  {done}/{r.steps.length}
                  {next ? ` 待${next.responsibleName}确认“${next.label}”` : ''}
                </Table.Td>
                <Table.Td>
                  <Badge color={r.status === 'done' ? 'green' : 'blue'}>
                    {r.status === 'done' ? '已完成' : '运行中'}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {rows && rows.length > limit && !onlyMine && (
        <Button variant="default" onClick={() => setLimit(limit + 50)}>
          加载更多
        </Button>
      )}
    </Stack>
  );
}
