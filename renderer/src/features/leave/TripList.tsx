// 外出记录: newest first, by person and state, with the travel-allowance days.
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { href } from '../../app/router';
import { useSession } from '../../auth/session';
import { db } from '../../db/db';
import type { Trip, TripStatus } from '../../db/schema/attendance';
import { activeStaff } from '../../org/org';

import { TRIP_KIND_LABELS, TRIP_STATUS_LABELS } from './labels';
import { spanText } from './repo';
import { useSeesAll } from './ui';

const PAGE = 50;
export const TRIP_STATUS_COLOR: Record<TripStatus, string> = {
  pending: 'blue',
  approved: 'teal',
  reported: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export function TripList() {
  const user = useSession((s) => s.user)!;
  const all = useSeesAll();
  const staff = useLiveQuery(activeStaff, []);
  const [who, setWho] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const person = all ? who : user.staffId;
  const rows = useLiveQuery(async () => {
    const live = (t: Trip) => !t.deletedAt && (!status || t.status === status);
    if (person) return db.trips.where('[staffId+endDate]').between([person, ''], [person, '\uffff']).reverse().filter(live).limit(limit).toArray();
    if (status) {
      const ts = await db.trips.where('status').equals(status).filter(live).toArray();
      return ts.sort((a, b) => b.startDate.localeCompare(a.startDate)).slice(0, limit);
    }
    return db.trips.orderBy('startDate').reverse().filter(live).limit(limit).toArray();
  }, [person, status, limit]);

  return (
    <Stack>
      <Group align="flex-end">
        {all && (
          <Select
            label="外出人"
            placeholder="全部"
            clearable
            searchable
            data={(staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={who}
            onChange={(v) => {
              setWho(v);
              setLimit(PAGE);
            }}
            w={200}
          />
        )}
        <Select
          label="状态"
          placeholder="全部"
          clearable
          data={Object.entries(TRIP_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setLimit(PAGE);
          }}
          w={200}
        />
      </Group>
      {rows && rows.length === 0 && <Text c="dimmed">没有外出记录。</Text>}
      {rows && rows.length > 0 && (
        <Table striped highlightOnHover withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              {['编号', '外出人', '类型', '目的地', '时间', '天数', '补助天数', '状态'].map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Anchor href={href('leave', 'trip', t.id)}>{t.number}</Anchor>
                </Table.Td>
                <Table.Td>{t.staffName}</Table.Td>
                <Table.Td>{TRIP_KIND_LABELS[t.tripKind]}</Table.Td>
                <Table.Td>{t.destination}</Table.Td>
                <Table.Td>{spanText(t)}</Table.Td>
                <Table.Td>{t.days}</Table.Td>
                <Table.Td>{t.allowanceDays}</Table.Td>
                <Table.Td>
                  <Badge color={TRIP_STATUS_COLOR[t.status]}>{TRIP_STATUS_LABELS[t.status]}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {rows && rows.length >= limit && (
        <Button variant="default" onClick={() => setLimit(limit + PAGE)}>
          加载更多
        </Button>
      )}
    </Stack>
  );
}
