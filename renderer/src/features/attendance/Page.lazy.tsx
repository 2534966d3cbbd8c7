// 考勤: 我的签到, 每日登记 (keyboard-first register), 月度考勤表 (export), 月度审核 (ATT-7 flow and
// lock), 年度汇总 (ATT-8), 作息时间 (ATT-1). Tabs follow the hash route #/attendance/<tab>/<param>.
import { ModulePage } from '../../app/ModulePage';
import type { ModuleTab } from '../../app/ModulePage';
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

// The month a '#/attendance/<tab>/<YYYY-MM>' route names (this month when it names none).
const monthOf = (param: string | undefined) => {
  const m = parseMonthParam(param, today());
  return { year: m.year, month: m.month, monthKey: m.key };
};

const yearOf = (param: string | undefined) =>
  param && /^\d{4}$/.test(param) ? Number(param) : Number(today().slice(0, 4));

const REGISTER: ModuleTab<'attendance'> = {
  value: 'register',
  label: L.tabs.register,
  sameScreen: true,
  render: ([param]) => <RegisterGrid date={validDate(param) ? param : undefined} />,
};

const TABS: ModuleTab<'attendance'>[] = [
  { value: 'me', label: L.tabs.me, render: () => <MySignIn /> },
  REGISTER,
  {
    value: 'month',
    label: L.tabs.month,
    sameScreen: true,
    render: ([p]) => <MonthSheetView {...monthOf(p)} />,
  },
  { value: 'close', label: L.tabs.close, sameScreen: true, render: ([p]) => <MonthClose {...monthOf(p)} /> },
  { value: 'year', label: L.tabs.year, sameScreen: true, render: ([p]) => <YearView year={yearOf(p)} /> },
  { value: 'schedule', label: L.tabs.schedule, render: () => <ScheduleForm /> },
];

export default function AttendancePage() {
  const canRegister = useCan('attendance.register');
  return (
    <ModulePage
      module="attendance"
      title={L.title}
      tabs={canRegister ? TABS : TABS.filter((t) => t !== REGISTER)}
      defaultTab={canRegister ? 'register' : 'me'}
    />
  );
}
