// SUP-4: every running deadline of the bureau in one view.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { collectDeadlines } from '../../../app/registry';
import { useSession } from '../../../auth/session';
import { loadCalendar } from '../../../calendar/calendar';
import { DeadlineView } from '../../../components/DeadlineView';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';

export function DeadlinesTab() {
  const user = useSession((s) => s.user)!;
  const items = useLiveQuery(async () => {
    const cal = await loadCalendar();
    return collectDeadlines({ user, today: today(), cal });
  }, [user]);
  const counts = { overdue: 0, due_soon: 0, running: 0 };
  for (const d of items ?? []) counts[d.state]++;
  return (
    <Stack>
      <RuleLines ids={['SUP-4']} inline />
      <Group>
        <Badge size="lg" color="red">
          已逾期 {counts.overdue}
        </Badge>
        <Badge size="lg" color="orange">
          即将到期 {counts.due_soon}
        </Badge>
        <Badge size="lg" color="blue">
          进行中 {counts.running}
        </Badge>
      </Group>
      {items === undefined ? <Text c="dimmed">正在汇总各模块的期限…</Text> : <DeadlineView items={items} />}
    </Stack>
  );
}
