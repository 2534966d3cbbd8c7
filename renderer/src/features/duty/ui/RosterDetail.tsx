// One roster: edit, publish, export and print.
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { dutyRosterLedger } from '../../../../../shared/ledgers/finance';
import { can } from '../../../../../shared/permissions';
import { href } from '../../../app/router';
import { currentActor, useSession } from '../../../auth/session';
import { notifyError, notifyOk } from '../../../components/notify';
import { exportLedger } from '../../../export';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { unitName } from '../../../org/org';
import { usePrintUnit } from '../../finance';
import { getRoster, publishRoster } from '../core/rosters';
import { L } from '../labels';

import { RosterEditor } from './RosterEditor';
import { RosterPrint } from './RosterPrint';

export function RosterDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'duty.manage');
  const r = useLiveQuery(() => getRoster(id), [id]);
  const { name } = useStaff();
  const [editing, setEditing] = useState(false);
  const unit = usePrintUnit();
  useEffect(() => setEditing(false), [id]);
  if (r === undefined) return <Text c="dimmed">正在读取…</Text>;
  if (!r) return <Alert color="red">值班表不存在。</Alert>;
  if (editing) return <RosterEditor roster={r} onDone={() => setEditing(false)} />;
  const rows = r.entries.map((e) => ({
    date: e.date,
    leader: name(e.leaderId),
    staff: e.staffIds.map(name),
    phone: e.phone,
    note: e.note ?? '',
  }));
  async function exportIt() {
    try {
      await exportLedger(r!.title, [
        dutyRosterLedger(await unitName(), r!.title, `${r!.startDate}至${r!.endDate}`, rows),
      ]);
    } catch (e) {
      notifyError(e);
    }
  }
  return (
    <Stack>
      <Anchor href={href('duty', 'rosters')}>← 返回值班表</Anchor>
      <Group>
        {manage && (
          <Button variant="default" onClick={() => setEditing(true)}>
            修改
          </Button>
        )}
        {manage && r.status === 'draft' && (
          <Button
            onClick={async () => {
              try {
                await publishRoster(r.id, currentActor());
                notifyOk('已发布');
              } catch (e) {
                notifyError(e);
              }
            }}
          >
            {L.publish}
          </Button>
        )}
        <Button variant="default" onClick={exportIt}>
          导出Excel
        </Button>
      </Group>
      <RosterPrint roster={r} rows={rows} unit={unit} />
    </Stack>
  );
}
