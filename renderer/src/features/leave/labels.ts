// User-facing text of the leave and trips module (请假与外出).
import { DRAFT_MESSAGES } from '../../../../shared/rules';
import type { Half } from '../../../../shared/rules';
import type { LeaveStatus, TripKind, TripStatus } from '../../db/schema/attendance';

export const L = {
  title: '请假与外出',
  tabs: {
    newLeave: '请假申请',
    leaves: '请假记录',
    newTrip: '外出申请',
    trips: '外出记录',
    due: '待销假与待汇报',
  },
  form: {
    applicant: '请假人',
    type: '请假类型',
    start: '开始',
    end: '结束',
    startHalf: '开始时段',
    endHalf: '结束时段',
    reason: '事由',
    afterTheFact: '事后补办（LV-5：因特殊情况来不及事前请假）',
    tripAfterTheFact: '事后补办（因特殊情况来不及在外出前报批）',
    submit: '提交',
    traveller: '外出人',
    tripKind: '外出类型',
    destination: '目的地',
    purpose: '外出事由',
    decision: '局长办公会决定',
  },
  msg: {
    // the draft checks' own wording (shared/rules/drafts.ts decides them)
    ...DRAFT_MESSAGES,
    onlySelf: '只能为本人申请；代录他人的口头请假需要“代录口头请假”权限',
    closeNoteRequired: '已超过销假期限，请说明未按时销假的情况',
    reportTextRequired: '请填写汇报情况',
    reportToRequired: '请选择汇报对象',
    tripAfterTheFact:
      '事后补办：外出应事前经批准（TRIP-1），本次在外出开始后才申请，按事后补办处理（参照LV-5）；批准前，所涉时段在考勤中不计公出，按旷工统计。',
    awaitingCounty:
      '局长已同意。下一步由办公室按干部管理权限报告县委、县政府领导，并在此登记报告情况（TRIP-3）；登记后外出方为批准。',
  },
} as const;

export const HALF_LABELS: Record<Half, string> = { am: '上午', pm: '下午' };

export const LEAVE_STATUS_LABELS: Record<LeaveStatus, string> = {
  pending: '审批中',
  approved: '已批准（待销假）',
  closed: '已销假',
  rejected: '已退回',
  withdrawn: '已撤回',
};

export const TRIP_STATUS_LABELS: Record<TripStatus, string> = {
  pending: '审批中',
  approved: '已批准（待汇报）',
  reported: '已汇报',
  rejected: '已退回',
  withdrawn: '已撤回',
};

export const TRIP_KIND_LABELS: Record<TripKind, string> = {
  business: '出差',
  countryside: '下乡',
  meeting: '开会',
  errand: '城内办事',
  study: '赴外地学习、考察',
};
