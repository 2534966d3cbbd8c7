// 考勤: 我的签到, 每日登记 (keyboard-first register), 月度考勤表 (export), 月度审核 (ATT-7 flow and
// lock), 年度汇总 (ATT-8), 作息时间 (ATT-1). Tabs follow the hash route #/attendance/<tab>/<param>.
import { Stack, Tabs, Title } from '@mantine/core';

import { navigate, useRoute } from '../../app/router';
import { useCan } from '../../auth/session';
import { today } from '../../db/clock';

import { L } from './labels';
import { MonthClose } from './ui/MonthClose';
import { MonthSheetView } from './ui/MonthSheetView';
import { MySignIn } from './ui/MySignIn';
import { parseMonthParam, validDate } from './ui/parts';
import { RegisterGrid } from './ui/RegisterGrid';
import { ScheduleForm } from './ui/ScheduleForm';
import { YearView } from './ui/YearView';

export default function AttendancePage() {
  const route = useRoute();
  const canRegister = useCan('attendance.register');
  const tab = route[1] ?? (canRegister ? 'register' : 'me');
  const param = route[2];
  const t = today();
  const m = parseMonthParam(param, t);
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <Tabs value={tab} onChange={(v) => v && navigate('attendance', v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="me">{L.tabs.me}</Tabs.Tab>
          {canRegister && <Tabs.Tab value="register">{L.tabs.register}</Tabs.Tab>}
          <Tabs.Tab value="month">{L.tabs.month}</Tabs.Tab>
          <Tabs.Tab value="close">{L.tabs.close}</Tabs.Tab>
          <Tabs.Tab value="year">{L.tabs.year}</Tabs.Tab>
          <Tabs.Tab value="schedule">{L.tabs.schedule}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="me" pt="md">
          <MySignIn />
        </Tabs.Panel>
        {canRegister && (
          <Tabs.Panel value="register" pt="md">
            <RegisterGrid date={validDate(param) ? param : undefined} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="month" pt="md">
          <MonthSheetView year={m.year} month={m.month} monthKey={m.key} />
        </Tabs.Panel>
        <Tabs.Panel value="close" pt="md">
          <MonthClose year={m.year} month={m.month} monthKey={m.key} />
        </Tabs.Panel>
        <Tabs.Panel value="year" pt="md">
          <YearView year={param && /^\d{4}$/.test(param) ? Number(param) : Number(t.slice(0, 4))} />
        </Tabs.Panel>
        <Tabs.Panel value="schedule" pt="md">
          <ScheduleForm />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
