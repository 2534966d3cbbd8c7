// A loan (DOC-5) or a destruction (DOC-7) names the document it is about: picked from the bureau's
// own registers (收文 incomingDocs, 发文 outgoingDocs: the record keeps the table, the id and the
// register number beside the title), or typed as free text for an item not in the registers (old
// paper files). This file finds documents for the picker and checks a picked one.
import type { ISODate } from '../../../../../shared/rules';
import type { Route } from '../../../app/routes';
import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import { DomainError } from '../../../db/repo';
import type { DocDestruction, IncomingDoc, OutgoingDoc } from '../../../db/schema/documents';

export type DocRefTable = 'incomingDocs' | 'outgoingDocs';
// What the record is for: a loan may take an archived document (archives are what is lent), a
// destruction may not (DOC-7: only documents not archived are destroyed).
export type DocUse = 'loan' | 'destruction';

// A document of the registers as the picker offers it.
export type DocChoice = {
  table: DocRefTable;
  id: string;
  docNo: string; // 收文〔2026〕12号 / 宁信发〔2026〕3号
  title: string;
  date: ISODate | ''; // received on / signed on
  from: string; // 来文单位 (incoming) or 主送 (outgoing)
  archived: boolean;
};

// The link a record keeps (all optional: a record without it is a free-text item).
export type DocLink = {
  docRefTable?: DocRefTable | null;
  docRefId?: string | null;
};

export const DOC_REF_TABLE_LABELS: Record<DocRefTable, string> = {
  incomingDocs: '收文',
  outgoingDocs: '发文',
};

// The detail route of a linked document (as the 收文 and 发文 registers link to it).
export function docRoute(table: DocRefTable, id: string): Route {
  return ['documents', table === 'incomingDocs' ? 'incoming' : 'outgoing', id];
}

export function choiceLabel(c: Pick<DocChoice, 'docNo' | 'title'>): string {
  return `${c.docNo} ${c.title}`;
}

function incomingChoice(d: IncomingDoc): DocChoice {
  return {
    table: 'incomingDocs',
    id: d.id,
    docNo: d.regNo,
    title: d.title,
    date: d.receivedOn,
    from: d.issuer,
    archived: d.archived === 1,
  };
}

function outgoingChoice(d: OutgoingDoc): DocChoice {
  return {
    table: 'outgoingDocs',
    id: d.id,
    docNo: d.docNumber ?? '',
    title: d.title,
    date: d.signedOn ?? d.issuedOn ?? '',
    from: d.mainTo,
    archived: d.archived === 1,
  };
}

// ---- search ----

const BRACKETS = /[〔〕[\]［］()（）【】{}<>《》"“”'‘’,，、;；:：]/g;
function normalize(s: string): string {
  return s.toLowerCase().replace(BRACKETS, ' ');
}
function tokens(query: string): string[] {
  return normalize(query).split(/\s+/).filter(Boolean);
}
function matches(terms: string[], ...fields: (string | null | undefined)[]): boolean {
  const hay = normalize(fields.filter(Boolean).join(' '));
  return terms.every((t) => hay.includes(t));
}

// A year named in the query (2019, 〔2019〕) and a running number (12, 〔2019〕12号, 收文2019-12).
function parseNumber(query: string): { year: number | null; seq: number | null } {
  const q = query.replace(/\s+/g, '');
  const full = /(19\d{2}|20\d{2})[〕\]］)）】\-/.]?(\d{1,5})号?$/.exec(q);
  if (full && /[〔〕[\]［］()（）【】\-/.]/.test(q)) return { year: Number(full[1]), seq: Number(full[2]) };
  const year = /(?:^|\D)(19\d{2}|20\d{2})(?:\D|$)/.exec(q);
  const seq = /^(?:第)?(\d{1,5})号?$/.exec(q);
  return { year: year ? Number(year[1]) : null, seq: seq && !year ? Number(seq[1]) : null };
}

// Completed destructions of documents of the registers, from `fromYear` on (a destruction is never
// registered before its document). docDestructions is small (a few records a year) and indexed by year.
async function destroyedRefs(fromYear: number): Promise<Set<string>> {
  const list = await db.docDestructions.where('year').aboveOrEqual(fromYear).toArray();
  return new Set(
    list.filter((r) => isLive(r) && r.status === 'destroyed' && r.docRefId).map((r) => r.docRefId!),
  );
}

// Documents of 收文 and 发文 matching the query, at most `limit`, newest first, that may be used for
// `use` (never deleted or destroyed ones; for a destruction, no archived ones either).
//
// How it reads (the registers have no full-text index and no regNo index, and this module adds
// none: that would need a schema version): (1) a number in the query (12, 〔2025〕12, 宁信发〔2025〕3号)
// is read by key through [year+seq] and [numberYear+numberSeq]; (2) the text is then looked for in
// the year named in the query (a four-digit year), or else in this year and last year, walking
// [year+seq] / [numberYear+numberSeq] newest first with a filter and a limit, so a query reads at
// most two years of the registers and stops at `limit` matches. Older documents: type their year
// ("2019 会议纪要"). Outgoing documents are offered once numbered (the 发文登记簿 lists numbers).
export async function searchRegisterDocs(
  query: string,
  opts: { use: DocUse; on: ISODate; limit?: number },
): Promise<DocChoice[]> {
  const limit = opts.limit ?? 30;
  const terms = tokens(query);
  const { year, seq } = parseNumber(query);
  const thisYear = Number(opts.on.slice(0, 4));
  const years = year ? [year] : [thisYear, thisYear - 1];
  const destroyed = await destroyedRefs(Math.min(...years) - 1);
  const usableIn = (d: IncomingDoc) =>
    isLive(d) && d.status !== 'destroyed' && !destroyed.has(d.id) && (opts.use === 'loan' || !d.archived);
  const usableOut = (d: OutgoingDoc) =>
    isLive(d) && !!d.docNumber && !destroyed.has(d.id) && (opts.use === 'loan' || !d.archived);

  const out: DocChoice[] = [];
  const seen = new Set<string>();
  const add = (c: DocChoice) => {
    if (out.length < limit && !seen.has(c.id)) {
      seen.add(c.id);
      out.push(c);
    }
  };

  // (1) exact numbers first
  if (seq !== null) {
    for (const y of years) {
      const inc = await db.incomingDocs.where('[year+seq]').equals([y, seq]).toArray();
      inc.filter(usableIn).forEach((d) => add(incomingChoice(d)));
      const outg = await db.outgoingDocs.where('[numberYear+numberSeq]').equals([y, seq]).toArray();
      outg.filter(usableOut).forEach((d) => add(outgoingChoice(d)));
    }
  }
  // (2) text, year by year, newest first
  for (const y of years) {
    const left = limit - out.length;
    if (left <= 0) break;
    const inc = await db.incomingDocs
      .where('[year+seq]')
      .between([y, 0], [y, Infinity])
      .reverse()
      .filter((d) => usableIn(d) && matches(terms, d.regNo, d.title, d.issuer, d.issuerNumber))
      .limit(left)
      .toArray();
    const outg = await db.outgoingDocs
      .where('[numberYear+numberSeq]')
      .between([y, 0], [y, Infinity])
      .reverse()
      .filter((d) => usableOut(d) && matches(terms, d.docNumber, d.title, d.mainTo))
      .limit(left)
      .toArray();
    [...inc.map(incomingChoice), ...outg.map(outgoingChoice)]
      .sort((a, b) => b.date.localeCompare(a.date))
      .forEach(add);
  }
  return out;
}

// ---- check ----

// The destruction records of a document (a document counts as destroyed once one of them is
// recorded; incoming documents also carry status 'destroyed').
async function destructionsOf(table: DocRefTable, doc: IncomingDoc | OutgoingDoc): Promise<DocDestruction[]> {
  // A year early, in case a registration date was typed before the document's year.
  return (
    await db.docDestructions
      .where('year')
      .aboveOrEqual(doc.year - 1)
      .toArray()
  ).filter((r) => isLive(r) && r.docRefTable === table && r.docRefId === doc.id);
}

export type CheckedDocRef = { table: DocRefTable; id: string; docNo: string; title: string };

// The repository's check of a picked document. Free text (no table and no id) → null. Otherwise the
// document must exist in its register and not be deleted; the record then takes the register's
// own title and number (exact, whatever the form sent). Rules:
// - DOC-7 (a destroyed document no longer exists): it can be neither lent nor destroyed again;
// - DOC-7 (only documents not archived are destroyed): an archived one cannot be registered for
//   destruction (archives can be lent: DOC-5 speaks of borrowing a document or file);
// - a document with a destruction already under way (pending or approved) is not registered twice.
// `exceptId`: the destruction record being carried out now (recordDestruction): it is left out, and
// so is the check of destructions under way.
export async function checkDocRef(
  link: DocLink,
  use: DocUse,
  opts: { exceptId?: string } = {},
): Promise<CheckedDocRef | null> {
  const rule = use === 'loan' ? 'DOC-5' : 'DOC-7';
  const table = link.docRefTable ?? null;
  const id = link.docRefId ?? null;
  if (!table && !id) return null;
  if (!id || (table !== 'incomingDocs' && table !== 'outgoingDocs'))
    throw new DomainError('所选文件无效，请重新选择', 'docTitle', rule);
  let doc: IncomingDoc | OutgoingDoc | undefined;
  let docNo = '';
  if (table === 'incomingDocs') {
    const d = await db.incomingDocs.get(id);
    doc = d;
    docNo = d?.regNo ?? '';
  } else {
    const d = await db.outgoingDocs.get(id);
    doc = d;
    docNo = d?.docNumber ?? '';
  }
  if (!isLive(doc))
    throw new DomainError(`所选文件在${DOC_REF_TABLE_LABELS[table]}登记簿中不存在或已删除`, 'docTitle', rule);
  if (!docNo) throw new DomainError('所选发文尚未编号，不在发文登记簿中', 'docTitle', rule);
  const done = (await destructionsOf(table, doc)).filter((r) => r.id !== opts.exceptId);
  const destroyed =
    (table === 'incomingDocs' && (doc as IncomingDoc).status === 'destroyed') ||
    done.some((r) => r.status === 'destroyed');
  if (destroyed)
    throw new DomainError(
      use === 'loan' ? `${docNo}已销毁，不能借阅` : `${docNo}已销毁，不能重复销毁`,
      'docTitle',
      'DOC-7',
    );
  if (use === 'destruction') {
    if (doc.archived)
      throw new DomainError('已归档的公文不能销毁（只销毁不归档的公文）', 'docTitle', 'DOC-7');
    if (!opts.exceptId && done.some((r) => r.status === 'pending' || r.status === 'approved'))
      throw new DomainError(`${docNo}已有销毁登记，正在审批或待监销`, 'docTitle', 'DOC-7');
  }
  return { table, id, docNo, title: doc.title };
}
