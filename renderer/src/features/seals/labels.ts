// User-facing text of the seals module (印章).
import type { SealStatus } from '../../../../shared/rules';
import type { SealUseStatus } from '../../db/schema/documents';

export { SEAL_KIND_LABELS } from '../../../../shared/rules';

export const SEAL_STATUS_LABELS: Record<SealStatus, string> = { active: '在用', void: '已作废' };
export const SEAL_USE_STATUS_LABELS: Record<SealUseStatus, string> = {
  pending: '待局长同意',
  approved: '已同意，待用印',
  rejected: '未同意',
  withdrawn: '已撤回',
  used: '已用印',
  closed: '已关闭（印章作废）',
};
export const SEAL_USE_STATUS_COLORS: Record<SealUseStatus, string> = {
  pending: 'blue',
  approved: 'orange',
  rejected: 'red',
  withdrawn: 'gray',
  used: 'green',
  closed: 'gray',
};

export const L = {
  title: '印章',
  tabs: { uses: '用印登记', seals: '印章管理' },
  sealName: '印章名称',
  sealKind: '印章类别',
  keeper: '保管人',
  note: '备注',
  seal: '印章',
  requestedOn: '申请日期',
  document: '用印文件',
  copies: '用印份数',
  requester: '申请人',
  purpose: '用途',
  usedOn: '用印日期',
  voidedOn: '作废日期',
  voidReason: '作废原因',
  request: '提交用印申请',
  logUse: '登记用印',
  voidSeal: '作废',
  addSeal: '新增印章',
  save: '保存',
  exportExcel: '导出Excel',
} as const;
