// 考勤: 我的签到, 每日登记 (keyboard-first register), 月度考勤表 (export), 月度审核 (ATT-7 flow and
// lock), 年度汇总 (ATT-8), 作息时间 (ATT-1). Tabs follow the hash route #/attendance/<tab>/<param>.
import { Stack, Title } from '@mantine/core';

import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';
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
  const canRegister = useCan('attendance.register');
  const tabs: RouteTab[] = [
    { value: 'me', label: L.tabs.me },
    ...(canRegister ? [{ value: 'register', label: L.tabs.register, sameScreen: true }] : []),
    { value: 'month', label: L.tabs.month, sameScreen: true },
    { value: 'close', label: L.tabs.close, sameScreen: true },
    { value: 'year', label: L.tabs.year, sameScreen: true },
    { value: 'schedule', label: L.tabs.schedule },
  ];
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="attendance" tabs={tabs} defaultTab={canRegister ? 'register' : 'me'}>
        {(tab, [param]) => {
          const t = today();
          const m = parseMonthParam(param, t);
          return tab === 'register' ? (
            <RegisterGrid date={validDate(param) ? param : undefined} />
          ) : tab === 'month' ? (
            <MonthSheetView year={m.year} month={m.month} monthKey={m.key} />
          ) : tab === 'close' ? (
            <MonthClose year={m.year} month={m.month} monthKey={m.key} />
          ) : tab === 'year' ? (
            <YearView year={param && /^\d{4}$/.test(param) ? Number(param) : Number(t.slice(0, 4))} />
          ) : tab === 'schedule' ? (
            <ScheduleForm />
          ) : (
            <MySignIn />
          );
        }}
      </RouteTabs>
    </Stack>
  );
}
