// 请假记录: newest first, by person and state, paged by an index (loads more on request).
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { leaveTypeInfo } from '../../../../shared/rules';
import { href } from '../../app/router';
import { useSession } from '../../auth/session';
import { db } from '../../db/db';
import type { Leave, LeaveStatus } from '../../db/schema/attendance';
import { activeStaff } from '../../org/org';

import { LEAVE_STATUS_LABELS } from './labels';
import { spanText } from './repo';
import { useSeesAll } from './ui';

const PAGE = 50;
export const LEAVE_STATUS_COLOR: Record<LeaveStatus, string> = {
  pending: 'blue',
  approved: 'teal',
  closed: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export function LeaveList() {
  const user = useSession((s) => s.user)!;
  const all = useSeesAll();
  const staff = useLiveQuery(activeStaff, []);
  const [who, setWho] = useState<string | null>(all ? null : user.staffId);
  const [status, setStatus] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const person = all ? who : user.staffId;
  const rows = useLiveQuery(async () => {
    const live = (l: Leave) => !l.deletedAt && (!status || l.status === status);
    if (person) {
      return db.leaves.where('[staffId+endDate]').between([person, ''], [person, '\uffff']).reverse().filter(live).limit(limit).toArray();
    }
    if (status) {
      const ls = await db.leaves.where('status').equals(status).filter(live).toArray();
      return ls.sort((a, b) => b.startDate.localeCompare(a.startDate)).slice(0, limit);
    }
    return db.leaves.orderBy('startDate').reverse().filter(live).limit(limit).toArray();
  }, [person, status, limit]);

  return (
    <Stack>
      <Group align="flex-end">
        {all && (
          <Select
            label="请假人"
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
          data={Object.entries(LEAVE_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setLimit(PAGE);
          }}
          w={200}
        />
      </Group>
      {rows && rows.length === 0 && <Text c="dimmed">没有请假记录。</Text>}
      {rows && rows.length > 0 && (
        <Table striped highlightOnHover withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              {['编号', '请假人', '股室', '类型', '时间', '天数', '形式', '状态', '申报条'].map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Anchor href={href('leave', 'leave', l.id)}>{l.number}</Anchor>
                </Table.Td>
                <Table.Td>{l.staffName}</Table.Td>
                <Table.Td>{l.sectionName}</Table.Td>
                <Table.Td>{leaveTypeInfo(l.leaveType).label}</Table.Td>
                <Table.Td>{spanText(l)}</Table.Td>
                <Table.Td>{l.days}</Table.Td>
                <Table.Td>
                  {l.form === 'written' ? '书面' : '口头'}
                  {l.afterTheFact ? '·补办' : ''}
                </Table.Td>
                <Table.Td>
                  <Badge color={LEAVE_STATUS_COLOR[l.status]}>{LEAVE_STATUS_LABELS[l.status]}</Badge>
                </Table.Td>
                <Table.Td>{l.filedAt ? '已存档' : l.printedAt ? '已打印' : ''}</Table.Td>
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
