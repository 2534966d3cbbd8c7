// A printed form (申报条, 审批单, 处理单, 稿纸, 交办单, 函, 通知, 通报) laid out with the paper
// conventions of shared/paper.ts, once for every form: its paper (A5 slips, A4 the rest) and page
// margins, 宋体 with the title larger and bold, 年月日 dates, each opinion once with who and when,
// and signature boxes a hand can sign in. A new form is a FormPrint with its rows.
import type { CSSProperties, ReactNode } from 'react';

import {
  BLANK_DATE,
  FORM_BODY_PT,
  FORM_FONT,
  FORM_MARGIN_MM,
  FORM_PAPER,
  FORM_TITLE_FONT,
  FORM_TITLE_PT,
  formalDate,
  opinionText,
  SIGN_BOX_MM,
} from '../../../shared/paper';
import type { Decision, FormName, FormPaper } from '../../../shared/paper';

import { PrintView } from './PrintView';

export { formalDate, opinionText } from '../../../shared/paper';
export type { FormName } from '../../../shared/paper';

export function formCss(paper: FormPaper): string {
  const body = FORM_BODY_PT[paper];
  const table = paper === 'A5' ? 10 : 10.5;
  // (the 1 pt inside on either side keeps a full-width table's outer border on the page)
  return `.form-print { font-family: ${FORM_FONT}; font-size: ${body}pt; line-height: 1.5; color: #000; padding: 0 1pt; box-sizing: border-box; }
.form-print p { margin: 0 0 2mm; }
.form-print .form-title { font-family: ${FORM_TITLE_FONT}; font-size: ${FORM_TITLE_PT[paper]}pt; font-weight: bold; text-align: center; margin: 0 0 3mm; line-height: 1.3; letter-spacing: 0.1em; }
.form-print .form-meta { display: flex; justify-content: space-between; gap: 4mm; margin: 0 0 2mm; font-size: ${table}pt; }
.form-print table.form-table { width: 100%; border-collapse: collapse; table-layout: auto; }
.form-print table.form-table td, .form-print table.form-table th { border: 0.75pt solid #000; padding: 1.2mm 1.8mm; font-size: ${table}pt; line-height: 1.45; vertical-align: middle; }
.form-print table.form-table th { font-weight: bold; text-align: center; white-space: nowrap; }
.form-print table.form-table.dense td, .form-print table.form-table.dense th { padding: 0 1.5mm; line-height: 1.2; font-size: 10pt; }
.form-print table.form-table td.sign-cell { height: ${SIGN_BOX_MM}mm; min-width: 22mm; }
.form-print .sign-line { display: inline-block; min-width: 28mm; height: ${SIGN_BOX_MM}mm; border-bottom: 0.75pt solid #000; vertical-align: bottom; }
.form-print .signs { display: flex; flex-wrap: wrap; justify-content: space-between; column-gap: 6mm; margin-top: 3mm; align-items: flex-end; }
.form-print .signs > span { white-space: nowrap; }
.form-print .opinion-by { display: flex; flex-wrap: wrap; justify-content: flex-end; align-items: flex-end; column-gap: 4mm; font-size: ${table - 0.5}pt; }
.form-print .opinion-by > span { white-space: nowrap; }
.form-print .note { font-size: ${table - 1}pt; line-height: 1.4; margin-top: 1.5mm; }
.form-print .seal { text-align: right; margin-top: 5mm; line-height: 1.6; }
.form-print tr { break-inside: avoid; }
`;
}

export function FormPrint({
  form,
  jobTitle,
  onPrinted,
  beforePrint,
  extraActions,
  paper,
  children,
}: {
  form: FormName;
  jobTitle: string; // the print job / PDF name: 请假申报条 QJ2026-001
  onPrinted?: (how: 'print' | 'pdf') => void | Promise<void>;
  beforePrint?: () => Promise<void>;
  extraActions?: ReactNode;
  paper?: FormPaper; // a form the office prints on other paper than its usual (a setting)
  children: ReactNode;
}) {
  const size = paper ?? FORM_PAPER[form];
  return (
    <PrintView
      title={jobTitle}
      size={size}
      margin={FORM_MARGIN_MM[size]}
      onPrinted={onPrinted}
      beforePrint={beforePrint}
      extraActions={extraActions}
    >
      <style>{formCss(size)}</style>
      <div className="form-print" data-form={form} data-paper={size}>
        {children}
      </div>
    </PrintView>
  );
}

// The title: the unit's name and the form's, or a letter's own title (督办通知).
export function FormTitle({ children }: { children: ReactNode }) {
  return <h1 className="form-title">{children}</h1>;
}

// The line under the title: 编号 on the left, a date or the unit on the right.
export function FormMeta({ left, right }: { left?: ReactNode; right?: ReactNode }) {
  return (
    <div className="form-meta">
      <span>{left}</span>
      <span>{right}</span>
    </div>
  );
}

// The usual meta line: '编号：…' on the left, '<dateLabel>：<the date>' on the right.
export function NumberDateMeta({
  number,
  dateLabel,
  date,
}: {
  number: string;
  dateLabel: string;
  date?: string | null;
}) {
  return (
    <FormMeta
      left={`编号：${number}`}
      right={
        <>
          {dateLabel}：
          <FormDate value={date} />
        </>
      }
    />
  );
}

// A date on a form: 2026年6月1日, or blank 年 月 日 for the hand when the act has not happened.
export function FormDate({ value, blank = true }: { value?: string | null; blank?: boolean }) {
  return <>{formalDate(value) || (blank ? BLANK_DATE : '')}</>;
}

// A box to sign in (≥ 15 mm high), with its label.
export function SignLine({
  label,
  width,
  style,
}: {
  label?: ReactNode;
  width?: string;
  style?: CSSProperties;
}) {
  return (
    <span style={style}>
      {label && <>{label}：</>}
      <span className="sign-line" style={width ? { minWidth: width } : undefined} />
    </span>
  );
}

// Signature boxes in a row under a form (经办人, 审核人, 签发人 …).
export function SignRow({ labels }: { labels: string[] }) {
  return (
    <div className="signs">
      {labels.map((l) => (
        <SignLine key={l} label={l} />
      ))}
    </div>
  );
}

// An approver's opinion, printed once, and under it who gave it (for whom), a box to sign and the date.
export function Opinion({
  decision,
  comment,
  by,
  at,
  byLabel = '审批人',
  words,
}: {
  decision: Decision;
  comment?: string | null;
  by?: string;
  at?: string | null;
  byLabel?: string;
  words?: { approved: string; rejected: string };
}) {
  return (
    <>
      <div>{opinionText(decision, comment, words)}</div>
      <div className="opinion-by">
        {by !== undefined && (
          <span>
            {byLabel}：{by}
          </span>
        )}
        <SignLine label="签字" width="24mm" />
        <span>
          <FormDate value={at} />
        </span>
      </div>
    </>
  );
}

// The foot of a letter: the unit (盖章) and the date of the act.
export function LetterSeal({ unit, on }: { unit: string; on?: string | null }) {
  return (
    <div className="seal">
      {unit}（盖章）
      <br />
      <FormDate value={on} />
    </div>
  );
}
