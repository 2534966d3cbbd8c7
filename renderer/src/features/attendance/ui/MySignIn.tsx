// 我的签到: the 签到 button on the office PC (the PC's clock, recorded as the person's own) and
// the person's month so far.
import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFingerprint } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';

import { dayOfWeek, isWorkday, sessionTimesOn } from '../../../../../shared/rules';
import { currentActor, useSession } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { useBusyAction } from '../../../components/ListParts';
import { notifyOk } from '../../../components/notify';
import { localHHmm, today } from '../../../db/clock';
import { getWorkSchedule } from '../core/settings';
import { signInOf, signInSelf } from '../core/signins';
import { liveMonth } from '../core/tally';
import { L } from '../labels';

import { codeColor } from './parts';

const WEEKDAYS = '日一二三四五六';

export function MySignIn() {
  const user = useSession((s) => s.user)!;
  const cal = useCalendar();
  const t = today();
  const [busy, run] = useBusyAction();
  const data = useLiveQuery(async () => {
    const [rec, schedule, month] = await Promise.all([
      signInOf(user.staffId, t),
      getWorkSchedule(),
      liveMonth(Number(t.slice(0, 4)), Number(t.slice(5, 7)), [user.staffId]),
    ]);
    return { rec, times: sessionTimesOn(t, schedule), row: month.rows[0] };
  }, [user.staffId, t]);
  const workday = isWorkday(t, cal);

  function signIn() {
    return run(async () => {
      const r = await signInSelf(currentActor());
      notifyOk(`${r.half === 'am' ? '上午' : '下午'}签到时间 ${r.at}`, '已签到');
    });
  }

  const session = (half: 'am' | 'pm') => {
    const e = data?.rec?.[half];
    if (e?.absent) return '旷工（已登记）';
    if (e?.at)
      return `已签到 ${e.at}${e.source === 'self' ? '（本人签到）' : '（考勤员登记）'}${e.leftAt ? `，${e.leftAt} 离岗` : ''}`;
    return '未签到';
  };

  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={4}>
              今天：{t}（星期{WEEKDAYS[dayOfWeek(t)]}）
            </Title>
            {data && (
              <Text size="sm" c="dimmed">
                作息时间：上午 {data.times.amStart}–{data.times.amEnd}，下午 {data.times.pmStart}–
                {data.times.pmEnd}（ATT-1；超过15分钟视为迟到，ATT-2）
              </Text>
            )}
            <Text>上午：{session('am')}</Text>
            <Text>下午：{session('pm')}</Text>
          </Stack>
          <Stack align="center" gap={4}>
            <Button
              size="lg"
              leftSection={<IconFingerprint />}
              onClick={signIn}
              loading={busy}
              disabled={!workday}
            >
              {L.signInButton}
            </Button>
            <Text size="xs" c="dimmed">
              以本机时间 {localHHmm()} 记录
            </Text>
          </Stack>
        </Group>
        {!workday && (
          <Alert mt="sm" color="gray">
            今天是休息日，无需签到。
          </Alert>
        )}
      </Card>
      {data?.row && (
        <Card withBorder>
          <Title order={5} mb="xs">
            本月考勤（截至今天）
          </Title>
          <div style={{ overflowX: 'auto' }}>
            <Table withTableBorder withColumnBorders fz="xs" ta="center">
              <Table.Thead>
                <Table.Tr>
                  {data.row.codes.map((_, i) => (
                    <Table.Th key={i} ta="center">
                      {i + 1}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  {data.row.codes.map((c, i) => (
                    <Table.Td key={i} style={{ color: codeColor(c), whiteSpace: 'nowrap' }}>
                      {c}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </div>
          <SimpleGrid cols={{ base: 3, md: 7 }} mt="sm">
            <Text size="sm">迟到：{data.row.late}次</Text>
            <Text size="sm">早退：{data.row.early}次</Text>
            <Text size="sm">旷工：{data.row.absentDays}天</Text>
            <Text size="sm">事假：{data.row.personalLeaveDays}天</Text>
            <Text size="sm">病假：{data.row.sickLeaveDays}天</Text>
            <Text size="sm">公出：{data.row.tripDays}天</Text>
            <Text size="sm" fw={700}>
              月考核分：{data.row.score}
            </Text>
          </SimpleGrid>
        </Card>
      )}
    </Stack>
  );
}
