// A year's meetings of one kind, with the months without a 局长办公会 (MTG-1).
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { parseISODate, staffMeetingDay } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import type { TabOf } from '../../../app/routes';
import { useCan } from '../../../auth/session';
import { thisYear, YearSelect } from '../../../components/dates';
import { ListTable } from '../../../components/ListTable';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import type { MeetingKind } from '../../../db/schema/meetings';
import { useStaffBook } from '../../../org/hooks';
import {
  decisionCounts,
  meetingOrdinal,
  meetingsOfYear,
  monthsWithoutDirectorMeeting,
} from '../core/queries';
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
      <ListTable
        rows={meetings}
        head={[L.date, '会次', L.chair, '议题', '出席/缺席', '决定']}
        row={(m) => [
          <Anchor href={href('meetings', tab, m.id)}>{m.date}</Anchor>,
          meetingOrdinal(m),
          book.name(m.chairId),
          m.agenda.map((a) => a.title).join('；'),
          `${m.attendeeIds.length} / ${m.absences.length}`,
          counts?.get(m.id) ?? 0,
        ]}
        empty={`${year}年没有${MEETING_KIND_LABELS[kind]}记录。`}
      />
      <RuleLines ids={[kind === 'director_office' ? 'MTG-1' : 'MTG-2']} inline />
    </Stack>
  );
}
