// User-facing text of the attendance module (考勤).
import type { AttendanceMonthState } from '../../../../shared/rules';

export const L = {
  title: '考勤',
  tabs: {
    me: '我的签到',
    register: '每日登记',
    month: '月度考勤表',
    close: '月度审核',
    year: '年度汇总',
    schedule: '作息时间',
  },
  signInButton: '签到',
  am: '上午',
  pm: '下午',
  cols: { at: '签到', leftAt: '离岗', note: '备注' },
  exportExcel: '导出Excel',
  print: '打印',
  msg: {
    badTime: '时间无效：请输入00:00至23:59之间的时间，如 0812 或 08:12',
    notWorkday: '该日为休息日，无需签到',
    future: '不能登记今天以后的签到',
    locked: '该月考勤已通报并锁定，修改须通过“更正”办理',
    leftWithoutSignIn: '请先填写该时段的签到时间',
    leftBeforeSignIn: '离岗时间不能早于签到时间',
    noPermission: '没有考勤登记权限',
    noClosePermission: '只有考勤员（办公室）可以汇总、通报或更正月度考勤',
    alreadySigned: (half: string, at: string) => `${half}已签到（${at}）`,
    afterHours: '已过下午下班时间，今天不能再签到',
    reasonRequired: '请填写更正理由',
  },
} as const;

export const STAGE_LABELS: Record<MonthStage, string> = {
  open: '未汇总',
  submitted: '已汇总，待分管领导核实',
  verified: '已核实，待局长审阅',
  returned: '已退回，待重新汇总',
  reviewed: '已审阅，待通报',
  announced: '已通报（锁定）',
};

export type MonthStage = 'open' | 'submitted' | 'verified' | 'returned' | 'reviewed' | 'announced';

export const FLOW_STATE_LABELS: Record<AttendanceMonthState, string> = {
  compiling: '考勤员汇总',
  verified: '分管领导核实',
  reviewed: '局长审阅',
  announced: '全局通报',
};
