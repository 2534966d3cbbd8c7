// Chinese names of the fields the audit log shows, per table where a field means something of its
// own there, then the fields common to many tables. A field not listed shows under its key.
import { ROLE_LABELS } from '../../../../../shared/permissions';
import type { Role } from '../../../../../shared/permissions';
import { RANK_LABELS } from '../../../../../shared/rules';
import { CORRECTION_FIELD_LABELS } from '../../petitions';
import { ACCOUNT_STATE_LABELS } from '../labels';

export const COMMON_FIELD_LABELS: Record<string, string> = {
  ...CORRECTION_FIELD_LABELS,
  name: '名称',
  title: '标题',
  summary: '摘要',
  note: '备注',
  notes: '备注',
  remark: '备注',
  remarks: '备注',
  reason: '事由',
  status: '状态',
  state: '状态',
  kind: '类别',
  type: '类型',
  category: '类别',
  date: '日期',
  year: '年度',
  month: '月份',
  seq: '序号',
  number: '编号',
  regNo: '登记编号',
  docNo: '文号',
  docNumber: '文号',
  docTitle: '文件标题',
  phone: '电话',
  address: '地址',
  township: '乡镇',
  subject: '问题类别',
  contact: '联系人',
  active: '启用',
  disabled: '停用',
  order: '顺序',
  sectionId: '股室',
  sectionName: '股室',
  staffId: '人员',
  staffIds: '人员',
  staffName: '人员',
  unitId: '责任单位',
  unitName: '单位名称',
  headId: '股室负责人',
  deputyId: '分管领导',
  leaderId: '领导',
  handlerId: '经办人',
  approverId: '审批人',
  approverName: '审批人',
  applicantId: '申请人',
  requesterId: '申请人',
  keeperId: '保管人',
  borrowerId: '借阅人',
  drafterId: '拟稿人',
  signerId: '签发人',
  chairId: '主持人',
  recorderId: '记录人',
  attendeeIds: '参加人员',
  assigneeId: '承办人',
  responsibleId: '责任人',
  receiverId: '接收人',
  reporterId: '报告人',
  purpose: '用途',
  place: '地点',
  location: '地点',
  destination: '目的地',
  startDate: '开始日期',
  endDate: '结束日期',
  days: '天数',
  amountFen: '金额',
  paidFen: '已付金额',
  valueFen: '价值',
  estimatedFen: '预计金额',
  reimbursableFen: '可报销金额',
  rewardFen: '奖励金额',
  dueOn: '期限',
  dueDate: '期限',
  receivedOn: '收到日期',
  registeredOn: '登记日期',
  closedOn: '办结日期',
  approvedOn: '批准日期',
  decision: '决定',
  content: '内容',
  description: '说明',
  copies: '份数',
  urgent: '紧急',
  urgency: '紧急程度',
  secrecy: '密级',
  channel: '来访方式',
  idNo: '身份证号',
  deletedAt: '删除时间',
  deletedBy: '删除人',
  createdAt: '创建时间',
  createdBy: '创建人',
  // a restore from a backup (备份与恢复)
  accepted: '已知悉不符仍恢复',
  findingCount: '不符处数',
  fileName: '文件名',
  bytes: '大小（字节）',
  auto: '自动',
  removed: '清理旧备份数',
};

export const TABLE_FIELD_LABELS: Record<string, Record<string, string>> = {
  staff: { name: '姓名', rank: '职级', title: '职务', roles: '角色', active: '在职' },
  accounts: {
    loginName: '登录名',
    passwordHash: '密码',
    mustChangePassword: '须修改密码',
    disabled: '停用',
    staffId: '人员',
  },
  sections: { name: '股室名称' },
  units: { name: '单位名称', kind: '单位类别' },
  calendars: { holidays: '节假日', workdays: '调休上班日', source: '来源' },
  petitions: { name: '信访人' },
  attachments: { name: '文件名', blob: '文件', size: '大小（字节）', ownerId: '所属记录' },
};

// Settings are one record per key: the key is the record, its value the change.
export const SETTING_LABELS: Record<string, string> = {
  unitName: '单位名称',
  directorId: '局长',
  financeDeputyId: '分管财务',
  officeDeputyId: '分管办公室',
  idleLockMinutes: '空闲锁屏时间（分钟）',
  routeTownships: '对照表乡镇',
  routeSubjects: '对照表问题类别',
  lastBackup: '最近一次备份',
  setupInProgress: '初始化',
};

export function fieldLabel(table: string, field: string): string {
  return TABLE_FIELD_LABELS[table]?.[field] ?? COMMON_FIELD_LABELS[field] ?? field;
}

// Values with labels of their own: roles, ranks, account states, unit kinds.
export const ENUM_LABELS: Record<string, Record<string, string>> = {
  roles: ROLE_LABELS as Record<Role, string>,
  rank: RANK_LABELS,
  kind: { township: '乡镇', department: '部门', holiday: '休', workday: '班' },
  accountState: ACCOUNT_STATE_LABELS,
};

// Fields that say nothing to a reader of the log (bookkeeping, secrets, counters reset with a login).
export const NOISE_FIELDS = new Set([
  'id',
  'updatedAt',
  'updatedBy',
  'createdAt',
  'createdBy',
  'salt',
  'iterations',
  'failedAttempts',
  'lockedUntil',
  'hash',
  'prevHash',
]);

// Shown only as changed, never the value.
export const SECRET_FIELDS = new Set(['passwordHash']);
