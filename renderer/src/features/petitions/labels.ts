// User-facing text of the petitions module (信访), in one place.
import type { SortDecision } from '../../../../shared/rules';
import { SORT_DECISION_LABELS } from '../../../../shared/rules';
import type {
  HigherVisitLevel,
  PetitionChannel,
  PetitionNature,
  PetitionRecusal,
  PetitionState,
  PetitionStepKind,
} from '../../db/schema/petitions';

export const MODULE_TITLE = '信访';

export const TAB_LABELS = {
  list: '信访件',
  letter: '来信登记',
  visit: '来访登记',
  other: '网上信访与交办',
  supervise: '督办',
  urgent: '重大紧急',
  ledger: '台帐',
  stats: '统计分析',
  reception: '接访与上访',
  import: '导入',
  settings: '设置',
} as const;
export type TabKey = keyof typeof TAB_LABELS;

export const CHANNEL_LABELS: Record<PetitionChannel, string> = {
  letter: '来信',
  visit: '来访',
  online: '网上信访',
  governor_mailbox: '省长信箱',
  mayor_mailbox: '市长信箱',
  handed_down: '上级交办',
};

export const NATURE_LABELS: Record<PetitionNature, string> = {
  claim: '申诉求决类',
  suggestion: '建议意见类',
  accusation: '检举控告类',
};

export const STATE_LABELS: Record<PetitionState, string> = {
  registered: '待处理',
  forwarded: '已转送',
  handed_down: '已交办',
  accepted: '办理中',
  reported_up: '已上报',
  rejected: '不予受理',
  concluded: '已办结',
  review: '复查中',
  recheck: '复核中',
  archived: '已归档',
  duplicate: '重复件',
  repeat: '重复信访',
};

export const STATE_COLORS: Record<PetitionState, string> = {
  registered: 'orange',
  forwarded: 'blue',
  handed_down: 'blue',
  accepted: 'cyan',
  reported_up: 'grape',
  rejected: 'gray',
  concluded: 'green',
  review: 'yellow',
  recheck: 'yellow',
  archived: 'dark',
  duplicate: 'gray',
  repeat: 'gray',
};

export const DECISION_LABELS: Record<SortDecision, string> = SORT_DECISION_LABELS;

export const STEP_LABELS: Record<PetitionStepKind, string> = {
  register: '登记',
  correct: '登记信息更正',
  duplicate: '收到重复件',
  sort: '分类处理',
  notify: '告知信访人',
  unit_accept: '责任单位受理',
  objection: '责任单位异议',
  reroute: '重新转送/交办',
  assign: '指定承办人',
  recusal: '回避',
  extend: '延期',
  reply: '答复',
  complaint: '态度投诉',
  conclude: '办结',
  reply_received: '信访人收到答复',
  review_request: '申请复查',
  review_answer: '复查答复',
  recheck_request: '申请复核',
  recheck_answer: '复核答复',
  archive: '归档',
  urgent_mark: '标为重大紧急',
  urgent_report: '重大紧急事项报告',
  urgent_downgrade: '重大紧急降级',
  director_seen: '局长已阅',
  national_no: '录入全国信访信息系统',
  supervise: '督办',
  print: '打印',
  attachment: '附件',
  note: '备注',
};

export const LETTER_SOURCES = ['群众来信', '领导批示件', '上级转来', '人大政协转来', '其他'] as const;
export const HANDED_DOWN_FROM = ['国家信访局', '省信访局', '市信访局', '县委县政府', '其他'] as const;

export const DEFAULT_CATEGORIES = [
  '劳动社保',
  '国土资源',
  '城乡建设',
  '政法',
  '教育',
  '卫生健康',
  '民政',
  '农业农村',
  '环境保护',
  '纪检监察',
  '其他',
] as const;

export const OUTCOMES = ['已解决', '部分解决', '解释疏导', '不予支持', '移送司法', '其他'] as const;
export const REPLY_WAYS = ['书面', '电话', '当面', '网上'] as const;

export const RECUSAL_LABELS: Record<PetitionRecusal['reason'], string> = {
  self: '本人是当事人',
  relative: '近亲属是当事人',
  interest: '其他利害关系',
};

export const HIGHER_LEVEL_LABELS: Record<HigherVisitLevel, string> = {
  county: '到县',
  city: '到市',
  province: '赴省',
  beijing: '进京',
};

export const RECEPTION_KIND_LABELS = { reception: '领导接访', appointment: '领导约访' } as const;

export const F = {
  receivedOnLetter: '收信日期',
  receivedOnVisit: '来访日期',
  receivedOnOther: '收件日期',
  nameLetter: '来信人',
  nameVisit: '来访人',
  nameOther: '信访人',
  idNo: '身份证号',
  phone: '联系电话',
  address: '住址',
  township: '所属乡镇',
  letterSource: '信件来源',
  category: '问题类别',
  nature: '事项性质',
  summary: '内容摘要',
  informant: '是否检举揭发',
  accused: '被检举单位',
  accusedNote: '被检举人或其他单位',
  urgent: '是否重大紧急',
  nationalNo: '全国系统录入编号',
  attachments: '附件（扫描件）',
  visitors: '人数',
  representatives: '代表',
  receptionist: '接待人',
  channel: '信访渠道',
  fromBody: '交办机关/信箱',
  upstreamNo: '上级编号',
  save: '保存',
} as const;

export const MSG = {
  nameRequired: '请填写信访人姓名',
  idBad: '身份证号校验不通过，请核对（18位，末位为校验码）',
  phoneBad: '联系电话格式不对（7–12位数字，可带区号横线）',
  dateRequired: '请填写日期',
  dateBad: '日期格式应为 年-月-日',
  dateFuture: '日期不能晚于今天',
  townshipRequired: '请选择所属乡镇',
  townshipUnknown: '所属乡镇不在乡镇列表中',
  categoryRequired: '请选择问题类别',
  summaryRequired: '请填写内容摘要',
  accusedRequired: '检举揭发件请选择或填写被检举单位/人',
  visitorsBad: '人数应为1以上的整数',
  repsRequired: '5人以上集体访须推选代表（1–5人）',
  repsTooMany: '代表人数不得超过5人',
  receptionistRequired: '请选择接待人',
  correctionReasonRequired: '请填写更正原因',
  correctionNothing: '没有更改任何登记信息',
  correctionArchived: '该件已归档，登记信息不能再更正',
  correctionInformantFlag: '没有查看检举人信息的权限，不能更改检举揭发标记',
  correctionIdentityMasked: '检举揭发件的信访人身份信息只能由有权查看的人员更正',
} as const;

// 登记信息更正: what a correction may change, as the saved notice and the history name it.
export const CORRECTION_FIELD_LABELS = {
  name: '信访人',
  idNo: F.idNo,
  phone: F.phone,
  address: F.address,
  township: F.township,
  letterSource: F.letterSource,
  category: F.category,
  summary: F.summary,
  informant: '检举揭发标记',
  accusedUnitIds: F.accused,
  accusedNote: F.accusedNote,
  representatives: F.representatives,
} as const;
export type CorrectionField = keyof typeof CORRECTION_FIELD_LABELS;
export function correctionLabel(f: CorrectionField, channel: PetitionChannel): string {
  return f === 'letterSource' && channel !== 'letter' ? F.fromBody : CORRECTION_FIELD_LABELS[f];
}

export const CORRECTION = {
  button: '更正登记信息',
  title: '更正登记信息',
  reason: '更正原因',
  save: '保存更正',
  saved: '登记信息已更正',
  fixed: '登记编号、信访渠道和收件日期决定编号和期限，不能更正；重大紧急标记和全国系统编号在“办理”中登记。',
  masked: '本件为检举揭发件，信访人身份信息按规定隐去，您不能查看或更正（PET-6）。',
  archived: '已归档的信访件不能更正登记信息（卷宗以归档时为准）。',
  step: '登记信息更正',
  stepText: (reason: string) => `登记信息更正：${reason}`,
} as const;

export const PERIOD_MONTH = (y: number, m: number) => `${y}年${m}月`;

// PET-6: what an identity was shown for (the audit entry of each reveal names it).
export const REVEAL_LABELS = {
  list: '信访件列表',
  case: '案件详情',
  duplicates: '重复件检查',
  review: '重复件待核',
  reception: '领导接访关联来访件',
  audit: '审计记录',
  ledgerExport: '导出台帐',
  ledgerPrint: '台帐打印预览',
} as const;
export type RevealPurpose = keyof typeof REVEAL_LABELS;

// PET-6 / PET-10: a new case whose petitioner matches an informant case the registering user may
// not see becomes a to-do for those who may see it.
export const IDENTITY_REVIEW = {
  todo: '重复件待核',
  title: '重复件待核（PET-6、PET-10）',
  intro:
    '本件信访人与下列检举揭发件的信访人相同（姓名加身份证号或电话）。登记人无权查看检举人身份，系统未向其显示，请核对是否作为重复件并入。',
  link: '并入该件（重复件）',
  close: '核对完毕，不并入',
  note: '核对说明',
  linked: '已作为重复件并入',
  closed: '重复件待核已处理',
  todoTitle: (regNo: string, matches: string) => `${regNo} 与检举揭发件 ${matches} 可能为同一信访人`,
  todoDetail: (by: string) => `${by}登记，登记人无权查看检举人身份；请核对是否并入（PET-6、PET-10）`,
  auditOpen: (regNo: string) => `重复件待核：${regNo}（PET-6、PET-10）`,
  auditClose: (regNo: string, how: string) => `重复件待核已处理：${regNo}，${how}`,
  notAllowed: '没有权限：只有有权查看该检举揭发件的人员可以核对',
  none: '该件没有待核的重复件',
} as const;

export const INFORMANT_TEXT = {
  notCompared: '—',
  notComparedHint: '检举揭发件：不比对信访人身份（PET-6）',
  notComparedNote:
    '“相同信访人”为“—”的是检举揭发件：按规定只按内容比对，不显示、不比对信访人身份（PET-6）；如系同一人，由有权查看的领导核对。',
  attachmentsHidden: (n: number) => `${n}件（检举揭发件的扫描件载有检举人身份，按规定不予显示，PET-6）`,
  attachmentStep: '添加附件（检举揭发件，文件名不予显示，PET-6）',
  auditHidden: '（检举揭发相关，按规定不予显示，PET-6）',
  linkedBadge: '检举揭发（并入件）',
  flagLocked: '检举揭发标记只能由有权查看检举人信息的人员更改（PET-6）',
  settingsTitle: '检举人身份查看范围（PET-6，《信访工作条例》第30条第3款）',
  settingsRoles: '可查看所有检举揭发件信访人身份的角色',
  settingsAssignee: '承办人可查看其承办件的检举人身份（须书面告知检举人）',
  settingsDirectorOnly: '检举人身份查看范围由局长设定。',
  settingsNote: '每次向用户显示检举人身份（案件详情、列表、导出、打印）均记入审计日志。回避人员不能查看。',
  settingsRefused: '检举人身份查看范围只能由局长修改',
  revealSummary: (label: string, regNos: string) => `查看检举人身份（${label}）：${regNos}`,
} as const;

// 导入 (issue 13 points 21–24): the preview, the decision per likely duplicate, the progress.
export const IMPORT = {
  help: '选择 .xlsx 文件（如全国信访信息系统导出表），表头可包括：登记编号、收信日期、来信人、身份证号、联系电话、住址、所属乡镇、问题类别、内容摘要、全国系统录入编号、信访形式。先逐行检查，确认后一次性导入；有任何一行不合格则整份文件都不导入，请改好文件后重新选择。',
  noHeader: '找不到表头：表中应有“来信人”（或“信访人”“来访人”）列',
  noRows: '表中没有数据行',
  importRule: '导入要求',
  unchecked: '导入数据未经检查，请重新选择文件',
  refusedAll: (n: number, first: string) => `有 ${n} 行不符合要求，整份文件未导入任何数据：${first}`,
  undecided: (rows: number[]) =>
    `第${rows.slice(0, 10).join('、')}行${rows.length > 10 ? `等 ${rows.length} 行` : ''}可能与已登记的信访件重复，请逐行选择：登记为新件、作为重复件关联或跳过`,
  badDecision: (row: number) => `第${row}行的处理方式无效，请重新选择`,
  nothing: '没有要导入的行（全部跳过）',
  numberTaken: (regNo: string) => `登记编号 ${regNo} 已被另一件信访件使用`,
  sameNumber: (regNo: string) => `登记编号 ${regNo} 已登记（该行已导入过），只能跳过`,
  auditSummary: (n: number, linked: number, skipped: number, file: string) =>
    `导入信访件 ${n} 件${linked ? `（其中作为重复件关联 ${linked} 件）` : ''}${skipped ? `，跳过 ${skipped} 行` : ''}${file ? `：${file}` : ''}`,
  // the screen
  fileLabel: '选择Excel文件',
  filePlaceholder: '点击选择文件',
  reading: '正在读取文件…',
  read: (done: number, total: number) => `已读取 ${done} / ${total} 行`,
  checking: (done: number, total: number) => `已检查 ${done} / ${total} 行`,
  duplicates: (done: number, total: number) => `正在查找可能重复的信访件（PET-10）：${done} / ${total} 行`,
  writing: (done: number, total: number) => `正在导入：已写入 ${done} / ${total} 行`,
  total: (n: number) => `共 ${n} 行`,
  okCount: (n: number) => `通过 ${n} 行`,
  dupCount: (n: number, open: number) => `可能重复 ${n} 行${open ? `（待选择 ${open} 行）` : ''}`,
  refusedCount: (n: number) => `拒绝 ${n} 行`,
  refusedTitle: '有不合格的行，整份文件都不能导入',
  refusedText: (n: number) =>
    `共有 ${n} 行不合格（原因见下表）。导入是全部或全不：请在Excel文件中改好这些行，然后重新选择文件。`,
  dupTitle: '发现可能重复的信访件（PET-10）',
  dupText:
    '下列行与已登记的信访件为同一信访人（身份证号，或姓名加电话）或内容相似。请逐行选择：登记为新件、作为重复件关联到已有件，或跳过该行。',
  allSkip: '可能重复的行全部跳过',
  allLink: '全部作为重复件关联到最相近的已有件',
  allNew: '全部登记为新件',
  filter: { all: '全部', refused: '拒绝', duplicate: '可能重复', ok: '通过' },
  previewLabel: '导入预览',
  cols: ['行号', '登记编号', '收信日期', '来信人', '所属乡镇', '问题类别', '内容摘要', '检查结果'],
  autoNumber: '（自动编号）',
  passed: '通过',
  refused: '拒绝：',
  rule: (r: string | null) => (r ? `（${r}）` : ''),
  likely: (regNo: string, name: string, date: string, similarity: number, same: boolean | null) =>
    `可能重复：${regNo}（${name}，${date}，${same === true ? '同一信访人，' : ''}内容相似度 ${similarity}%）`,
  finalAtRecheck: '该件已复核终结',
  inHand: '该件已受理且在办理期限内',
  nothingLeft: '全部行都选择了跳过，没有要导入的行。',
  decisionLabel: (row: number) => `第${row}行的处理`,
  decisionPlaceholder: '请选择处理方式',
  decideNew: '登记为新件',
  decideLink: (regNo: string) => `作为重复件关联到 ${regNo}`,
  decideSkip: '跳过（不导入）',
  confirm: (n: number) => `确认导入 ${n} 行`,
  confirmNone: '确认导入',
  blockedRefused: '有不合格的行，不能导入。',
  blockedUndecided: (n: number) => `还有 ${n} 行可能重复的未选择处理方式。`,
  done: (n: number, linked: number, skipped: number) =>
    `已导入 ${n} 件信访件${linked ? `，其中 ${linked} 件作为重复件关联` : ''}${skipped ? `；跳过 ${skipped} 行` : ''}。`,
  noPermission: '您没有导入信访件的权限。',
} as const;
