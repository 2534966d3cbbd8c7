// 督办 (PET-9): overdue and due-soon cases grouped by responsible unit, with a printable 督办通知;
// 重大紧急 (PET-7): urgent matters not reported, downgrades and late reports for the 局长.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { ReactNode } from 'react';

import { addCalendarDays, PETITION_DEADLINE_LABELS } from '../../../../../shared/rules';
import type { PetitionDeadlineKind } from '../../../../../shared/rules';
import { href } from '../../../app/router';
import { useCalendar } from '../../../calendar/calendar';
import { ProvisionalBadge } from '../../../components/ProvisionalBadge';
import { today } from '../../../db/clock';
import type { ShownPetition } from '../core/informant';
import { directorNotices, recentUrgent, supervisionRows, urgentOpen } from '../core/queries';

import { CaseLink } from './CaseLink';
import { SupervisionNoticePrint } from './prints';
import type { SupervisionCase } from './prints';
import { RuleNote, StateBadge, short, useSettings } from './ui';

export function SuperviseView() {
  const cal = useCalendar();
  const settings = useSettings();
  const day = today();
  const rows = useLiveQuery(() => supervisionRows(cal, settings, day), [cal, settings, day]);
  const [printing, setPrinting] = useState<{ unit: string; cases: SupervisionCase[] } | null>(null);
  if (printing) {
    return (
      <Stack>
        <Button variant="default" w={120} onClick={() => setPrinting(null)}>
          返回督办
        </Button>
        <SupervisionNoticePrint unit={printing.unit} cases={printing.cases} />
      </Stack>
    );
  }
  const groups = new Map<string, NonNullable<typeof rows>>();
  for (const r of rows ?? []) {
    const k = r.petition.unitName ?? '本局（待处理、受理或告知）';
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const sorted = [...groups].sort(
    (a, b) =>
      b[1].filter((r) => r.state === 'overdue').length - a[1].filter((r) => r.state === 'overdue').length,
  );
  const overdue = (rows ?? []).filter((r) => r.state === 'overdue').length;
  return (
    <Stack>
      <Group>
        <Badge color="red" size="lg">
          逾期 {overdue} 件
        </Badge>
        <Badge color="orange" size="lg">
          即将到期 {(rows?.length ?? 0) - overdue} 件
        </Badge>
        <Text size="sm" c="dimmed">
          即将到期：{settings.soonDays}个工作日内到期
        </Text>
      </Group>
      <RuleNote id="PET-9" />
      {rows && rows.length === 0 && <Alert color="green">没有逾期或即将到期的信访件。</Alert>}
      {sorted.map(([unit, list]) => (
        <Card withBorder key={unit}>
          <Group justify="space-between" mb="xs">
            <Title order={4}>
              {unit}（{list.length}件）
            </Title>
            {list[0].petition.unitName && (
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  setPrinting({
                    unit,
                    cases: list.map((r) => ({
                      id: r.petition.id,
                      regNo: r.petition.regNo,
                      receivedOn: r.petition.receivedOn,
                      summary: short(r.petition.summary, 50),
                      due: r.due,
                      kind: r.kind,
                      overdue: r.state === 'overdue',
                    })),
                  })
                }
              >
                打印督办通知
              </Button>
            )}
          </Group>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>登记编号</Table.Th>
                <Table.Th>收件日期</Table.Th>
                <Table.Th>内容摘要</Table.Th>
                <Table.Th>状态</Table.Th>
                <Table.Th>期限事项</Table.Th>
                <Table.Th>期限</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((r) => (
                <Table.Tr key={r.petition.id}>
                  <Table.Td>
                    <Anchor href={href('petitions', 'case', r.petition.id)} size="sm">
                      {r.petition.regNo}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.petition.receivedOn}</Table.Td>
                  <Table.Td>{short(r.petition.summary, 40)}</Table.Td>
                  <Table.Td>
                    <StateBadge state={r.petition.state} />
                  </Table.Td>
                  <Table.Td>{PETITION_DEADLINE_LABELS[r.kind as PetitionDeadlineKind] ?? r.kind}</Table.Td>
                  <Table.Td>
                    <Badge color={r.state === 'overdue' ? 'red' : 'orange'}>
                      {r.due} {r.state === 'overdue' ? '已逾期' : '即将到期'}
                    </Badge>
                    <ProvisionalBadge due={r.due} cal={cal} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}

export function UrgentView() {
  const day = today();
  const open = useLiveQuery(urgentOpen, [], []);
  const notices = useLiveQuery(directorNotices, [], []);
  const recent = useLiveQuery(() => recentUrgent(addCalendarDays(day, -180)), [day], []);
  return (
    <Stack>
      <RuleNote id="PET-7" />
      <CaseListCard
        title={`未报告的重大紧急事项（${open.length}）`}
        empty="没有未报告的重大紧急事项。"
        rows={open}
        cells={(p) => [
          p.receivedOn,
          short(p.summary, 50),
          <Badge key="b" color="red">
            未报告
          </Badge>,
        ]}
      />
      <CaseListCard
        title={`降级、迟报待局长阅知（${notices.length}）`}
        empty="没有待阅知的事项。"
        rows={notices}
        cells={(p) => [
          short(p.summary, 40),
          p.urgentDowngrade
            ? `降级理由：${p.urgentDowngrade.reason}（${p.urgentDowngrade.byName}）`
            : `迟报原因：${p.urgentReport?.delayReason ?? ''}`,
        ]}
      />
      <Card withBorder>
        <Title order={4} mb="xs">
          近半年的重大紧急事项
        </Title>
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>登记编号</Table.Th>
              <Table.Th>收件日期</Table.Th>
              <Table.Th>内容摘要</Table.Th>
              <Table.Th>报告</Table.Th>
              <Table.Th>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recent.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <CaseLink p={p} />
                </Table.Td>
                <Table.Td>{p.receivedOn}</Table.Td>
                <Table.Td>{short(p.summary, 40)}</Table.Td>
                <Table.Td>
                  {p.urgentReport
                    ? `${new Date(p.urgentReport.at).toLocaleString('zh-CN')} 报${p.urgentReport.recipients.join('、')}`
                    : '未报告'}
                  {p.urgentDowngrade && `；已降级：${p.urgentDowngrade.reason}`}
                </Table.Td>
                <Table.Td>
                  <StateBadge state={p.state} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

// A titled card listing cases (number linked to the case, then the given cells), or a line when none.
function CaseListCard({
  title,
  empty,
  rows,
  cells,
}: {
  title: string;
  empty: string;
  rows: ShownPetition[];
  cells: (p: ShownPetition) => ReactNode[];
}) {
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Table fz="sm">
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <CaseLink p={p} />
                </Table.Td>
                {cells(p).map((c, i) => (
                  <Table.Td key={i}>{c}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
