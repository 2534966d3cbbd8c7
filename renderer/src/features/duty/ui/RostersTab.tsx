// 值班安排: holiday and sensitive-period duty rosters, edited day by day (RosterEditor), printed and
// exported (RosterDetail).
import { Badge, Button, Group, Stack } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { can } from '../../../../../shared/permissions';
import { navigate } from '../../../app/router';
import { useSession } from '../../../auth/session';
import { ListOrEmpty, RowLink } from '../../../components/ListParts';
import { listRosters } from '../core/rosters';
import { L, ROSTER_KIND_LABELS, ROSTER_STATUS_LABELS } from '../labels';

import { RosterDetail } from './RosterDetail';
import { RosterEditor } from './RosterEditor';

export function RostersTab({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'duty.manage');
  const rows = useLiveQuery(listRosters, []);
  if (id === 'new') return <RosterEditor />;
  if (id) return <RosterDetail id={id} />;
  const visible = (rows ?? []).filter((r) => manage || r.status === 'published');
  return (
    <Stack>
      {manage && (
        <Group>
          <Button onClick={() => navigate('duty', 'rosters', 'new')}>新建值班表</Button>
        </Group>
      )}
      <ListOrEmpty
        loaded={!!rows}
        empty="没有值班表。"
        rows={visible}
        head={[L.rosterTitle, L.rosterKind, '期间', '状态']}
        row={(r) => [
          <RowLink key="title" to={['duty', 'rosters', r.id]}>
            {r.title}
          </RowLink>,
          ROSTER_KIND_LABELS[r.kind],
          `${r.startDate} 至 ${r.endDate}`,
          <Badge key="status" color={r.status === 'published' ? 'green' : 'gray'}>
            {ROSTER_STATUS_LABELS[r.status]}
          </Badge>,
        ]}
      />
    </Stack>
  );
}
