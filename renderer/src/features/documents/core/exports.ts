// Exports of the documents registers (收文登记簿, 发文登记簿, 借阅登记) to Excel.
import {
  incomingRegisterSpec,
  loanRegisterSpec,
  outgoingRegisterSpec,
} from '../../../../../shared/ledgers/office';
import { today } from '../../../db/clock';
import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import { exportLedger } from '../../../export';
import { unitName } from '../../../org/org';
import {
  CIRCULATION_ROLE_LABELS,
  INCOMING_KIND_LABELS,
  INCOMING_STATUS_LABELS,
  LOAN_STATUS_LABELS,
  SECRECY_LABELS,
  URGENCY_LABELS,
} from '../labels';

async function nameMap(): Promise<Map<string, string>> {
  return new Map((await db.staff.toArray()).map((s) => [s.id, s.name]));
}

export async function exportIncomingRegister(year: number) {
  const all = (
    await db.incomingDocs.where('[year+seq]').between([year, -Infinity], [year, Infinity]).toArray()
  ).filter(isLive);
  // those still 待编号 (sync on, a negative seq until the hub numbers them) after the numbered
  const docs = [...all.filter((d) => d.seq > 0), ...all.filter((d) => d.seq <= 0)];
  const circs = (
    await db.docCirculations
      .where('docId')
      .anyOf(docs.map((d) => d.id))
      .toArray()
  )
    .filter(isLive)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const names = await nameMap();
  const rows = docs.map((d) => {
    const mine = circs.filter((c) => c.docId === d.id);
    const part = (role: 'read' | 'handle') => {
      const list = mine
        .filter((c) => c.role === role)
        .map((c) => `${names.get(c.staffId) ?? ''}${c.done ? '√' : ''}`);
      return list.length ? `${CIRCULATION_ROLE_LABELS[role]}：${list.join('、')}` : '';
    };
    return {
      regNo: d.regNo,
      receivedOn: d.receivedOn,
      issuer: d.issuer,
      issuerNumber: d.issuerNumber,
      title: d.title,
      kind: INCOMING_KIND_LABELS[d.kind],
      urgency: URGENCY_LABELS[d.urgency],
      secrecy: SECRECY_LABELS[d.secrecy],
      proposal: d.proposal ?? '',
      decision: d.decision ?? '',
      circulation: [part('read'), part('handle')].filter(Boolean).join('；'),
      due: d.circulationDue ?? null,
      outcome: d.outcome ?? '',
      status: INCOMING_STATUS_LABELS[d.status],
      archivedOn: d.archivedOn ?? null,
      archiveRef: d.archiveRef ?? '',
    };
  });
  return exportLedger(`收文登记簿-${year}`, [
    incomingRegisterSpec({ unitName: await unitName(), year, rows }),
  ]);
}

export async function exportOutgoingRegister(year: number) {
  const docs = (
    await db.outgoingDocs.where('[numberYear+numberSeq]').between([year, 0], [year, Infinity]).toArray()
  ).filter(isLive);
  const names = await nameMap();
  const sections = new Map((await db.sections.toArray()).map((s) => [s.id, s.name]));
  const rows = docs
    .sort((a, b) => a.prefix.localeCompare(b.prefix) || (a.numberSeq ?? 0) - (b.numberSeq ?? 0))
    .map((d) => ({
      docNumber: d.docNumber ?? '',
      signedOn: d.signedOn ?? null,
      section: d.draftSectionId ? (sections.get(d.draftSectionId) ?? '') : '',
      drafter: names.get(d.drafterId) ?? '',
      signer: d.signerId ? (names.get(d.signerId) ?? '') : '',
      title: d.title,
      urgency: URGENCY_LABELS[d.urgency],
      secrecy: SECRECY_LABELS[d.secrecy],
      mainTo: d.mainTo,
      copyTo: d.copyTo,
      distribution: d.distribution.join('、'),
      printCopies: d.printCopies,
      issuedOn: d.issuedOn ?? null,
      archivedOn: d.archivedOn ?? null,
    }));
  return exportLedger(`发文登记簿-${year}`, [
    outgoingRegisterSpec({ unitName: await unitName(), year, rows }),
  ]);
}

export async function exportLoanRegister(year: number) {
  const loans = (await db.docLoans.where('year').equals(year).toArray())
    .filter(isLive)
    .sort((a, b) => a.borrowedOn.localeCompare(b.borrowedOn));
  const staff = new Map((await db.staff.toArray()).map((s) => [s.id, s]));
  const sections = new Map((await db.sections.toArray()).map((s) => [s.id, s.name]));
  const rows = loans.map((l) => {
    const b = staff.get(l.borrowerId);
    return {
      borrowedOn: l.borrowedOn,
      borrower: b?.name ?? '',
      section: b?.sectionId ? (sections.get(b.sectionId) ?? '') : '',
      // A linked document is named by its register number too (free text as typed).
      docTitle: l.docNo ? `${l.docNo} ${l.docTitle}` : l.docTitle,
      purpose: l.purpose,
      approver: l.approverName ?? '',
      approvedOn: l.approvedOn ?? null,
      returnDue: l.returnDue,
      returnedOn: l.returnedOn ?? null,
      status: LOAN_STATUS_LABELS[l.status],
      lent: l.status === 'approved',
    };
  });
  return exportLedger(`借阅登记-${year}`, [
    loanRegisterSpec({ unitName: await unitName(), year, asOf: today(), rows }),
  ]);
}
