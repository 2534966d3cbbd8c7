// The printed forms and letters (表/单/函/通知) as the office signs them: the conventions of
// product.md's “Paper conventions”, written once for every form (the ledgers have theirs in
// shared/ledger.ts). renderer/src/components/FormPrint.tsx lays a form out with them.
//
// - each form on its one sheet: A5 for the slips, A4 for the rest (FORM_PAPER);
// - 宋体 for the body, the title larger and bold (小标宋/黑体 where a 公文 form calls for it);
// - dates written 2026年6月1日 (formalDate); the date under a signature or at the foot of a letter
//   is the date of the act (交办, 督办, 转送, 审批), never the date of printing;
// - each opinion once, with who and when (opinionText);
// - signature boxes a hand can sign in (SIGN_BOX_MM high at least).

export type FormName =
  | '请假申报条'
  | '外出审批单'
  | '收文处理单'
  | '发文稿纸'
  | '报销审批单'
  | '信访事项交办单'
  | '信访事项转送函'
  | '督办通知'
  | '添置办公用品申报单'
  | '印制文件申报单'
  | '考勤情况通报';

export type FormPaper = 'A4' | 'A5';

export const FORM_PAPER: Record<FormName, FormPaper> = {
  请假申报条: 'A5',
  外出审批单: 'A5',
  收文处理单: 'A4',
  发文稿纸: 'A4',
  报销审批单: 'A4',
  信访事项交办单: 'A4',
  信访事项转送函: 'A4',
  督办通知: 'A4',
  添置办公用品申报单: 'A4',
  印制文件申报单: 'A4',
  考勤情况通报: 'A4',
};

// Page margins (mm) per paper: the printable area every form is laid out in.
export const FORM_MARGIN_MM: Record<FormPaper, number> = { A4: 15, A5: 10 };

export const FORM_FONT = `'SimSun', '宋体', 'Songti SC', 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif`;
export const FORM_TITLE_FONT = `'FZXiaoBiaoSong-B05S', '方正小标宋简体', 'SimHei', '黑体', 'Noto Sans CJK SC', ${FORM_FONT}`;
export const FORM_BODY_PT: Record<FormPaper, number> = { A4: 12, A5: 10.5 }; // 小四 / 五号
export const FORM_TITLE_PT: Record<FormPaper, number> = { A4: 22, A5: 16 }; // 二号 / 三号
export const SIGN_BOX_MM = 15; // the least height a hand signature needs

// A date left for a hand to fill in.
export const BLANK_DATE = '　　年　　月　　日';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// 2026-06-01 → 2026年6月1日. A timestamp (2026-06-01T02:30:00.000Z) is read in local time, as the
// office read the clock when it acted. '' for nothing; a text that is no date is returned as it is.
export function formalDate(value?: string | null): string {
  if (!value) return '';
  const m = ISO_DAY.exec(value);
  if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  const d = /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

// Every ISO date inside a text written formally (a rule's or a step's text that quotes a date).
export function formalDates(text: string): string {
  return text.replace(
    /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    (_, y, m, d) => `${Number(y)}年${Number(m)}月${Number(d)}日`,
  );
}

export type Decision = 'approved' | 'rejected' | null | undefined;

// An approver's opinion, printed once: the decision's word, then the comment — unless the comment
// already says it (the comment 同意。 under 同意 is 同意。, not 同意。同意。).
export function opinionText(
  decision: Decision,
  comment?: string | null,
  words: { approved: string; rejected: string } = { approved: '同意', rejected: '不同意' },
): string {
  const c = (comment ?? '').trim();
  if (!decision) return c;
  const word = words[decision];
  if (!c) return word;
  const says = decision === 'approved' ? [word] : [word, '不同意', '退回'];
  return says.some((w) => c.startsWith(w)) ? c : `${word}。${c}`;
}

// ---- 督办通知 numbers: 督〔2026〕3号, issued once per notice, never reused ------------------------

export const NOTICE_PREFIX = '督';

export function noticeNumber(year: number, seq: number): string {
  return `${NOTICE_PREFIX}〔${year}〕${seq}号`;
}

// The next number of a year: one more than the year's highest ever issued (a deleted or voided
// notice's number included), so that no number is given twice.
export function nextNoticeSeq(issued: readonly { year: number; seq: number }[], year: number): number {
  return issued.reduce((n, i) => (i.year === year && i.seq > n ? i.seq : n), 0) + 1;
}
