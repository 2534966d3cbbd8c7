// 集中学习: Friday collective study and the study group with attendance (STU-1, STU-2).
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { parseISODate } from '../../../../../shared/rules';
import { useCan } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { thisYear, YearSelect } from '../../../components/dates';
import { notifyError } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import { useStaffBook } from '../../../org/hooks';
import { exportStudyAttendance } from '../core/exports';
import { fridaysWithoutSession, groupMonthsMissing, sessionsOfYear } from '../core/queries';
import { L, SESSION_KIND_LABELS } from '../labels';

import { SessionForm } from './SessionForm';

export function SessionsTab() {
  const manage = useCan('study.manage');
  const book = useStaffBook();
  const cal = useCalendar();
  const [year, setYear] = useState(thisYear());
  const sessions = useLiveQuery(() => sessionsOfYear(year), [year], []);
  const now = parseISODate(today());
  const through = year === now.year ? now.month : 12;
  const missingFridays = useLiveQuery(
    () =>
      year === now.year ? fridaysWithoutSession(now.year, now.month, cal, today()) : Promise.resolve([]),
    [year, cal],
    [],
  );
  const groupMissing = useLiveQuery(
    () => (year <= now.year ? groupMonthsMissing(year, through) : Promise.resolve([])),
    [year, through],
    [],
  );
  return (
    <Stack>
      {manage && <SessionForm />}
      {(missingFridays.length > 0 || groupMissing.length > 0) && (
        <Alert color="orange" title="学习提醒">
          {missingFridays.length > 0 && (
            <Text size="sm">本月未登记的周五集中学习（STU-1）：{missingFridays.join('、')}</Text>
          )}
          {groupMissing.length > 0 && (
            <Text size="sm">
              {year}年学习中心组未集中学习的月份（STU-2）：{groupMissing.map((m) => `${m}月`).join('、')}
            </Text>
          )}
        </Alert>
      )}
      <Group justify="space-between" align="flex-end">
        <YearSelect value={year} onChange={setYear} />
        <Button variant="default" onClick={() => exportStudyAttendance(year).catch(notifyError)}>
          {L.exportExcel}
        </Button>
      </Group>
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.date}</Table.Th>
            <Table.Th>{L.kind}</Table.Th>
            <Table.Th>{L.topic}</Table.Th>
            <Table.Th>{L.speaker}</Table.Th>
            <Table.Th>实到/应到</Table.Th>
            <Table.Th>缺席人员及原因</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.date}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{SESSION_KIND_LABELS[s.kind]}</Table.Td>
              <Table.Td>{s.topic}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.speaker}</Table.Td>
              <Table.Td>
                {s.attendeeIds.length}/{s.attendeeIds.length + s.absences.length}
              </Table.Td>
              <Table.Td>
                {s.absences.map((a) => `${book.name(a.staffId)}（${a.reason}）`).join('；')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {sessions.length === 0 && <Text c="dimmed">{year}年没有集中学习记录。</Text>}
      <RuleLines ids={['STU-1', 'STU-2']} inline />
    </Stack>
  );
}
