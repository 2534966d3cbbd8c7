// Registers of the office (公文, 印章, 会议, 学习) as ledgers: 收文登记簿, 发文登记簿, 借阅登记,
// 印章使用登记, 会议决定落实台帐, 集中学习考勤. Pure builders: the rows come in resolved (names as
// text), the builders lay them out and apply the rules that decide a cell (an overdue loan).
import type { LedgerRow, LedgerSpec } from '../ledger';
import type { ISODate } from '../rules';
import { loanOverdue, ruleText } from '../rules';

import { columns } from './columns';

type YearParams<R> = { unitName: string; year: number; rows: R[] };

// A register of the year: 序号 then `table` (columns.ts), a row per input row, the rules cited
// under it (with any further notes), and whatever else the spec sets.
function yearRegister<R>(
  p: YearParams<R>,
  r: {
    name: string;
    table: string;
    row?: (row: R) => LedgerRow;
    rules: string[];
    notes?: string[];
  } & Pick<LedgerSpec, 'totals' | 'paper'>,
): LedgerSpec {
  const { name, table, row = (x: R) => ({ ...x }) as LedgerRow, rules, notes = [], ...rest } = r;
  return {
    unitName: p.unitName,
    ledgerName: name,
    period: `${p.year}年`,
    columns: columns(`seq=序号/int/6 ${table}`),
    rows: p.rows.map((x, i) => ({ seq: i + 1, ...row(x) })),
    notes: [...rules.map((id) => `${id}：${ruleText(id).text}`), ...notes],
    ...rest,
  };
}

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
export function incomingRegisterSpec(p: YearParams<IncomingRegisterRow>): LedgerSpec {
  return yearRegister(p, {
    name: '收文登记簿',
    table: `regNo=收文编号/nowrap receivedOn=收文日期/date issuer=来文单位 issuerNumber=来文字号
      title=文件标题/40 kind=类别 urgency=紧急程度 secrecy=密级 proposal=拟办意见/24 decision=批办意见/24
      circulation=传阅、承办/30 due=传阅期限/date outcome=办理结果/24 status=状态 archivedOn=归档日期/date
      archiveRef=卷号`,
    rules: ['DOC-1', 'DOC-2', 'DOC-6'],
    notes: ['传阅、承办栏中“√”表示已阅或已办理完毕。'],
    paper: 'A3', // 17 columns, four of them opinions: A3 keeps them on few lines
  });
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
export function outgoingRegisterSpec(p: YearParams<OutgoingRegisterRow>): LedgerSpec {
  return yearRegister(p, {
    name: '发文登记簿',
    table: `docNumber=文号/nowrap signedOn=签发日期/date section=拟稿股室 drafter=拟稿人 signer=签发人
      title=标题/40 urgency=紧急程度 secrecy=密级 mainTo=主送/20 copyTo=抄送/20 distribution=分发范围/24
      printCopies=印制份数/int issuedOn=分发日期/date archivedOn=归档日期/date`,
    rules: ['DOC-3', 'DOC-6'],
  });
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
export function loanRegisterSpec(p: YearParams<LoanRegisterRow> & { asOf: ISODate }): LedgerSpec {
  return yearRegister(p, {
    name: '借阅登记',
    table: `borrowedOn=借阅日期/date borrower=借阅人 section=股室 docTitle=借阅文件或档案/36 purpose=用途/20
      approver=批准人 approvedOn=批准日期/date returnDue=归还期限/date returnedOn=归还日期/date status=状态
      sign=借阅人签字/12-12`,
    row: ({ lent, ...r }) => ({
      ...r,
      status: lent && loanOverdue(r.returnDue, p.asOf) ? '逾期未还' : r.status,
      sign: '',
    }),
    rules: ['DOC-5'],
    notes: [`状态截至 ${p.asOf}。`],
  });
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
export function sealUseRegisterSpec(p: YearParams<SealUseRegisterRow>): LedgerSpec {
  return yearRegister(p, {
    name: '印章使用登记',
    table: `usedOn=用印日期/date seal=印章 document=用印文件/36 copies=份数/int purpose=用途/20
      requester=申请人 approver=批准人 keeper=监印人（保管人） requestedOn=申请日期/date status=状态`,
    rules: ['SEAL-2', 'SEAL-3'],
  });
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
export function decisionRegisterSpec(p: YearParams<DecisionRegisterRow>): LedgerSpec {
  return yearRegister(p, {
    name: '会议决定落实台帐',
    // 决定编号 at least 15 wide: 局长办公会决定 over 〔2026〕1号
    table: `number=决定编号/16-15 meeting=会议 meetingDate=会议日期/date category=议题类别/24
      text=决定事项/40 owner=责任人 dueDate=落实期限/date followUp=落实情况 doneOn=落实日期/date
      note=落实说明/24`,
    rules: ['MTG-1', 'MTG-2'],
  });
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
export function studyAttendanceSpec(p: YearParams<StudyAttendanceRow>): LedgerSpec {
  return yearRegister(p, {
    name: '集中学习考勤登记',
    table: `date=学习日期/date kind=类别 topic=学习内容/36 speaker=主讲人 expected=应到/int present=实到/int
      absent=缺席/int absences=缺席人员及原因/40`,
    row: ({ absences, ...r }) => ({
      ...r,
      absent: absences.length,
      absences: absences.map((a) => `${a.name}（${a.reason}）`).join('；'),
    }),
    totals: {
      topic: '合计',
      expected: p.rows.reduce((n, r) => n + r.expected, 0),
      present: p.rows.reduce((n, r) => n + r.present, 0),
      absent: p.rows.reduce((n, r) => n + r.absences.length, 0),
    },
    rules: ['STU-1', 'STU-2'],
  });
}

export type PaperRegisterRow = {
  name: string;
  section: string;
  papers: { title: string; kind: string; writtenOn: ISODate }[];
};

// 学习心得、论文登记 (STU-4): one row per person; those without one are marked 未完成.
export function paperRegisterSpec(p: YearParams<PaperRegisterRow>): LedgerSpec {
  return yearRegister(p, {
    name: '学习心得论文登记',
    table: `name=姓名 section=股室 count=篇数/int titles=题目（类型、完成日期）/60 met=是否完成`,
    row: (r) => ({
      name: r.name,
      section: r.section,
      count: r.papers.length,
      titles: r.papers.map((x) => `《${x.title}》（${x.kind}，${x.writtenOn}）`).join('；'),
      met: r.papers.length >= 1 ? '完成' : '未完成',
    }),
    rules: ['STU-4'],
  });
}
