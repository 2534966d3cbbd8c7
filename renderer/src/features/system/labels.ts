// User-facing text of 系统 (users, organisation, units, calendar, settings, backups, audit).
import type { Permission } from '../../../../shared/permissions';

export type SystemTab = 'users' | 'org' | 'units' | 'calendar' | 'settings' | 'backup' | 'audit' | 'deleted' | 'account';

export const TABS: { key: SystemTab; label: string; perm: Permission | null }[] = [
  { key: 'users', label: '用户与角色', perm: 'system.users' },
  { key: 'org', label: '股室与人员', perm: 'system.settings' },
  { key: 'units', label: '责任单位', perm: 'system.settings' },
  { key: 'calendar', label: '工作日历', perm: 'system.settings' },
  { key: 'settings', label: '设置', perm: 'system.settings' },
  { key: 'backup', label: '备份与恢复', perm: 'system.backup' },
  { key: 'audit', label: '审计日志', perm: 'system.audit' },
  { key: 'deleted', label: '已删除记录', perm: 'system.restoreDeleted' },
  { key: 'account', label: '修改密码', perm: null },
];

export const PERMISSION_LABELS: Partial<Record<Permission, string>> = {
  'system.users': '用户与角色',
  'system.settings': '系统设置',
  'system.backup': '备份与恢复',
  'system.audit': '审计日志',
  'system.restoreDeleted': '恢复已删除记录',
};

export const MSG = {
  notSignedIn: '请先登录',
  noPermission: (what: string) => `没有权限：此操作需要“${what}”权限`,
  staffInactive: '您的人员记录已停用，不能进行此操作',
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

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  login: '登录',
  logout: '退出',
  event: '事件',
};

// Chinese names of the tables, for the audit viewer and 已删除记录 (unknown tables show their key).
export const TABLE_LABELS: Record<string, string> = {
  settings: '设置',
  sections: '股室',
  staff: '人员',
  accounts: '账户',
  calendars: '工作日历',
  units: '责任单位',
  responsibleRoutes: '责任单位对照表',
  attachments: '附件',
  approvals: '审批',
  delegations: '委托代理',
  audit: '审计日志',
  backup: '备份',
  export: '导出',
  petitions: '信访事项',
  petitionSteps: '信访办理过程',
  petitionReports: '信访报告',
  higherVisits: '到县赴省进京登记',
  receptionDays: '领导接访日',
  signIns: '考勤签到',
  absences: '缺勤',
  attendanceMonths: '月度考勤',
  attendanceAmendments: '考勤更正',
  leaves: '请假',
  trips: '外出',
  incomingDocs: '收文',
  outgoingDocs: '发文',
  docCirculations: '公文传阅',
  docLoans: '借阅登记',
  docNumbers: '文号',
  docDestructions: '公文销毁',
  seals: '印章',
  sealUses: '用印登记',
  meetings: '会议',
  meetingDecisions: '会议决定',
  sectionReports: '股室月报',
  studySessions: '学习',
  studyPapers: '学习心得',
  notesChecks: '笔记检查',
  tuitionClaims: '学费报销',
  publicityPieces: '宣传稿件',
  expenses: '报销',
  spendRequests: '购置申请',
  signedBills: '票据',
  gifts: '礼品登记',
  pledges: '廉政承诺',
  assessments: '年度考核',
  staffComplaints: '投诉举报',
  powerRecords: '权力运行记录',
  inspections: '半年检查',
  dutyRosters: '值班表',
  vehicles: '车辆',
  vehicleTrips: '派车登记',
  dataRequests: '资料申请',
};

export function tableLabel(name: string): string {
  return TABLE_LABELS[name] ?? name;
}

// Problem categories the responsible-unit table starts with (the petitions module's 问题类别).
export const ROUTE_SUBJECTS = ['劳动社保', '国土资源', '城乡建设', '政法', '教育', '卫生健康', '民政', '农业农村', '环境保护', '纪检监察', '其他'];

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
