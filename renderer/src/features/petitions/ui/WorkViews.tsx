// 督办 (PET-9): overdue and due-soon cases grouped by responsible unit, with a printable 督办通知;
// 重大紧急 (PET-7): urgent matters not reported, downgrades and late reports for the 局长.
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { ReactNode } from 'react';

import { addCalendarDays, PETITION_DEADLINE_LABELS } from '../../../../../shared/rules';
import type { PetitionDeadlineKind } from '../../../../../shared/rules';
import { useCalendar } from '../../../calendar/calendar';
import { ListTable } from '../../../components/ListTable';
import { ProvisionalBadge } from '../../../components/ProvisionalBadge';
import { today } from '../../../db/clock';
import type { ShownPetition } from '../core/informant';
import { directorNotices, recentUrgent, supervisionRows, urgentOpen } from '../core/queries';

import { CaseLink } from './CaseLink';
import { SupervisionNoticePrint } from './prints';
import type { SupervisionCase } from './prints';
import { PrintBack, RuleNote, StateBadge, short, useSettings } from './ui';

export function SuperviseView() {
  const cal = useCalendar();
  const settings = useSettings();
  const day = today();
  const rows = useLiveQuery(() => supervisionRows(cal, settings, day), [cal, settings, day]);
  const [printing, setPrinting] = useState<{ unit: string; cases: SupervisionCase[] } | null>(null);
  if (printing) {
    return (
      <PrintBack label="返回督办" onBack={() => setPrinting(null)}>
        <SupervisionNoticePrint unit={printing.unit} cases={printing.cases} />
      </PrintBack>
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
          <ListTable
            highlightOnHover={false}
            rows={list}
            rowKey={(r) => r.petition.id}
            head={['登记编号', '收件日期', '内容摘要', '状态', '期限事项', '期限']}
            row={(r) => [
              <CaseLink key="n" p={r.petition} />,
              r.petition.receivedOn,
              short(r.petition.summary, 40),
              <StateBadge key="s" state={r.petition.state} />,
              PETITION_DEADLINE_LABELS[r.kind as PetitionDeadlineKind] ?? r.kind,
              <>
                <Badge color={r.state === 'overdue' ? 'red' : 'orange'}>
                  {r.due} {r.state === 'overdue' ? '已逾期' : '即将到期'}
                </Badge>
                <ProvisionalBadge due={r.due} cal={cal} />
              </>,
            ]}
          />
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
        <ListTable
          highlightOnHover={false}
          rows={recent}
          head={['登记编号', '收件日期', '内容摘要', '报告', '状态']}
          row={(p) => [
            <CaseLink key="n" p={p} />,
            p.receivedOn,
            short(p.summary, 40),
            <>
              {p.urgentReport
                ? `${new Date(p.urgentReport.at).toLocaleString('zh-CN')} 报${p.urgentReport.recipients.join('、')}`
                : '未报告'}
              {p.urgentDowngrade && `；已降级：${p.urgentDowngrade.reason}`}
            </>,
            <StateBadge key="s" state={p.state} />,
          ]}
        />
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
