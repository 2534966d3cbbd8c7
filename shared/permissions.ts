// Roles (角色) and what each may do. A person may hold several roles; their permissions add up.
// Pure data: the renderer checks these in repositories and screens alike.

export type Role =
  | 'director' // 局长 / 书记
  | 'deputy' // 分管领导
  | 'discipline' // 纪检监察
  | 'section_head' // 股室负责人
  | 'office' // 办公室
  | 'finance' // 财务
  | 'petition' // 信访业务（办信股、接访股、联席办、复查复核办）
  | 'admin'; // 管理员

export const ROLES: readonly Role[] = [
  'director',
  'deputy',
  'discipline',
  'section_head',
  'office',
  'finance',
  'petition',
  'admin',
];

export const ROLE_LABELS: Record<Role, string> = {
  director: '局长/书记',
  deputy: '分管领导',
  discipline: '纪检监察',
  section_head: '股室负责人',
  office: '办公室',
  finance: '财务',
  petition: '信访业务',
  admin: '管理员',
};

export type Permission =
  | 'petition.register' // 登记信访事项
  | 'petition.handle' // 受理、转送、办结
  | 'petition.viewInformant' // 查看检举人身份（PET-6）
  | 'petition.supervise' // 督办
  | 'attendance.register' // 考勤登记
  | 'attendance.close' // 月度考勤汇总
  | 'leave.recordOral' // 代录口头请假
  | 'documents.manage' // 收发文登记
  | 'seals.keep' // 用印登记
  | 'meetings.manage'
  | 'study.manage'
  | 'publicity.review'
  | 'finance.manage'
  | 'integrity.manage'
  | 'assessment.manage'
  | 'duty.manage'
  | 'system.users' // 用户与角色
  | 'system.settings' // 设置、日历、组织
  | 'system.backup' // 备份与恢复
  | 'system.audit' // 审计日志
  | 'system.restoreDeleted'; // 恢复已删除记录

// The 办公室's daily work (its role has it all, with duty and assessment).
const OFFICE_WORK: Permission[] = [
  'attendance.register',
  'attendance.close',
  'leave.recordOral',
  'documents.manage',
  'seals.keep',
  'meetings.manage',
  'study.manage',
  'publicity.review',
];

const ALL: Permission[] = [
  'petition.register',
  'petition.handle',
  'petition.viewInformant',
  'petition.supervise',
  ...OFFICE_WORK,
  'finance.manage',
  'integrity.manage',
  'assessment.manage',
  'duty.manage',
  'system.users',
  'system.settings',
  'system.backup',
  'system.audit',
  'system.restoreDeleted',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  director: ALL.filter((p) => !p.startsWith('system.') || p === 'system.audit'),
  deputy: [
    'petition.handle',
    'petition.viewInformant',
    'petition.supervise',
    'leave.recordOral',
    'meetings.manage',
    'assessment.manage',
    'system.audit',
  ],
  discipline: ['integrity.manage', 'assessment.manage', 'petition.viewInformant', 'system.audit'],
  section_head: ['leave.recordOral', 'petition.handle'],
  office: [...OFFICE_WORK, 'duty.manage', 'assessment.manage'],
  finance: ['finance.manage', 'publicity.review'],
  petition: ['petition.register', 'petition.handle', 'petition.supervise'],
  admin: ['system.users', 'system.settings', 'system.backup', 'system.audit', 'system.restoreDeleted'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r] ?? []) out.add(p);
  return out;
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return permissionsOf(roles).has(permission);
}
