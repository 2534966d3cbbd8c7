import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { markFirstScreenReady } from '../../app/firstScreen';
import { collectDeadlines, collectTodos } from '../../app/registry';
import type { TodoItem } from '../../app/registry';
import { ApprovalChain, DecideForm } from '../../approvals/ApprovalPanel';
import { DelegationCard } from '../../approvals/DelegationCard';
import { waitingFor } from '../../approvals/engine';
import { useSession } from '../../auth/session';
import { calendarYears, loadCalendar } from '../../calendar/calendar';
import { DeadlineView, STATE_COLOR, STATE_LABEL } from '../../components/DeadlineView';
import { today } from '../../db/clock';

// The 工作台 lists the most urgent deadlines; the whole SUP-4 view is 考核与监督—期限监控.
const DASHBOARD_DEADLINES = 20;

export default function DashboardPage() {
  const user = useSession((s) => s.user)!;
  const [openId, setOpenId] = useState<string | null>(null);
  const waiting = useLiveQuery(() => waitingFor(user.staffId), [user.staffId]);
  const years = useLiveQuery(calendarYears, []);
  const data = useLiveQuery(async () => {
    const cal = await loadCalendar();
    const ctx = { user, today: today(), cal };
    const [todos, deadlines] = await Promise.all([collectTodos(ctx), collectDeadlines(ctx)]);
    return { todos, deadlines };
  }, [user]);
  const nextYear = Number(today().slice(0, 4)) + 1;
  const leader = user.roles.some(
    (r) => r === 'director' || r === 'deputy' || r === 'office' || r === 'discipline',
  );

  const byCategory = new Map<string, TodoItem[]>();
  for (const t of data?.todos ?? []) byCategory.set(t.category, [...(byCategory.get(t.category) ?? []), t]);

  // data-ready marks the moment the to-dos are on screen (the benchmark's "interactive 工作台").
  const ready = waiting !== undefined && data !== undefined;
  useEffect(() => {
    if (ready) markFirstScreenReady();
  }, [ready]);
  return (
    <Stack data-ready={ready ? '1' : undefined} id="dashboard">
      <Title order={2}>工作台</Title>
      {years && !years.includes(nextYear) && (
        <Alert color="orange" title="工作日历缺少下一年度数据">
          {nextYear}
          年的节假日和调休安排尚未录入，期限计算会把该年的法定节假日当作工作日。请管理员在“系统—工作日历”中导入或录入
          {nextYear}年安排。
        </Alert>
      )}
      <Card withBorder>
        <Title order={4} mb="sm">
          待我审批（{waiting?.length ?? 0}）
        </Title>
        {waiting?.length === 0 && <Text c="dimmed">没有等待您审批的事项。</Text>}
        <Stack>
          {waiting?.map((r) => (
            <Card key={r.id} withBorder padding="sm">
              <Group justify="space-between">
                <div>
                  <Text fw={500}>{r.title}</Text>
                  <Text size="xs" c="dimmed">
                    申请人：{r.applicantName} · 当前步骤：{r.steps[r.currentStep]?.label}
                    {r.pendingApproverId !== user.staffId &&
                      `（代 ${r.steps[r.currentStep]?.approverName} 审批）`}
                  </Text>
                </div>
                <Anchor component="button" onClick={() => setOpenId(openId === r.id ? null : r.id)}>
                  {openId === r.id ? '收起' : '审批'}
                </Anchor>
              </Group>
              {openId === r.id && (
                <Stack mt="sm">
                  <ApprovalChain req={r} />
                  <DecideForm req={r} onDone={() => setOpenId(null)} />
                </Stack>
              )}
            </Card>
          ))}
        </Stack>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {[...byCategory.entries()].map(([cat, items]) => (
          <Card withBorder key={cat}>
            <Title order={5} mb="xs">
              {cat}（{items.length}）
            </Title>
            <Stack gap={4}>
              {items.slice(0, 8).map((t) => (
                <Group key={t.id} justify="space-between" wrap="nowrap">
                  <Anchor href={t.link} size="sm" lineClamp={1}>
                    {t.title}
                  </Anchor>
                  <Group gap={4} wrap="nowrap">
                    {t.due && (
                      <Text size="xs" c="dimmed">
                        {t.due}
                      </Text>
                    )}
                    {t.state && (
                      <Badge size="xs" color={STATE_COLOR[t.state]}>
                        {STATE_LABEL[t.state]}
                      </Badge>
                    )}
                  </Group>
                </Group>
              ))}
              {items.length > 8 && (
                <Text size="xs" c="dimmed">
                  另有 {items.length - 8} 项
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {leader && <DeadlineView items={data?.deadlines ?? []} limit={DASHBOARD_DEADLINES} summary />}
      {user.rank !== 'staff' && <DelegationCard />}
    </Stack>
  );
}
