// User-facing text of the documents module (公文).
import type {
  CirculationRole,
  DataRequestStatus,
  DestructionStatus,
  DocSecrecy,
  DocUrgency,
  IncomingKind,
  IncomingStatus,
  LoanStatus,
  OutgoingStatus,
} from '../../db/schema/documents';

export const URGENCY_LABELS: Record<DocUrgency, string> = {
  normal: '普通',
  urgent: '加急',
  very_urgent: '特急',
};
export const SECRECY_LABELS: Record<DocSecrecy, string> = {
  none: '无',
  internal: '内部',
  secret: '秘密',
  confidential: '机密',
};
export const INCOMING_KIND_LABELS: Record<IncomingKind, string> = {
  document: '公文',
  letter: '公函',
  meeting_material: '会议材料',
};
export const INCOMING_STATUS_LABELS: Record<IncomingStatus, string> = {
  registered: '已登记，待拟办',
  proposed: '已拟办，待批办',
  decided: '已批办，待传阅',
  circulating: '传阅、承办中',
  done: '传阅完毕，待反馈',
  reported: '已反馈，待归档',
  archived: '已归档',
  destroyed: '已销毁',
};
export const INCOMING_STATUS_SHORT: Record<IncomingStatus, string> = {
  registered: '待拟办',
  proposed: '待批办',
  decided: '待分送',
  circulating: '传阅中',
  done: '待反馈',
  reported: '待归档',
  archived: '已归档',
  destroyed: '已销毁',
};
export const INCOMING_STATUS_COLORS: Record<IncomingStatus, string> = {
  registered: 'gray',
  proposed: 'yellow',
  decided: 'orange',
  circulating: 'blue',
  done: 'cyan',
  reported: 'teal',
  archived: 'green',
  destroyed: 'dark',
};
export const CIRCULATION_ROLE_LABELS: Record<CirculationRole, string> = { read: '传阅', handle: '承办' };

export const OUTGOING_STATUS_LABELS: Record<OutgoingStatus, string> = {
  draft: '拟稿',
  in_approval: '审核签发中',
  rejected: '已退回',
  withdrawn: '已撤回',
  signed: '已签发，待印发',
  issued: '已印发',
};
export const OUTGOING_STATUS_COLORS: Record<OutgoingStatus, string> = {
  draft: 'gray',
  in_approval: 'blue',
  rejected: 'red',
  withdrawn: 'gray',
  signed: 'orange',
  issued: 'green',
};
export const LOAN_STATUS_LABELS: Record<LoanStatus, string> = {
  pending: '待批准',
  approved: '借出',
  rejected: '未批准',
  withdrawn: '已撤回',
  returned: '已归还',
};
export const DATA_REQUEST_STATUS_LABELS: Record<DataRequestStatus, string> = {
  pending: '待批准',
  approved: '已批准，待提供',
  rejected: '未批准',
  withdrawn: '已撤回',
  provided: '已提供',
};
export const DESTRUCTION_STATUS_LABELS: Record<DestructionStatus, string> = {
  pending: '待分管领导批准',
  approved: '已批准，待监销',
  rejected: '未批准',
  withdrawn: '已撤回',
  destroyed: '已销毁',
};

export const DEFAULT_DOC_PREFIX = '宁信发';
export const DOC_PREFIX_SETTING = 'documents.prefixes';

export const L = {
  title: '公文',
  tabs: {
    incoming: '收文',
    outgoing: '发文',
    loans: '借阅',
    dataRequests: '查阅资料',
    archive: '归档',
    destruction: '销毁',
    settings: '设置',
  },
  // 收文
  receivedOn: '收文日期',
  kind: '文件类别',
  issuer: '来文单位',
  issuerNumber: '来文字号',
  docTitle: '文件标题',
  urgency: '紧急程度',
  secrecy: '密级',
  copies: '份数',
  copySections: '复印件送股室',
  register: '签收登记',
  proposal: '拟办意见',
  proposer: '拟办人',
  officeDirector: '办公室主任',
  recordedFor: '代录',
  decision: '批办意见',
  decider: '批办领导',
  readers: '传阅人员',
  handlers: '承办人员',
  circulate: '分送传阅',
  markRead: '已阅',
  markHandled: '办理完毕',
  readNote: '阅批意见',
  outcome: '办理结果',
  reportBack: '反馈局长',
  archive: '归档',
  archiveRef: '卷号',
  chase: '催办',
  // 发文
  outTitle: '标题',
  prefix: '机关代字',
  draftSection: '拟稿股室',
  mainTo: '主送',
  copyTo: '抄送',
  summary: '正文摘要',
  printCopies: '印制份数',
  distribution: '分发范围',
  submit: '提交审核',
  issue: '印制分发',
  // 借阅
  loanDoc: '借阅文件',
  borrower: '借阅人',
  purpose: '用途',
  borrowedOn: '借阅日期',
  returnDue: '归还期限',
  returnedOn: '归还日期',
  returnLoan: '登记归还',
  // 查阅资料
  requester: '查阅单位或个人',
  contact: '联系方式',
  content: '查阅内容',
  approver: '审批领导',
  // 销毁
  destroyDoc: '销毁文件',
  reason: '销毁原因',
  witnesses: '监销人',
  witness1: '监销人一',
  witness2: '监销人二',
  destroyedOn: '销毁日期',
  method: '销毁方式',
  recordDestruction: '登记监销',
  save: '保存',
  exportExcel: '导出Excel',
  print: '打印',
} as const;
