// Registers of the office (公文, 印章, 会议, 学习) as ledgers: 收文登记簿, 发文登记簿, 借阅登记,
// 印章使用登记, 会议决定落实台帐, 集中学习考勤. Pure builders: the rows come in resolved (names as
// text), the builders lay them out and apply the rules that decide a cell (an overdue loan).
import type { LedgerRow, LedgerSpec } from '../ledger';
import type { ISODate } from '../rules';
import { loanOverdue, ruleText } from '../rules';

const note = (id: string) => `${id}：${ruleText(id).text}`;
const yearPeriod = (year: number) => `${year}年`;
const numbered = <T>(rows: T[], f: (r: T) => LedgerRow): LedgerRow[] =>
  rows.map((r, i) => ({ seq: i + 1, ...f(r) }));

export type IncomingRegisterRow = {
  regNo: string;
  receivedOn: ISODate;
  issuer: string;
  issuerNumber: string;
  title: string;
  kind: string; // 公文 / 公函 / 会议材料
  urgency: string;
  secrecy: string;
  proposal: string; // 拟办意见
  decision: string; // 批办意见
  circulation: string; // 传阅：张三√、李四；承办：王五√
  due: ISODate | null;
  outcome: string;
  status: string;
  archivedOn: ISODate | null;
  archiveRef: string;
};

// 收文登记簿 (DOC-1, DOC-2, DOC-6)
export function incomingRegisterSpec(p: {
  unitName: string;
  year: number;
  rows: IncomingRegisterRow[];
}): LedgerSpec {
  return {
    unitName: p.unitName,
    ledgerName: '收文登记簿',
    period: yearPeriod(p.year),
    columns: [
      { key: 'seq', header: '序号', type: 'int', width: 6 },
      { key: 'regNo', header: '收文编号', wrap: false },
      { key: 'receivedOn', header: '收文日期', type: 'date' },
      { key: 'issuer', header: '来文单位' },
      { key: 'issuerNumber', header: '来文字号' },
      { key: 'title', header: '文件标题', width: 40 },
      { key: 'kind', header: '类别' },
      { key: 'urgency', header: '紧急程度' },
      { key: 'secrecy', header: '密级' },
      { key: 'proposal', header: '拟办意见', width: 24 },
      { key: 'decision', header: '批办意见', width: 24 },
      { key: 'circulation', header: '传阅、承办', width: 30 },
      { key: 'due', header: '传阅期限', type: 'date' },
      { key: 'outcome', header: '办理结果', width: 24 },
      { key: 'status', header: '状态' },
      { key: 'archivedOn', header: '归档日期', type: 'date' },
      { key: 'archiveRef', header: '卷号' },
    ],
    rows: numbered(p.rows, (r) => ({ ...r })),
    notes: [note('DOC-1'), note('DOC-2'), note('DOC-6'), '传阅、承办栏中“√”表示已阅或已办理完毕。'],
    paper: 'A3', // 17 columns, four of them opinions: A3 keeps them on few lines
  };
}

export type OutgoingRegisterRow = {
  docNumber: string;
  signedOn: ISODate | null;
  section: string; // 拟稿股室
  drafter: string;
  signer: string; // 签发人
  title: string;
  urgency: string;
  secrecy: string;
  mainTo: string;
  copyTo: string;
  distribution: string;
  printCopies: number;
  issuedOn: ISODate | null;
  archivedOn: ISODate | null;
};

// 发文登记簿 (DOC-3, DOC-6): numbered documents in number order.
export function outgoingRegisterSpec(p: {
  unitName: string;
  year: number;
  rows: OutgoingRegisterRow[];
}): LedgerSpec {
  return {
    unitName: p.unitName,
    ledgerName: '发文登记簿',
    period: yearPeriod(p.year),
    columns: [
      { key: 'seq', header: '序号', type: 'int', width: 6 },
      { key: 'docNumber', header: '文号', wrap: false },
      { key: 'signedOn', header: '签发日期', type: 'date' },
      { key: 'section', header: '拟稿股室' },
      { key: 'drafter', header: '拟稿人' },
      { key: 'signer', header: '签发人' },
      { key: 'title', header: '标题', width: 40 },
      { key: 'urgency', header: '紧急程度' },
      { key: 'secrecy', header: '密级' },
      { key: 'mainTo', header: '主送', width: 20 },
      { key: 'copyTo', header: '抄送', width: 20 },
      { key: 'distribution', header: '分发范围', width: 24 },
      { key: 'printCopies', header: '印制份数', type: 'int' },
      { key: 'issuedOn', header: '分发日期', type: 'date' },
      { key: 'archivedOn', header: '归档日期', type: 'date' },
    ],
    rows: numbered(p.rows, (r) => ({ ...r })),
    notes: [note('DOC-3'), note('DOC-6')],
  };
}

export type LoanRegisterRow = {
  borrowedOn: ISODate;
  borrower: string;
  section: string;
  docTitle: string;
  purpose: string;
  approver: string;
  approvedOn: ISODate | null;
  returnDue: ISODate;
  returnedOn: ISODate | null;
  status: string; // 待批准 / 借出 / 已归还 / 未批准 ...
  lent: boolean; // approved and not returned
};

// 借阅登记 (DOC-5): a loan out past its return date on `asOf` shows 逾期未还.
export function loanRegisterSpec(p: {
  unitName: string;
  year: number;
  asOf: ISODate;
  rows: LoanRegisterRow[];
}): LedgerSpec {
  return {
    unitName: p.unitName,
    ledgerName: '借阅登记',
    period: yearPeriod(p.year),
    columns: [
      { key: 'seq', header: '序号', type: 'int', width: 6 },
      { key: 'borrowedOn', header: '借阅日期', type: 'date' },
      { key: 'borrower', header: '借阅人' },
      { key: 'section', header: '股室' },
      { key: 'docTitle', header: '借阅文件或档案', width: 36 },
      { key: 'purpose', header: '用途', width: 20 },
      { key: 'approver', header: '批准人' },
      { key: 'approvedOn', header: '批准日期', type: 'date' },
      { key: 'returnDue', header: '归还期限', type: 'date' },
      { key: 'returnedOn', header: '归还日期', type: 'date' },
      { key: 'status', header: '状态' },
      { key: 'sign', header: '借阅人签字', width: 12, minWidth: 12 },
    ],
    rows: numbered(p.rows, (r) => ({
      borrowedOn: r.borrowedOn,
      borrower: r.borrower,
      section: r.section,
      docTitle: r.docTitle,
      purpose: r.purpose,
      approver: r.approver,
      approvedOn: r.approvedOn,
      returnDue: r.returnDue,
      returnedOn: r.returnedOn,
      status: r.lent && loanOverdue(r.returnDue, p.asOf) ? '逾期未还' : r.status,
      sign: '',
    })),
    notes: [note('DOC-5'), `状态截至 ${p.asOf}。`],
  };
}

export type SealUseRegisterRow = {
  requestedOn: ISODate;
  usedOn: ISODate | null;
  seal: string;
  document: string;
  copies: number;
  requester: string;
  approver: string;
  keeper: string;
  purpose: string;
  status: string;
};

// 印章使用登记 (SEAL-2): date, document, copies, requester, approver, keeper.
export function sealUseRegisterSpec(p: {
  unitName: string;
  year: number;
  rows: SealUseRegisterRow[];
}): LedgerSpec {
  return {
    unitName: p.unitName,
    ledgerName: '印章使用登记',
    period: yearPeriod(p.year),
    columns: [
      { key: 'seq', header: '序号', type: 'int', width: 6 },
      { key: 'usedOn', header: '用印日期', type: 'date' },
      { key: 'seal', header: '印章' },
      { key: 'document', header: '用印文件', width: 36 },
      { key: 'copies', header: '份数', type: 'int' },
      { key: 'purpose', header: '用途', width: 20 },
      { key: 'requester', header: '申请人' },
      { key: 'approver', header: '批准人' },
      { key: 'keeper', header: '监印人（保管人）' },
      { key: 'requestedOn', header: '申请日期', type: 'date' },
      { key: 'status', header: '状态' },
    ],
    rows: numbered(p.rows, (r) => ({ ...r })),
    notes: [note('SEAL-2'), note('SEAL-3')],
  };
}

export type DecisionRegisterRow = {
  number: string;
  meeting: string; // 局长办公会（2026年第3次）
  meetingDate: ISODate;
  category: string;
  text: string;
  owner: string;
  dueDate: ISODate | null;
  followUp: string;
  doneOn: ISODate | null;
  note: string;
};

// 会议决定落实台帐 (MTG-1)
export function decisionRegisterSpec(p: {
  unitName: string;
  year: number;
  rows: DecisionRegisterRow[];
}): LedgerSpec {
  return {
    unitName: p.unitName,
    ledgerName: '会议决定落实台帐',
    period: yearPeriod(p.year),
    columns: [
      { key: 'seq', header: '序号', type: 'int', width: 6 },
      { key: 'number', header: '决定编号', width: 16, minWidth: 15 }, // 局长办公会决定 over 〔2026〕1号
      { key: 'meeting', header: '会议' },
      { key: 'meetingDate', header: '会议日期', type: 'date' },
      { key: 'category', header: '议题类别', width: 24 },
      { key: 'text', header: '决定事项', width: 40 },
      { key: 'owner', header: '责任人' },
      { key: 'dueDate', header: '落实期限', type: 'date' },
      { key: 'followUp', header: '落实情况' },
      { key: 'doneOn', header: '落实日期', type: 'date' },
      { key: 'note', header: '落实说明', width: 24 },
    ],
    rows: numbered(p.rows, (r) => ({ ...r })),
    notes: [note('MTG-1'), note('MTG-2')],
  };
}

export type StudyAttendanceRow = {
  date: ISODate;
  kind: string; // 周五集中学习 / 学习中心组
  topic: string;
  speaker: string;
  expected: number;
  present: number;
  absences: { name: string; reason: string }[];
};

// 集中学习考勤 (STU-1, STU-2): per session, who was absent and why.
export function studyAttendanceSpec(p: {
  unitName: string;
  year: number;
  rows: StudyAttendanceRow[];
}): LedgerSpec {
  return {
    unitName: p.unitName,
    ledgerName: '集中学习考勤登记',
    period: yearPeriod(p.year),
    columns: [
      { key: 'seq', header: '序号', type: 'int', width: 6 },
      { key: 'date', header: '学习日期', type: 'date' },
      { key: 'kind', header: '类别' },
      { key: 'topic', header: '学习内容', width: 36 },
      { key: 'speaker', header: '主讲人' },
      { key: 'expected', header: '应到', type: 'int' },
      { key: 'present', header: '实到', type: 'int' },
      { key: 'absent', header: '缺席', type: 'int' },
      { key: 'absences', header: '缺席人员及原因', width: 40 },
    ],
    rows: numbered(p.rows, (r) => ({
      date: r.date,
      kind: r.kind,
      topic: r.topic,
      speaker: r.speaker,
      expected: r.expected,
      present: r.present,
      absent: r.absences.length,
      absences: r.absences.map((a) => `${a.name}（${a.reason}）`).join('；'),
    })),
    totals: {
      topic: '合计',
      expected: p.rows.reduce((n, r) => n + r.expected, 0),
      present: p.rows.reduce((n, r) => n + r.present, 0),
      absent: p.rows.reduce((n, r) => n + r.absences.length, 0),
    },
    notes: [note('STU-1'), note('STU-2')],
  };
}

export type PaperRegisterRow = {
  name: string;
  section: string;
  papers: { title: string; kind: string; writtenOn: ISODate }[];
};

// 学习心得、论文登记 (STU-4): one row per person; those without one are marked 未完成.
export function paperRegisterSpec(p: {
  unitName: string;
  year: number;
  rows: PaperRegisterRow[];
}): LedgerSpec {
  return {
    unitName: p.unitName,
    ledgerName: '学习心得论文登记',
    period: yearPeriod(p.year),
    columns: [
      { key: 'seq', header: '序号', type: 'int', width: 6 },
      { key: 'name', header: '姓名' },
      { key: 'section', header: '股室' },
      { key: 'count', header: '篇数', type: 'int' },
      { key: 'titles', header: '题目（类型、完成日期）', width: 60 },
      { key: 'met', header: '是否完成' },
    ],
    rows: numbered(p.rows, (r) => ({
      name: r.name,
      section: r.section,
      count: r.papers.length,
      titles: r.papers.map((x) => `《${x.title}》（${x.kind}，${x.writtenOn}）`).join('；'),
      met: r.papers.length >= 1 ? '完成' : '未完成',
    })),
    notes: [note('STU-4')],
  };
}
