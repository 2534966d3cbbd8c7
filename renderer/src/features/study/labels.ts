// User-facing text of the study module (学习).
import type {
  NotesCheckResult,
  StudyPaperKind,
  StudySessionKind,
  TuitionClaimKind,
  TuitionClaimStatus,
} from '../../db/schema/meetings';

export const SESSION_KIND_LABELS: Record<StudySessionKind, string> = {
  friday: '周五集中学习',
  group: '学习中心组',
};
export const NOTES_RESULT_LABELS: Record<NotesCheckResult, string> = {
  good: '完整',
  adequate: '基本完整',
  insufficient: '不完整',
  missing: '无记录',
};
export const PAPER_KIND_LABELS: Record<StudyPaperKind, string> = { reflection: '学习心得', paper: '论文' };
export const CLAIM_KIND_LABELS: Record<TuitionClaimKind, string> = {
  tuition: '学历教育学费（报销2/3）',
  exam: '公开选拔考试费用',
};
export const CLAIM_STATUS_LABELS: Record<TuitionClaimStatus, string> = {
  submitted: '待报销',
  claimed: '已转报销单',
  paid: '已报销',
};
export const DEGREES = ['本科', '硕士研究生', '博士研究生'] as const;

export const L = {
  title: '学习',
  tabs: { sessions: '集中学习', notes: '笔记检查', papers: '心得论文', tuition: '学费报销' },
  kind: '类别',
  date: '学习日期',
  topic: '学习内容',
  speaker: '主讲人',
  attendees: '参加人员',
  absentees: '缺席人员',
  absenceReason: '缺席原因',
  staff: '姓名',
  year: '年度',
  quarter: '季度',
  checkedOn: '检查日期',
  collective: '集中学习记录',
  selfStudy: '自学记录',
  remark: '备注',
  writtenOn: '完成日期',
  paperKind: '类型',
  paperTitle: '题目',
  publishedIn: '发表刊物',
  claimKind: '报销类别',
  description: '说明',
  degree: '学历',
  paidYuan: '实缴金额（元）',
  reimbursable: '可报销金额',
  save: '保存',
  exportExcel: '导出Excel',
} as const;
