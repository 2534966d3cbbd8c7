// 集中学习: Friday collective study and the study group with attendance (STU-1, STU-2).
import { Alert, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { parseISODate } from '../../../../../shared/rules';
import { useCan } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { thisYear } from '../../../components/dates';
import { ListTable } from '../../../components/ListTable';
import { RuleLines } from '../../../components/RuleCite';
import { YearBar } from '../../../components/YearBar';
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
      <YearBar year={year} onYear={setYear} onExport={exportStudyAttendance} />
      <ListTable
        rows={sessions}
        head={[
          { label: L.date, ws: 'nowrap' },
          { label: L.kind, ws: 'nowrap' },
          L.topic,
          { label: L.speaker, ws: 'nowrap' },
          '实到/应到',
          '缺席人员及原因',
        ]}
        row={(s) => [
          s.date,
          SESSION_KIND_LABELS[s.kind],
          s.topic,
          s.speaker,
          `${s.attendeeIds.length}/${s.attendeeIds.length + s.absences.length}`,
          s.absences.map((a) => `${book.name(a.staffId)}（${a.reason}）`).join('；'),
        ]}
        empty={`${year}年没有集中学习记录。`}
      />
      <RuleLines ids={['STU-1', 'STU-2']} inline />
    </Stack>
  );
}
