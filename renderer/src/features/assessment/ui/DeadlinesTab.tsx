// SUP-4: every running deadline of the bureau in one view.
import { Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { collectDeadlines } from '../../../app/registry';
import { useSession } from '../../../auth/session';
import { loadCalendar } from '../../../calendar/calendar';
import { DeadlineCounts, DeadlineView } from '../../../components/DeadlineView';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';

export function DeadlinesTab() {
  const user = useSession((s) => s.user)!;
  const items = useLiveQuery(async () => {
    const cal = await loadCalendar();
    return collectDeadlines({ user, today: today(), cal });
  }, [user]);
  return (
    <Stack>
      <RuleLines ids={['SUP-4']} inline />
      <DeadlineCounts items={items ?? []} size="lg" />
      {items === undefined ? <Text c="dimmed">正在汇总各模块的期限…</Text> : <DeadlineView items={items} />}
    </Stack>
  );
}
