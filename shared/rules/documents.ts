// §5 Official documents (公文处理制度): circulation, numbering, archiving, loans, destruction.

import type { CalendarData } from './calendar';
import { addDaysPeriod, compileCalendar } from './calendar';
import type { ISODate } from './dates';
import { checkDate, toDayNumber } from './dates';
import { checkArray, checkBoolean, checkInteger, checkObject, checkString, fail } from './validate';

// a workflow's steps, in order, from { key: label } (object keys keep their written order)
type Step = { key: string; label: string };
const steps = (labels: Record<string, string>): readonly Step[] =>
  Object.entries(labels).map(([key, label]) => ({ key, label }));

// DOC-1: the steps of an incoming document, in order
export const INCOMING_STEPS = steps({
  register: '签收登记',
  propose: '办公室主任拟办',
  decide: '局长批办',
  circulate: '传阅、承办',
  follow_up: '督促落实',
  feedback: '结果反馈局长',
  archive: '归档',
});

// DOC-1: the 拟办意见 is the office director's (办公室主任). They record it themselves, or someone who
// keeps the documents (the office clerk) records it on their behalf (代录) and names them as the
// author: the record, the screen and the 收文处理单 then name the director as the one who wrote it and
// the clerk as the one who typed it in. Nobody else's opinion is recorded as the 拟办意见.
export type ProposalAuthorship =
  | { ok: true; authorId: string; recordedById: string | null }
  | { ok: false; problem: 'no_office_director' | 'not_on_behalf' | 'not_permitted' };

export function proposalAuthorship(p: {
  actorId: string;
  officeDirectorId: string | null;
  onBehalfOfId?: string | null; // the author named by someone recording it for them (代录)
  actorKeepsDocuments: boolean; // the actor holds documents.manage
}): ProposalAuthorship {
  const o = checkObject(p, 'p');
  const actorId = checkString(o.actorId, 'actorId');
  const directorId = o.officeDirectorId == null ? null : checkString(o.officeDirectorId, 'officeDirectorId');
  const onBehalfOf = o.onBehalfOfId == null ? null : checkString(o.onBehalfOfId, 'onBehalfOfId');
  const keeps = checkBoolean(o.actorKeepsDocuments, 'actorKeepsDocuments');
  if (directorId === null) return { ok: false, problem: 'no_office_director' };
  if (actorId === directorId) return { ok: true, authorId: actorId, recordedById: null };
  if (onBehalfOf !== directorId) return { ok: false, problem: 'not_on_behalf' };
  if (!keeps) return { ok: false, problem: 'not_permitted' };
  return { ok: true, authorId: directorId, recordedById: actorId };
}

// DOC-3: the steps of an outgoing document, in order
export const OUTGOING_STEPS = steps({
  draft: '股室拟稿',
  deputy_review: '分管领导审核',
  office_check: '办公室核稿',
  finalize: '分管办公室领导定稿',
  sign: '局长签发',
  issue: '编号、印制、分发',
});

export const CIRCULATION_DAYS = 5; // DOC-2

// DOC-2: an urgent document circulates the day it arrives; any other within 5 days (§0 counting)
export function circulationDue(receivedOn: ISODate, urgent: boolean, cal: CalendarData): ISODate {
  checkDate(receivedOn, 'receivedOn');
  compileCalendar(cal);
  return checkBoolean(urgent, 'urgent') ? receivedOn : addDaysPeriod(receivedOn, CIRCULATION_DAYS, cal);
}

const PREFIX = /^[\u4e00-\u9fa5]+$/;
const DOC_NUMBER = /^([\u4e00-\u9fa5]+)〔(\d{4})〕([1-9]\d*)号$/;

// DOC-3: 〈机关代字〉〔〈year〉〕〈n〉号, e.g. 宁信发〔2018〕1号
export function formatDocNumber(prefix: string, year: number, seq: number): string {
  if (typeof prefix !== 'string' || !PREFIX.test(prefix))
    fail('prefix', 'must be Chinese characters only', prefix);
  checkInteger(year, 'year', 1000, 9999);
  checkInteger(seq, 'seq', 1, Number.MAX_SAFE_INTEGER);
  return `${prefix}〔${year}〕${seq}号`;
}

// DOC-3: the parts of a document number, or null when it is not one
export function parseDocNumber(value: string): { prefix: string; year: number; seq: number } | null {
  const m = typeof value === 'string' ? DOC_NUMBER.exec(value) : null;
  return m === null ? null : { prefix: m[1], year: Number(m[2]), seq: Number(m[3]) };
}

// DOC-3: numbers run per prefix per year and are never reused: the next is the highest used + 1
export function nextDocSeq(usedSeqs: readonly number[]): number {
  const used = checkArray(usedSeqs, 'usedSeqs').map((n, i) =>
    checkInteger(n, `usedSeqs[${i}]`, 1, Number.MAX_SAFE_INTEGER - 1),
  );
  return used.reduce((max, n) => Math.max(max, n), 0) + 1;
}

function checkDocumentYear(documentYear: number): number {
  return checkInteger(documentYear, 'documentYear', 1000, 9998);
}

// DOC-6: a year's documents are filed by 31 March of the next year (a fixed date, not moved)
export function archiveDue(documentYear: number): ISODate {
  return `${checkDocumentYear(documentYear) + 1}-03-31`;
}

export type ArchiveWarning = 'none' | 'warning' | 'overdue';

// DOC-6: for a year not yet archived — a warning from 1 February of the next year, overdue after 31 March
export function archiveWarning(documentYear: number, today: ISODate): ArchiveWarning {
  const due = archiveDue(documentYear);
  const now = toDayNumber(today, 'today');
  if (now > toDayNumber(due)) return 'overdue';
  return now >= toDayNumber(`${documentYear + 1}-02-01`) ? 'warning' : 'none';
}

// DOC-5: a loan not returned is overdue the day after its return date
export function loanOverdue(returnDue: ISODate, today: ISODate): boolean {
  return toDayNumber(today, 'today') > toDayNumber(returnDue, 'returnDue');
}

// DOC-7: approved by the 分管领导 and witnessed by at least two distinct people
export function destructionOk(d: { approvedByDeputy: boolean; witnesses: string[] }): boolean {
  const o = checkObject(d, 'd');
  const approved = checkBoolean(o.approvedByDeputy, 'approvedByDeputy');
  const names = checkArray(o.witnesses, 'witnesses').map((w, i) =>
    // Chinese names are often typed with inner spaces (张  三): whitespace never tells people apart.
    checkString(w, `witnesses[${i}]`).replace(/\s+/g, ''),
  );
  return approved && new Set(names.filter((n) => n !== '')).size >= 2;
}
