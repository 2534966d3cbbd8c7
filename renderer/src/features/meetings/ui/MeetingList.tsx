// A year's meetings of one kind, with the months without a 局长办公会 (MTG-1).
import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { parseISODate, staffMeetingDay } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import type { TabOf } from '../../../app/routes';
import { useCan } from '../../../auth/session';
import { thisYear, YearSelect } from '../../../components/dates';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import type { MeetingKind } from '../../../db/schema/meetings';
import { useStaffBook } from '../../../org/hooks';
import { decisionCounts, meetingsOfYear, monthsWithoutDirectorMeeting } from '../core/queries';
import { L, MEETING_KIND_LABELS } from '../labels';

export function MeetingList({ kind, tab }: { kind: MeetingKind; tab: TabOf<'meetings'> }) {
  const manage = useCan('meetings.manage');
  const book = useStaffBook();
  const [year, setYear] = useState(thisYear());
  const meetings = useLiveQuery(() => meetingsOfYear(kind, year), [kind, year], []);
  const counts = useLiveQuery(() => decisionCounts(kind, year), [kind, year]);
  const now = parseISODate(today());
  const through = year === thisYear() ? now.month : 12;
  const missing = useLiveQuery(
    () =>
      kind === 'director_office' && year <= thisYear()
        ? monthsWithoutDirectorMeeting(year, through)
        : Promise.resolve([]),
    [kind, year, through],
    [],
  );
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <YearSelect value={year} onChange={setYear} />
        {manage && <Button onClick={() => navigate('meetings', tab, 'new')}>{L.newMeeting}</Button>}
      </Group>
      {missing.length > 0 && (
        <Alert color="orange" title="未召开局长办公会的月份（MTG-1 原则上每月一次）">
          {year}年：{missing.map((m) => `${m}月`).join('、')}
        </Alert>
      )}
      {kind === 'staff' && (
        <Text size="sm" c="dimmed">
          局务会一般每月28日召开（本月：
          {staffMeetingDay(now.year, now.month)}
          ），全体工作人员参加（MTG-2）。
        </Text>
      )}
      <Table fz="sm" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.date}</Table.Th>
            <Table.Th>会次</Table.Th>
            <Table.Th>{L.chair}</Table.Th>
            <Table.Th>议题</Table.Th>
            <Table.Th>出席/缺席</Table.Th>
            <Table.Th>决定</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meetings.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor href={href('meetings', tab, m.id)}>{m.date}</Anchor>
              </Table.Td>
              <Table.Td>
                {m.year}年第{m.seq}次
              </Table.Td>
              <Table.Td>{book.name(m.chairId)}</Table.Td>
              <Table.Td>{m.agenda.map((a) => a.title).join('；')}</Table.Td>
              <Table.Td>
                {m.attendeeIds.length} / {m.absences.length}
              </Table.Td>
              <Table.Td>{counts?.get(m.id) ?? 0}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {meetings.length === 0 && (
        <Text c="dimmed">
          {year}年没有{MEETING_KIND_LABELS[kind]}记录。
        </Text>
      )}
      <RuleLines ids={[kind === 'director_office' ? 'MTG-1' : 'MTG-2']} inline />
    </Stack>
  );
}
