// 待销假 (LV-7: approved leave not closed; overdue after the working day following its end) and
// 待汇报 (TRIP-4: approved trips whose report back is not recorded).
import { Anchor, Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';

import { leaveTypeInfo, ruleText } from '../../../../../shared/rules';
import { href } from '../../../app/router';
import { useSession } from '../../../auth/session';
import { ListTable } from '../../../components/ListTable';
import { dueLists, spanText } from '../core';

import { useSeesAll } from './parts';

type Due = { r: { id: string; number: string; staffName: string }; due: string; overdue: boolean };

// One list of requests waiting for the applicant: the rule it follows, the record's number that
// opens it, its own columns, the deadline and whether it is past.
function DueCard<T extends Due>({
  title,
  rule,
  empty,
  tab,
  rows,
  head,
  cells,
  waiting,
}: {
  title: string;
  rule: string;
  empty: string;
  tab: 'leave' | 'trip';
  rows: T[];
  head: [person: string, what: string, deadline: string];
  cells: (x: T) => [what: ReactNode, span: string];
  waiting: string;
}) {
  return (
    <Card withBorder>
      <Title order={5} mb={4}>
        {title}（{rows.length}）
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {rule} {ruleText(rule).text}
      </Text>
      {rows.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <ListTable
          highlightOnHover={false}
          withTableBorder
          rows={rows}
          rowKey={(x) => x.r.id}
          head={['编号', head[0], head[1], '时间', head[2], '状态']}
          row={(x) => [
            <Anchor href={href('leave', tab, x.r.id)}>{x.r.number}</Anchor>,
            x.r.staffName,
            ...cells(x),
            x.due,
            x.overdue ? (
              <Badge color="red">{`逾期未${waiting}`}</Badge>
            ) : (
              <Badge color="orange">{`待${waiting}`}</Badge>
            ),
          ]}
        />
      )}
    </Card>
  );
}

export function DueLists() {
  const user = useSession((s) => s.user)!;
  const all = useSeesAll();
  const data = useLiveQuery(() => dueLists(all ? null : user.staffId), [all, user.staffId]);
  if (!data) return null;
  return (
    <Stack>
      <DueCard
        title="待销假"
        rule="LV-7"
        empty="没有待销假的请假。"
        tab="leave"
        rows={data.leaves.map((x) => ({ ...x, r: x.l }))}
        head={['请假人', '类型', '销假期限']}
        cells={({ l }) => [leaveTypeInfo(l.leaveType).label, spanText(l)]}
        waiting="销假"
      />
      <DueCard
        title="外出待汇报"
        rule="TRIP-4"
        empty="没有待汇报的外出。"
        tab="trip"
        rows={data.trips.map((x) => ({ ...x, r: x.x }))}
        head={['外出人', '目的地', '汇报期限']}
        cells={({ x }) => [x.destination, spanText(x)]}
        waiting="汇报"
      />
    </Stack>
  );
}
