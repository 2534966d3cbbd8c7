// User-facing text of 系统 (users, organisation, units, calendar, settings, backups, audit).
import type { Permission } from '../../../../shared/permissions';
import { SYNC_FIELD_LABELS } from '../../sync/config';
import { DEFAULT_CATEGORIES } from '../petitions';

export type SystemTab =
  | 'users'
  | 'org'
  | 'units'
  | 'calendar'
  | 'settings'
  | 'backup'
  | 'sync'
  | 'conflicts'
  | 'audit'
  | 'deleted'
  | 'account';

export const TABS: { key: SystemTab; label: string; perm: Permission | null }[] = [
  { key: 'users', label: '用户与角色', perm: 'system.users' },
  { key: 'org', label: '股室与人员', perm: 'system.settings' },
  { key: 'units', label: '责任单位', perm: 'system.settings' },
  { key: 'calendar', label: '工作日历', perm: 'system.settings' },
  { key: 'settings', label: '设置', perm: 'system.settings' },
  { key: 'backup', label: '备份与恢复', perm: 'system.backup' },
  { key: 'sync', label: '多机同步', perm: 'system.settings' },
  // deciding a conflict rewrites any kind of record: the right of 系统 settings (as 同步 itself)
  { key: 'conflicts', label: '同步冲突', perm: 'system.settings' },
  { key: 'audit', label: '审计日志', perm: 'system.audit' },
  { key: 'deleted', label: '已删除记录', perm: 'system.restoreDeleted' },
  { key: 'account', label: '修改密码', perm: null },
];

// The refusals of the 系统 commands (at the field where they name one).
export const REFUSALS = {
  notSignedIn: '请先登录',
  lastAdmin: '至少要保留一名可以登录的管理员，不能停用或取消最后一名管理员',
  ownAccount: '不能停用自己正在使用的账户',
  staffMissing: '人员不存在',
  staffHasLogin: '该人员已有登录账户',
  staffNotActive: '该人员已停用，不能创建登录账户',
  accountMissing: '账户不存在',
  confirmMismatch: '两次输入的密码不一致',
  oldPasswordWrong: '原密码不正确',
  samePassword: '新密码不能与原密码相同',
  idleRange: '空闲锁屏时间应为1–240之间的整数（分钟）',
  nameRequired: '请填写姓名',
  sectionNameRequired: '请填写股室名称',
  sectionNameTaken: '已有同名股室',
  sectionMissing: '股室不存在',
  rankRequired: '请选择职级',
  phoneBad: '电话号码只能包含数字、空格、短横线和括号（7–20位）',
  leaderNotActive: '所选人员不存在或已停用',
  unitNameRequired: '请填写单位名称',
  unitNameTaken: '已有同名单位',
  unitMissing: '单位不存在或已停用',
  townshipRequired: '请填写乡镇名称',
  subjectRequired: '请填写问题类别',
  alreadyListed: '已在列表中',
  dateBad: '日期格式应为 YYYY-MM-DD',
  dateOutsideYear: (y: number) => `日期不在${y}年内`,
  yearBad: '年份应为2000–2100之间的整数',
  workdayOnWeekday: '调休上班日应为周六或周日（工作日本来就要上班）',
  dateListed: (d: string, kind: string) => `${d} 已登记为${kind}`,
  calendarEmpty: '没有读到任何日期',
  unitNameSetting: '请填写单位名称',
  tableUnknown: '数据表不存在',
} as const;

export const ACCOUNT_STATE_LABELS = {
  none: '未开通',
  ok: '正常',
  locked: '已锁定',
  disabled: '已停用',
  mustChange: '待改初始密码',
} as const;

export const DAY_KIND_LABELS = { holiday: '休（节假日）', workday: '班（调休上班）' } as const;

// Problem categories the responsible-unit table starts with: the petitions module's 问题类别.
export const ROUTE_SUBJECTS: readonly string[] = DEFAULT_CATEGORIES;

export const CALENDAR_FORMAT_HELP = `可直接粘贴国务院办公厅的通知原文（含标题或首段，以便认出年份），例如：
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
括号中的星期会与日期核对，“共N天”会与所列日期核对。
也可每行一个日期，日期后写“休”（放假）或“班”（调休上班），可加备注：
2027-01-01 休 元旦
2027-02-14 班 春节调休上班
也可导入 JSON：{"year":2027,"holidays":["2027-01-01"],"workdays":["2027-02-14"]}，
或 chinese-days 的 JSON（{"holidays":{"2027-01-01":"…"},"workdays":{…}}），
或 Excel（.xlsx）：第一列“日期”，第二列“类型”（休/班）。`;

export const STAFF_IMPORT_HELP =
  'Excel 第一行为表头：姓名、股室、职级、职务、角色、电话（姓名必填；股室须为已有股室；职级如“一般干部职工、股室负责人、分管领导、局长”；多个角色用顿号分隔，如“股室负责人、信访业务”）。有任何一行不合格则全部不导入。';

// 系统 › 多机同步
export const SYNC_LABELS = {
  title: '同步中心',
  status: '同步状态：',
  intro:
    '多台电脑共用一套数据时，在一台常开的电脑上安装 CouchDB 作为同步中心，各台电脑在此填写同步中心的地址和账户后开启同步。' +
    '默认不开启：单机使用无需设置。账户和密码保存在本机，是本机的账户，不是个人的账户。',
  ...SYNC_FIELD_LABELS,
  passwordKept: '已保存（不改请留空）',
  turnOn: '开启同步',
  reconnect: '保存并重新连接',
  turnOff: '关闭同步',
  turnedOn: '多机同步已开启',
  turnedOff: '多机同步已关闭',
  parked: (n: number) => `${n} 条记录与本机记录编号或名称相同，暂未合并（待同步冲突处理）`,
} as const;

// 系统 › 同步冲突
export const CONFLICT_LABELS = {
  title: '同步冲突',
  intro:
    '两台电脑在未连通时修改了同一条记录，或传来的记录与本机记录的编号、名称等唯一值相同，系统不会自行取舍：' +
    '请核对各版本后选择保留哪一个。决定会同步到所有电脑；未保留的版本完整记入审计日志。' +
    '本机被同步中心拒绝的修改（例如审批人不符、申请已在另一台电脑撤回）也列在这里。',
  empty: '没有待处理的同步冲突',
  field: '字段',
  differs: '不同',
  versionOf: (pcName: string) => `「${pcName || '未命名电脑'}」的版本`,
  localRecord: '本机记录',
  cameFrom: (pcName: string) => `「${pcName || '未命名电脑'}」传来的记录`,
  seenAt: (at: string) => `发现于 ${at}`,
  parkedReason: (field: string) => `与本机记录的“${field}”相同，暂未并入`,
  keep: '保留此版本',
  keepTitle: '保留此版本',
  keepMessage: (pcName: string) =>
    `保留「${pcName || '未命名电脑'}」的版本，其他版本将被舍弃（其内容记入审计日志）。确定吗？`,
  kept: '已保留所选版本，决定将同步到其他电脑',
  aside: '保留本机记录',
  asideMessage: '保留本机记录，传来的记录不并入（其内容记入审计日志）。确定吗？',
  apply: '并入传来的记录',
  applyMessage: '把传来的记录并入本机（须先修改本机占用相同值的记录）。确定吗？',
  masked: '信访人身份信息按检举揭发保密规定（PET-6）对您隐藏',
  waiting: (n: number) => `${n} 项冲突待处理`,
  // a change of this PC the hub refused (sync/denied.ts)
  deniedVersion: '本机的版本（同步中心未接受）',
  deniedReason: (reason: string) => `同步中心拒绝：${reason}`,
  deniedAt: (at: string) => `拒绝于 ${at}`,
  deniedNote:
    '其他电脑没有收到这项修改。采用同步中心的版本后，本机的这条记录改为同步中心现有的内容（本机版本记入审计日志）；' +
    '同步中心没有这条记录时，本机的记录移入回收站。需连通同步中心。',
  adopt: '采用同步中心的版本',
  adoptMessage:
    '本机的这条记录将改为同步中心现有的版本，本机被拒绝的修改不再发送（其内容记入审计日志）。确定吗？',
  adopted: '已采用同步中心的版本',
} as const;
