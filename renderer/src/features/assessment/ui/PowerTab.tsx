// SUP-2 power-operation records: the list (or those waiting for me), a new record, one record.
import { Badge, Button, Group, Stack } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { navigate } from '../../../app/router';
import { useSession } from '../../../auth/session';
import { RowLink } from '../../../components/ListParts';
import { ListTable, MoreButton } from '../../../components/ListTable';
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
      <ListTable
        rows={(rows ?? []).slice(0, limit)}
        head={['编号', L.powerKind, L.powerTitle, L.startedOn, '进度', '状态']}
        row={(r) => {
          const done = r.steps.filter((s) => s.confirmedAt).length;
          const next = r.steps.find((s) => !s.confirmedAt);
          return [
            <RowLink key="number" to={['assessment', 'power', r.id]}>
              {r.number}
            </RowLink>,
            r.kind,
            r.title,
            r.startedOn,
            `${done}/${r.steps.length}${next ? ` 待${next.responsibleName}确认“${next.label}”` : ''}`,
            <Badge key="status" color={r.status === 'done' ? 'green' : 'blue'}>
              {r.status === 'done' ? '已完成' : '运行中'}
            </Badge>,
          ];
        }}
      />
      <MoreButton more={rows && rows.length > limit && !onlyMine} onMore={() => setLimit(limit + 50)} />
    </Stack>
  );
}
