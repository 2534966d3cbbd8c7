// User-facing text of the assessment and supervision module (考核与监督).
import type { Grade } from '../../../../shared/rules';
import type { StaffComplaint } from '../../db/schema/supervision';

export const COMPLAINT_SOURCE_LABELS: Record<StaffComplaint['source'], string> = {
  petition_reply: '信访答复（PET-11）',
  letter: '来信',
  visit: '来访',
  phone: '举报电话',
  media: '媒体报道',
  other: '其他',
};
export const COMPLAINT_KIND_LABELS: Record<StaffComplaint['kind'], string> = {
  attitude: '态度粗暴、简单',
  discipline: '违反规范权力运行制度',
  other: '其他',
};
export const COMPLAINT_STATUS_LABELS: Record<StaffComplaint['status'], string> = {
  received: '已受理',
  investigating: '调查核实中',
  answered: '已答复',
};
export const FINDING_LABELS = { substantiated: '经查属实', unsubstantiated: '经查不属实' } as const;
export const MEDIA_LABELS = {
  county: '县级媒体',
  city: '市级媒体',
  province: '省级媒体',
  national: '国家级媒体',
} as const;

export const POWER_KINDS = [
  '行政许可',
  '行政审批',
  '行政处罚',
  '行政强制',
  '行政奖励',
  '行政征收',
  '信访事项办理',
  '其他管理职能',
];

export const L = {
  title: '考核与监督',
  tabAssess: '年度考核',
  tabComplaints: '投诉举报',
  tabPower: '权力运行记录',
  tabInspect: '半年检查',
  tabRisks: '风险防控',
  tabDeadlines: '期限监控',
  year: '年度',
  generate: '生成年度考核',
  announce: '通报考核结果',
  person: '被考核人',
  // complaints
  staff: '被投诉人',
  receivedOn: '受理日期',
  source: '来源',
  complainant: '投诉举报人',
  content: '投诉举报内容',
  kind: '类别',
  receive: '登记受理',
  investigation: '调查核实情况',
  finding: '核查结论',
  corrected: '已改正并向群众道歉',
  media: '媒体报道级别',
  saveInvestigation: '保存核查结论',
  answer: '答复内容',
  answeredOn: '答复日期',
  saveAnswer: '答复办结',
  // power records
  powerKind: '权力类别',
  powerTitle: '事项名称',
  basis: '行使依据',
  startedOn: '开始日期',
  stepLabel: '环节',
  responsible: '责任人',
  addStep: '添加环节',
  openRecord: '建立记录',
  confirm: '签字确认',
  // inspections
  inspectedOn: '检查日期',
  inspectors: '检查人员',
  scope: '检查范围',
  findings: '检查发现的问题',
  result: '检查结论（书面材料）',
  rectification: '整改要求',
  fileInspection: '存档备案',
};

export const GRADE_COLORS: Record<Grade, string> = {
  excellent: 'green',
  qualified: 'blue',
  basic: 'orange',
  unqualified: 'red',
};

export const COMPLAINT_STATUS_COLORS: Record<StaffComplaint['status'], string> = {
  received: 'blue',
  investigating: 'orange',
  answered: 'green',
};
