import { describe, expect, it } from 'vitest';

import { decide } from '../../../approvals/engine';
import { db } from '../../../db/db';
import { softDelete, SYSTEM_ACTOR } from '../../../db/repo';
import type { IncomingDoc, OutgoingDoc } from '../../../db/schema/documents';
import { withSeededOrg } from '../../../db/testing';

import '../contributions';
import { searchRegisterDocs } from './docRefs';
import { incomingRegNo } from './incoming';
import { recordDestruction, registerDestruction, requestLoan } from './loans';

const org = withSeededOrg('2026-11-20T09:00:00');

const at = '2026-01-01T00:00:00.000Z';
let n = 0;
function incoming(year: number, seq: number, title: string, over: Partial<IncomingDoc> = {}): IncomingDoc {
  return {
    id: `in-${year}-${seq}-${n++}`,
    createdAt: at,
    updatedAt: at,
    createdBy: 'system',
    year,
    seq,
    regNo: incomingRegNo(year, seq),
    kind: 'document',
    receivedOn: `${year}-${String(1 + Math.floor(seq / 28)).padStart(2, '0')}-${String((seq % 28) + 1).padStart(2, '0')}`,
    receivedById: null,
    issuer: '市信访局',
    issuerNumber: '',
    title,
    urgency: 'normal',
    secrecy: 'none',
    copies: 1,
    status: 'registered',
    holder: '办公室',
    heldSince: at,
    trail: [],
    archived: 0,
    ...over,
  };
}
function outgoing(year: number, seq: number, title: string, over: Partial<OutgoingDoc> = {}): OutgoingDoc {
  return {
    id: `out-${year}-${seq}-${n++}`,
    createdAt: at,
    updatedAt: at,
    createdBy: 'system',
    year,
    title,
    prefix: '宁信发',
    draftSectionId: null,
    drafterId: 'x',
    urgency: 'normal',
    secrecy: 'none',
    mainTo: '县委',
    copyTo: '',
    summary: '',
    status: 'issued',
    docNumber: `宁信发〔${year}〕${seq}号`,
    numberYear: year,
    numberSeq: seq,
    signedOn: `${year}-04-01`,
    printCopies: 1,
    distribution: [],
    archived: 0,
    ...over,
  };
}

const loanOf = (over: object) => ({
  docTitle: '',
  borrowerId: org.staff.id,
  purpose: '核对',
  borrowedOn: '2026-11-10',
  returnDue: '2026-11-17',
  ...over,
});
const destructionOf = (over: object) => ({
  docTitle: '',
  copies: 1,
  reason: '重份',
  registeredOn: '2026-11-18',
  ...over,
});

describe('searching the registers for the picker', () => {
  it('finds by title and number in this year and last, newest first, within the limit', async () => {
    await db.incomingDocs.bulkAdd([
      ...Array.from({ length: 60 }, (_, i) => incoming(2026, i + 1, `关于信访工作的通知${i + 1}`)),
      incoming(2025, 7, '关于年终总结的通知'),
      incoming(2019, 3, '关于年终总结的通知（旧）'),
    ]);
    await db.outgoingDocs.bulkAdd([
      outgoing(2026, 3, '关于年终总结的报告'),
      outgoing(2026, 0, '未编号的拟稿', {
        docNumber: null,
        numberYear: null,
        numberSeq: null,
        status: 'draft',
      }),
    ]);
    const on = '2026-11-20';
    const many = await searchRegisterDocs('信访工作', { use: 'loan', on });
    expect(many.length).toBe(30);
    expect(many[0].docNo).toBe('收文〔2026〕60号');
    // The limit counts matches, not rows read: these lie past the first 30 rows.
    expect((await searchRegisterDocs('通知1', { use: 'loan', on })).length).toBe(11);

    const sum = await searchRegisterDocs('年终总结', { use: 'loan', on });
    expect(sum.map((c) => c.docNo)).toEqual(['宁信发〔2026〕3号', '收文〔2025〕7号']);
    // An older year is read when the query names it.
    expect((await searchRegisterDocs('2019 年终', { use: 'loan', on })).map((c) => c.docNo)).toEqual([
      '收文〔2019〕3号',
    ]);
    // Numbers: typed as on paper, with other brackets, or just the running number (exact hits first).
    expect((await searchRegisterDocs('收文〔2026〕12号', { use: 'loan', on }))[0].docNo).toBe(
      '收文〔2026〕12号',
    );
    expect((await searchRegisterDocs('收文[2025]7', { use: 'loan', on }))[0].docNo).toBe('收文〔2025〕7号');
    const three = await searchRegisterDocs('3', { use: 'loan', on });
    expect(three.slice(0, 2).map((c) => c.docNo)).toEqual(['收文〔2026〕3号', '宁信发〔2026〕3号']);
    // Outgoing drafts without a number are not in the 发文登记簿.
    expect(await searchRegisterDocs('未编号', { use: 'loan', on })).toEqual([]);
  });

  it('leaves out deleted and destroyed documents, and archived ones for a destruction', async () => {
    await db.incomingDocs.bulkAdd([
      incoming(2026, 1, '甲文 在办'),
      incoming(2026, 2, '甲文 已归档', { archived: 1, status: 'archived' }),
      incoming(2026, 3, '甲文 已销毁', { status: 'destroyed' }),
    ]);
    const gone = incoming(2026, 4, '甲文 已删除');
    await db.incomingDocs.add(gone);
    await softDelete(db.incomingDocs, gone.id, SYSTEM_ACTOR, 'test');
    const on = '2026-11-20';
    expect((await searchRegisterDocs('甲文', { use: 'loan', on })).map((c) => c.title).sort()).toEqual([
      '甲文 在办',
      '甲文 已归档',
    ]);
    expect((await searchRegisterDocs('甲文', { use: 'destruction', on })).map((c) => c.title)).toEqual([
      '甲文 在办',
    ]);
  });
});

describe('loans linked to the registers (DOC-5)', () => {
  it('picking a document links the loan and takes the register’s own title and number', async () => {
    const doc = incoming(2026, 12, '关于做好岁末年初信访工作的通知', { archived: 1, status: 'archived' });
    await db.incomingDocs.add(doc);
    const loan = await requestLoan(
      loanOf({ docRefTable: 'incomingDocs', docRefId: doc.id, docTitle: '随便写的' }),
      org.actor(org.staff),
    );
    expect([loan.docRefTable, loan.docRefId, loan.docNo, loan.docTitle]).toEqual([
      'incomingDocs',
      doc.id,
      '收文〔2026〕12号',
      '关于做好岁末年初信访工作的通知',
    ]);
    const out = outgoing(2026, 5, '关于信访情况的报告');
    await db.outgoingDocs.add(out);
    const l2 = await requestLoan(
      loanOf({ docRefTable: 'outgoingDocs', docRefId: out.id }),
      org.actor(org.staff),
    );
    expect(l2.docNo).toBe('宁信发〔2026〕5号');
  });

  it('refuses a bad id, a deleted document and a destroyed one; free text still works', async () => {
    await expect(
      requestLoan(loanOf({ docRefTable: 'incomingDocs', docRefId: 'nope' }), org.actor(org.staff)),
    ).rejects.toMatchObject({
      field: 'docTitle',
      ruleId: 'DOC-5',
      message: '所选文件在收文登记簿中不存在或已删除',
    });
    await expect(
      requestLoan(loanOf({ docRefTable: 'staff', docRefId: org.staff.id }), org.actor(org.staff)),
    ).rejects.toMatchObject({ field: 'docTitle' });
    const gone = incoming(2026, 1, '已删除的文');
    await db.incomingDocs.add(gone);
    await softDelete(db.incomingDocs, gone.id, SYSTEM_ACTOR, 'test');
    await expect(
      requestLoan(loanOf({ docRefTable: 'incomingDocs', docRefId: gone.id }), org.actor(org.staff)),
    ).rejects.toMatchObject({ field: 'docTitle' });
    const burnt = incoming(2026, 2, '已销毁的文', { status: 'destroyed' });
    await db.incomingDocs.add(burnt);
    await expect(
      requestLoan(loanOf({ docRefTable: 'incomingDocs', docRefId: burnt.id }), org.actor(org.staff)),
    ).rejects.toMatchObject({
      field: 'docTitle',
      ruleId: 'DOC-7',
      message: '收文〔2026〕2号已销毁，不能借阅',
    });
    const draft = outgoing(2026, 0, '拟稿', { docNumber: null, numberYear: null, numberSeq: null });
    await db.outgoingDocs.add(draft);
    await expect(
      requestLoan(loanOf({ docRefTable: 'outgoingDocs', docRefId: draft.id }), org.actor(org.staff)),
    ).rejects.toMatchObject({ message: '所选发文尚未编号，不在发文登记簿中' });
    await expect(requestLoan(loanOf({}), org.actor(org.staff))).rejects.toMatchObject({ field: 'docTitle' });

    const free = await requestLoan(loanOf({ docTitle: ' 2015年文书档案第3卷 ' }), org.actor(org.staff));
    expect([free.docTitle, free.docRefTable, free.docRefId, free.docNo]).toEqual([
      '2015年文书档案第3卷',
      null,
      null,
      '',
    ]);
    expect(await db.docLoans.count()).toBe(1);
  });
});

describe('destructions linked to the registers (DOC-7)', () => {
  it('links the record, refuses a second registration under way, and a document destroyed already', async () => {
    const out = outgoing(2026, 8, '关于会议安排的通知（重份）');
    await db.outgoingDocs.add(out);
    const rec = await registerDestruction(
      destructionOf({ docRefTable: 'outgoingDocs', docRefId: out.id, copies: 4 }),
      org.actor(org.clerk),
    );
    expect([rec.docNo, rec.docTitle, rec.docRefId]).toEqual(['宁信发〔2026〕8号', out.title, out.id]);
    await expect(
      registerDestruction(
        destructionOf({ docRefTable: 'outgoingDocs', docRefId: out.id }),
        org.actor(org.clerk),
      ),
    ).rejects.toMatchObject({
      field: 'docTitle',
      ruleId: 'DOC-7',
      message: '宁信发〔2026〕8号已有销毁登记，正在审批或待监销',
    });
    await decide({ requestId: rec.approvalId!, decision: 'approved' }, org.actor(org.deputy));
    await recordDestruction(
      rec.id,
      { witnesses: ['周文书', '吴会计'], destroyedOn: '2026-11-20', method: '粉碎' },
      org.actor(org.clerk),
    );
    await expect(
      registerDestruction(
        destructionOf({ docRefTable: 'outgoingDocs', docRefId: out.id }),
        org.actor(org.clerk),
      ),
    ).rejects.toMatchObject({ ruleId: 'DOC-7', message: '宁信发〔2026〕8号已销毁，不能重复销毁' });
    await expect(
      requestLoan(loanOf({ docRefTable: 'outgoingDocs', docRefId: out.id }), org.actor(org.staff)),
    ).rejects.toMatchObject({ message: '宁信发〔2026〕8号已销毁，不能借阅' });
    expect(await searchRegisterDocs('会议安排', { use: 'loan', on: '2026-11-20' })).toEqual([]);
  });

  it('refuses a bad id and an archived document; re-checks at the destruction; free text still works', async () => {
    await expect(
      registerDestruction(
        destructionOf({ docRefTable: 'outgoingDocs', docRefId: 'nope' }),
        org.actor(org.clerk),
      ),
    ).rejects.toMatchObject({ field: 'docTitle', message: '所选文件在发文登记簿中不存在或已删除' });
    const filed = incoming(2026, 5, '已归档的文', { archived: 1, status: 'archived' });
    await db.incomingDocs.add(filed);
    await expect(
      registerDestruction(
        destructionOf({ docRefTable: 'incomingDocs', docRefId: filed.id }),
        org.actor(org.clerk),
      ),
    ).rejects.toMatchObject({ field: 'docTitle', ruleId: 'DOC-7' });

    // Archived after the registration: the destruction itself is refused.
    const doc = incoming(2026, 6, '后来归档的文');
    await db.incomingDocs.add(doc);
    const rec = await registerDestruction(
      destructionOf({ docRefTable: 'incomingDocs', docRefId: doc.id }),
      org.actor(org.clerk),
    );
    await decide({ requestId: rec.approvalId!, decision: 'approved' }, org.actor(org.deputy));
    await db.incomingDocs.update(doc.id, { archived: 1, status: 'archived' });
    await expect(
      recordDestruction(
        rec.id,
        { witnesses: ['周文书', '吴会计'], destroyedOn: '2026-11-20', method: '粉碎' },
        org.actor(org.clerk),
      ),
    ).rejects.toMatchObject({ field: 'docTitle', ruleId: 'DOC-7' });

    const free = await registerDestruction(
      destructionOf({ docTitle: '2012年会议材料（纸质）' }),
      org.actor(org.clerk),
    );
    expect([free.docTitle, free.docRefId, free.docNo]).toEqual(['2012年会议材料（纸质）', null, '']);
  });
});
