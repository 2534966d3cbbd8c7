import { describe, expect, it } from 'vitest';

import { decide, withdraw } from '../../../approvals/engine';
import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { insert, softDelete, SYSTEM_ACTOR } from '../../../db/repo';
import { setSetting } from '../../../db/settings';
import { withSeededOrg } from '../../../db/testing';

import '../contributions';
import {
  archiveOutgoing,
  createOutgoing,
  issueOutgoing,
  outgoingSteps,
  setDocPrefixes,
  submitOutgoing,
  usedNumbers,
} from './outgoing';
import type { OutgoingInput } from './outgoing';

let deputy2: Awaited<ReturnType<typeof insert<typeof org.deputy>>>;

const org = withSeededOrg('2026-11-20T09:00:00', async () => {
  // A second deputy in charge of the business section, so the five steps fall on four people.
  deputy2 = await insert(
    db.staff,
    { name: '王副局长', rank: 'deputy', roles: ['deputy'], sectionId: null, active: true },
    SYSTEM_ACTOR,
  );
  await db.sections.update(org.sectionId, { deputyId: deputy2.id });
});

const draft = (over: Partial<OutgoingInput> = {}): OutgoingInput => ({
  title: '关于2026年第三季度信访工作情况的报告',
  prefix: '宁信发',
  draftSectionId: org.sectionId,
  urgency: 'normal',
  secrecy: 'none',
  mainTo: '县委、县人民政府',
  copyTo: '市信访局',
  summary: '……',
  printCopies: 10,
  distribution: ['县委办', '县政府办'],
  ...over,
});

async function signThrough(id: string) {
  const req = await submitOutgoing(id, org.actor(org.staff));
  let r = req;
  const order = [deputy2, org.clerk, org.deputy, org.director];
  for (const who of order)
    r = await decide({ requestId: r.id, decision: 'approved', comment: '同意' }, org.actor(who));
  return r;
}

describe('outgoing steps (DOC-3)', () => {
  it('finds the office director when another, empty 办公室 came from a PC that joined (多机同步)', async () => {
    const before = await outgoingSteps({ draftSectionId: org.sectionId }, org.staff);
    // a joining PC's own set-up: a 办公室 without a head, with an id ordered before the office's
    await db.sections.add({
      id: '00000000-joined-pc-office',
      name: '办公室',
      order: 0,
      headId: null,
      deputyId: null,
      createdAt: '2026-11-20T09:00:00.000Z',
      updatedAt: '2026-11-20T09:00:00.000Z',
      createdBy: SYSTEM_ACTOR.id,
      deletedAt: null,
    } as never);
    expect(await outgoingSteps({ draftSectionId: org.sectionId }, org.staff)).toEqual(before);
  });

  it('builds 审核 → 核稿 → 定稿 → 签发 on the right people', async () => {
    const steps = await outgoingSteps({ draftSectionId: org.sectionId }, org.staff);
    expect(steps.map((s) => [s.key, s.label, s.approverId])).toEqual([
      ['deputy_review', '分管领导审核', deputy2.id],
      ['office_check', '办公室核稿', org.clerk.id],
      ['finalize', '分管办公室领导定稿', org.deputy.id],
      ['sign', '局长签发', org.director.id],
    ]);
  });

  it('leaves out a step that falls on the drafter and merges the same person twice', async () => {
    // The office clerk (office head in the test org) drafts for the office: 陈副局长 reviews and finalises.
    const steps = await outgoingSteps({ draftSectionId: org.officeSectionId }, org.clerk);
    expect(steps.map((s) => [s.label, s.approverId])).toEqual([
      ['分管领导审核、分管办公室领导定稿', org.deputy.id],
      ['局长签发', org.director.id],
    ]);
  });

  it('refuses when nobody is set up to finalise', async () => {
    await setSetting('officeDeputyId', null, SYSTEM_ACTOR);
    await expect(outgoingSteps({ draftSectionId: org.sectionId }, org.staff)).rejects.toMatchObject({
      field: 'route',
      ruleId: 'DOC-3',
    });
  });
});

describe('document numbers (DOC-3)', () => {
  it('numbers at 签发, per prefix per year, never reusing a number', async () => {
    const a = await createOutgoing(draft(), org.actor(org.staff));
    const r = await signThrough(a.id);
    expect(r.status).toBe('approved');
    let docA = (await db.outgoingDocs.get(a.id))!;
    expect(docA.docNumber).toBe('宁信发〔2026〕1号');
    expect(docA.status).toBe('signed');
    expect(docA.signerId).toBe(org.director.id);

    // A draft that is withdrawn never takes a number.
    const b = await createOutgoing(draft({ title: '撤回的稿' }), org.actor(org.staff));
    const reqB = await submitOutgoing(b.id, org.actor(org.staff));
    await withdraw(reqB.id, org.actor(org.staff));
    expect((await db.outgoingDocs.get(b.id))!.status).toBe('withdrawn');
    expect((await db.outgoingDocs.get(b.id))!.docNumber).toBeNull();

    // A signed document deleted afterwards keeps its number used.
    const c = await createOutgoing(draft({ title: '第二件' }), org.actor(org.staff));
    await signThrough(c.id);
    expect((await db.outgoingDocs.get(c.id))!.docNumber).toBe('宁信发〔2026〕2号');
    await softDelete(db.outgoingDocs, c.id, org.actor(org.clerk), '作废');

    const d = await createOutgoing(draft({ title: '第三件' }), org.actor(org.staff));
    await signThrough(d.id);
    expect((await db.outgoingDocs.get(d.id))!.docNumber).toBe('宁信发〔2026〕3号');
    expect((await usedNumbers('宁信发', 2026)).map((n) => n.seq)).toEqual([3, 2, 1]);

    // Another prefix runs on its own; so does the next year.
    await setDocPrefixes(['宁信发', '宁信函'], org.actor(org.clerk));
    const e = await createOutgoing(draft({ prefix: '宁信函' }), org.actor(org.staff));
    await signThrough(e.id);
    expect((await db.outgoingDocs.get(e.id))!.docNumber).toBe('宁信函〔2026〕1号');
    pinClock(new Date('2027-01-05T09:00:00'));
    const f = await createOutgoing(draft(), org.actor(org.staff));
    await signThrough(f.id);
    expect((await db.outgoingDocs.get(f.id))!.docNumber).toBe('宁信发〔2027〕1号');

    docA = (await db.outgoingDocs.get(a.id))!;
    expect(docA.docNumber).toBe('宁信发〔2026〕1号');
  });

  it('refuses a second record for a used number (unique index)', async () => {
    await insert(
      db.docNumbers,
      { prefix: '宁信发', year: 2026, seq: 5, number: '宁信发〔2026〕5号', outgoingId: null },
      SYSTEM_ACTOR,
    );
    await expect(
      insert(
        db.docNumbers,
        { prefix: '宁信发', year: 2026, seq: 5, number: '宁信发〔2026〕5号', outgoingId: null },
        SYSTEM_ACTOR,
      ),
    ).rejects.toThrow();
    // and the next one continues after the highest used
    const a = await createOutgoing(draft(), org.actor(org.staff));
    await signThrough(a.id);
    expect((await db.outgoingDocs.get(a.id))!.docNumber).toBe('宁信发〔2026〕6号');
  });

  it('returns a rejected draft to the drafter without a number; it can be resubmitted', async () => {
    const a = await createOutgoing(draft(), org.actor(org.staff));
    const req = await submitOutgoing(a.id, org.actor(org.staff));
    await decide({ requestId: req.id, decision: 'rejected', comment: '请修改' }, org.actor(deputy2));
    expect((await db.outgoingDocs.get(a.id))!.status).toBe('rejected');
    await signThrough(a.id);
    expect((await db.outgoingDocs.get(a.id))!.docNumber).toBe('宁信发〔2026〕1号');
  });

  it('refuses a prefix that is not Chinese or not configured', async () => {
    await expect(setDocPrefixes(['NX发'], org.actor(org.clerk))).rejects.toMatchObject({ field: 'prefixes' });
    await expect(createOutgoing(draft({ prefix: '宁信函' }), org.actor(org.staff))).rejects.toMatchObject({
      field: 'prefix',
    });
    await expect(createOutgoing(draft({ mainTo: '' }), org.actor(org.staff))).rejects.toMatchObject({
      field: 'mainTo',
    });
  });

  it('prints and distributes only after 签发, and archives only after distribution', async () => {
    // the clerk prints and distributes on 20 November
    const issue = (id: string, printCopies: number, distribution: string[]) =>
      issueOutgoing(id, { printCopies, distribution, issuedOn: '2026-11-20' }, org.actor(org.clerk));
    const a = await createOutgoing(draft(), org.actor(org.staff));
    await expect(issue(a.id, 10, ['县委办'])).rejects.toMatchObject({
      field: 'status',
    });
    await signThrough(a.id);
    await expect(archiveOutgoing(a.id, '', '2026-11-20', org.actor(org.clerk))).rejects.toMatchObject({
      ruleId: 'DOC-6',
    });
    await expect(issue(a.id, 10, [' '])).rejects.toMatchObject({
      field: 'distribution',
    });
    const issued = await issue(a.id, 12, ['县委办', '县政府办']);
    expect(issued.status).toBe('issued');
    expect((await archiveOutgoing(a.id, '2026-永久-3', '2026-11-20', org.actor(org.clerk))).archived).toBe(1);
  });
});
