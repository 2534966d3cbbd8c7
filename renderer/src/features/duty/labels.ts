// User-facing text of the duty and vehicles module (值班与车辆).
import type { DutyRoster, VehicleTrip } from '../../db/schema/supervision';

export const ROSTER_KIND_LABELS: Record<DutyRoster['kind'], string> = {
  holiday: '节假日值班',
  sensitive: '敏感时期值班',
};
export const ROSTER_STATUS_LABELS: Record<DutyRoster['status'], string> = {
  draft: '草稿',
  published: '已发布',
};
export const TRIP_STATUS_LABELS: Record<VehicleTrip['status'], string> = {
  pending: '审批中',
  approved: '已批准待出车',
  rejected: '已退回',
  withdrawn: '已撤回',
  out: '出车中',
  returned: '已回场',
};

export const L = {
  title: '值班与车辆',
  tabRosters: '值班安排',
  tabVehicles: '车辆调度',
  tabFleet: '车辆信息',
  rosterTitle: '值班表名称',
  rosterKind: '值班类型',
  startDate: '开始日期',
  endDate: '结束日期',
  requirements: '值班要求',
  leader: '带班领导',
  dutyStaff: '值班人员',
  phone: '值班电话',
  note: '备注',
  saveRoster: '保存值班表',
  publish: '发布',
  plate: '车牌号',
  model: '车型',
  seats: '座位数',
  driver: '驾驶员',
  saveVehicle: '保存车辆',
  vehicle: '车辆',
  destination: '目的地',
  purpose: '用车事由',
  passengers: '乘车人员',
  plannedStart: '用车开始日期',
  plannedEnd: '用车结束日期',
  requestVehicle: '提交用车申请',
  departedAt: '出车时间',
  odometerOut: '出车里程表读数（公里）',
  returnedAt: '返回时间',
  odometerIn: '返回里程表读数（公里）',
  logDeparture: '登记出车',
  logReturn: '登记回场',
};

// 星期日 … 星期六, by dayOfWeek.
export const WEEK = ['日', '一', '二', '三', '四', '五', '六'];
