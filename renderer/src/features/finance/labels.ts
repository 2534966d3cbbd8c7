// User-facing text of the finance module (财务).
import type {
  ExpenseCategory,
  ExpenseStatus,
  RequestKind,
  SignedBill,
  SpendRequest,
} from '../../db/schema/finance';

export const CATEGORY_LABELS: Record<ExpenseCategory, string> = {
  office: '办公费',
  supplies: '办公用品',
  printing: '文印费',
  purchase: '采购',
  travel: '差旅费',
  reception: '公务接待',
  vehicle: '车辆运行',
  signed_bills: '签单结算',
  publicity_reward: '宣传奖励',
  tuition: '学费报销',
  other: '其他',
};

// Categories a person picks in the claim form (the others come from their own screens).
export const FORM_CATEGORIES: ExpenseCategory[] = [
  'office',
  'supplies',
  'printing',
  'purchase',
  'travel',
  'reception',
  'vehicle',
  'other',
];

// FIN-5 applies to purchases (单项采购), not to travel, rewards, tuition or a quarter's signed bills.
export const PURCHASE_CATEGORIES: ExpenseCategory[] = [
  'office',
  'supplies',
  'printing',
  'purchase',
  'vehicle',
  'other',
];

export const EXPENSE_STATUS_LABELS: Record<ExpenseStatus, string> = {
  draft: '已备案',
  pending: '审批中',
  approved: '待付款',
  paid: '已付款',
  rejected: '已退回',
  withdrawn: '已撤回',
};
export const EXPENSE_STATUS_COLORS: Record<ExpenseStatus, string> = {
  draft: 'gray',
  pending: 'blue',
  approved: 'teal',
  paid: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export const BILL_STATUS_LABELS: Record<SignedBill['status'], string> = {
  open: '未结算',
  settling: '结算中',
  settled: '已结算',
};
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  supply: '添置办公用品申报单',
  printing: '印制文件申报单',
};
export const REQUEST_STATUS_LABELS: Record<SpendRequest['status'], string> = {
  pending: '审批中',
  approved: '已批准',
  rejected: '已退回',
  withdrawn: '已撤回',
};

export const L = {
  title: '财务',
  tabClaims: '报销',
  tabNew: '填报报销单',
  tabBills: '签单与季末结算',
  tabRequests: '申报单',
  tabLedger: '报销登记',
  claimant: '经办人',
  category: '开支类别',
  purpose: '用途',
  expenseOn: '开支日期',
  advanced: '本人垫付（须1个月内报销）',
  invoiceKind: '票据类型',
  invoiceNumber: '票据号码',
  invoiceAmount: '金额（元）',
  addInvoice: '添加票据',
  lateReason: '逾期报销理由',
  decision: '局长办公会决定',
  request: '已批准的申报单',
  total: '合计',
  uppercase: '人民币大写',
  fileDraft: '先行备案',
  submit: '提交报销',
  witness: '证明人',
  pay: '登记付款',
  print: '报销审批单',
  vendor: '签单单位',
  signedOn: '签单日期',
  signer: '签单人',
  billDescription: '签单事项',
  billAmount: '签单金额（元）',
  saveBill: '登记签单',
  settle: '季末结算报销',
  settleInvoice: '结算发票类型',
  settleInvoiceNumber: '结算发票号码',
  requestKind: '申报单类型',
  requestTitle: '事由',
  requestReason: '申报理由',
  itemName: '品名',
  itemQty: '数量',
  itemUnit: '单位',
  itemEst: '预算金额（元）',
  printer: '印制单位',
  approverLevel: '报批领导',
  submitRequest: '提交申报',
};
