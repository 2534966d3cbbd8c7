// User-facing text of the meetings module (会议).
import type { MeetingDecision, MeetingKind } from '../../db/schema/meetings';

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  director_office: '局长办公会',
  staff: '局务会',
};

// The number of a decision: 局长办公会决定〔2026〕5号 / 局务会决定〔2026〕2号
export const DECISION_PREFIX: Record<MeetingKind, string> = {
  director_office: '局长办公会决定',
  staff: '局务会决定',
};

// 四、会议制度 (一) and (二): what each meeting deals with, as the regulations list it.
export const AGENDA_CATEGORIES: Record<MeetingKind, readonly string[]> = {
  director_office: [
    '传达县委、县政府和上级信访部门的指示精神',
    '研究年度工作计划、工作总结和阶段工作安排',
    '研究制订规章制度和管理办法',
    '讨论决定向县委、人大、政府、政协和上级信访部门报告的重大事项',
    '研究干部人事问题、分析干部职工思想状况，讨论决定其他重大事项和紧急事项',
  ],
  staff: [
    '讨论决定以本局名义呈报或批复的事项',
    '讨论决定本局人事调整和人员异动事项',
    '讨论决定提交县委、县政府和上级信访部门的有关事项',
    '研究讨论县直机关、各乡镇、各事业单位年终评优评先工作',
  ],
};

export const FOLLOW_UP_LABELS: Record<MeetingDecision['followUp'], string> = {
  open: '待落实',
  in_progress: '落实中',
  done: '已落实',
};
export const FOLLOW_UP_OPTIONS = Object.entries(FOLLOW_UP_LABELS).map(([value, label]) => ({ value, label }));
export const FOLLOW_UP_COLORS: Record<MeetingDecision['followUp'], string> = {
  open: 'orange',
  in_progress: 'blue',
  done: 'green',
};

export const L = {
  title: '会议',
  tabs: { director: '局长办公会', staff: '局务会', decisions: '会议决定', reports: '股室月度汇报' },
  date: '会议日期',
  chair: '主持人',
  recorder: '记录人',
  location: '会议地点',
  attendees: '出席人员',
  absentees: '缺席人员',
  absenceReason: '缺席原因',
  observers: '列席人员',
  agendaCategory: '议题类别',
  agendaTitle: '议题',
  minutes: '会议纪要',
  decisionText: '决定事项',
  owner: '责任人',
  due: '落实期限',
  followUp: '落实情况',
  followUpNote: '落实说明',
  save: '保存',
  newMeeting: '新建会议',
  addDecision: '添加决定',
  addAgenda: '添加议题',
  decisionSelect: '局长办公会决定',
  section: '股室',
  reportMonth: '汇报月份',
  submittedOn: '报送日期',
  workSummary: '本月工作情况',
  nextPlan: '下月工作计划',
  exportExcel: '导出Excel',
  print: '打印',
} as const;
