import { describe, expect, it } from 'vitest';

import { approvalFor, decide } from '../../../approvals/engine';
import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { withSeededOrg } from '../../../db/testing';

import '../contributions';
import { archiveYear, archiveYearStatus } from './archive';
import {
  circulate,
  markCirculationDone,
  proposeHandling,
  recordDecision,
  registerIncoming,
  reportOutcome,
} from './incoming';
import {
  markDataProvided,
  overdueLoans,
  recordDestruction,
  registerDataRequest,
  registerDestruction,
  requestLoan,
  returnLoan,
} from './loans';
import type { LoanInput } from './loans';
import { incomingInput } from './testing';

const org = withSeededOrg('2026-11-20T09:00:00');

// A loan of org.staff from 10 to 19 November.
const loanInput = (o: Partial<LoanInput> = {}): LoanInput => ({
  docTitle: 'x',
  borrowerId: org.staff.id,
  purpose: 'y',
  borrowedOn: '2026-11-10',
  returnDue: '2026-11-19',
  ...o,
});

describe('loans (DOC-5)', () => {
  it('needs the 分管领导, then lists the loan as overdue after its return date', async () => {
    const loan = await requestLoan(
      loanInput({
        docTitle: '2025年文书档案第3卷',
        purpose: '查阅历史来文',
        borrowedOn: '2026-11-02',
        returnDue: '2026-11-06',
      }),
      org.actor(org.staff),
    );
    expect(loan.status).toBe('pending');
    const req = (await approvalFor('docLoans', loan.id))!;
    expect(req.steps.map((s) => [s.label, s.approverId])).toEqual([['分管领导批准借阅', org.deputy.id]]);
    expect(await overdueLoans('2026-11-20')).toEqual([]);
    await decide({ requestId: req.id, decision: 'approved' }, org.actor(org.deputy));
    expect((await db.docLoans.get(loan.id))!.status).toBe('approved');
    expect((await overdueLoans('2026-11-06')).length).toBe(0);
    expect((await overdueLoans('2026-11-07')).map((l) => l.id)).toEqual([loan.id]);
    await returnLoan(loan.id, '2026-11-10', org.actor(org.clerk));
    expect(await overdueLoans('2026-11-20')).toEqual([]);
  });

  it('refuses a return date before the loan, and someone else borrowing in my name', async () => {
    await expect(
      requestLoan(loanInput({ returnDue: '2026-11-09' }), org.actor(org.staff)),
    ).rejects.toMatchObject({
      field: 'returnDue',
    });
    await expect(requestLoan(loanInput(), org.actor(org.head))).rejects.toMatchObject({
      field: 'permission',
    });
  });

  it('sends a deputy’s own loan to the 局长', async () => {
    const loan = await requestLoan(
      loanInput({
        docTitle: '会议记录',
        borrowerId: org.deputy.id,
        purpose: '核对',
        returnDue: '2026-11-12',
      }),
      org.actor(org.deputy),
    );
    const req = (await approvalFor('docLoans', loan.id))!;
    expect(req.steps[0].approverId).toBe(org.director.id);
  });
});

describe('outside data requests (DOC-5)', () => {
  it('needs a 分管领导 or the 主要领导, and nothing is provided before approval', async () => {
    const base = {
      receivedOn: '2026-11-18',
      requester: '县统计局',
      contact: '0739-1234567',
      content: '2026年信访量统计',
      purpose: '统计年鉴',
    };
    await expect(
      registerDataRequest({ ...base, approverId: org.head.id }, org.actor(org.clerk)),
    ).rejects.toMatchObject({ field: 'approverId' });
    const rec = await registerDataRequest({ ...base, approverId: org.director.id }, org.actor(org.clerk));
    await expect(markDataProvided(rec.id, '2026-11-19', '', org.actor(org.clerk))).rejects.toMatchObject({
      ruleId: 'DOC-5',
    });
    const req = (await approvalFor('dataRequests', rec.id))!;
    expect(req.steps[0].label).toBe('主要领导批准');
    await decide({ requestId: req.id, decision: 'approved' }, org.actor(org.director));
    expect((await markDataProvided(rec.id, '2026-11-19', '提供汇总表1份', org.actor(org.clerk))).status).toBe(
      'provided',
    );
  });
});

describe('destruction (DOC-7)', () => {
  async function approved() {
    const rec = await registerDestruction(
      { docTitle: '会议材料（重复件）', copies: 5, reason: '重份，无保存价值', registeredOn: '2026-11-18' },
      org.actor(org.clerk),
    );
    return rec;
  }

  it('is refused before the 分管领导 approves', async () => {
    const rec = await approved();
    await expect(
      recordDestruction(
        rec.id,
        { witnesses: ['周文书', '吴会计'], destroyedOn: '2026-11-20', method: '粉碎' },
        org.actor(org.clerk),
      ),
    ).rejects.toMatchObject({
      field: 'status',
      ruleId: 'DOC-7',
    });
  });

  it('is refused with one witness, or the same name twice, and done with two', async () => {
    const rec = await approved();
    const req = (await approvalFor('docDestructions', rec.id))!;
    expect(req.steps[0].approverId).toBe(org.deputy.id);
    await decide({ requestId: req.id, decision: 'approved' }, org.actor(org.deputy));
    const refused = { field: 'witnesses', ruleId: 'DOC-7', message: '须由两名以上不同的人员监销' };
    await expect(
      recordDestruction(
        rec.id,
        { witnesses: ['周文书'], destroyedOn: '2026-11-20', method: '粉碎' },
        org.actor(org.clerk),
      ),
    ).rejects.toMatchObject(refused);
    await expect(
      recordDestruction(
        rec.id,
        { witnesses: ['周文书', '周 文书', ''], destroyedOn: '2026-11-20', method: '粉碎' },
        org.actor(org.clerk),
      ),
    ).rejects.toMatchObject(refused);
    const done = await recordDestruction(
      rec.id,
      { witnesses: ['周文书', '吴会计'], destroyedOn: '2026-11-20', method: '粉碎' },
      org.actor(org.clerk),
    );
    expect(done.status).toBe('destroyed');
    expect(done.witnesses).toEqual(['周文书', '吴会计']);
  });

  it('refuses to destroy an archived document, and marks a registered one destroyed', async () => {
    const inc = await registerIncoming(
      incomingInput({ kind: 'meeting_material', title: '会议材料', copies: 3 }),
      org.actor(org.clerk),
    );
    const rec = await registerDestruction(
      {
        docRefTable: 'incomingDocs',
        docRefId: inc.id,
        docTitle: inc.title,
        copies: 3,
        reason: '不归档',
        registeredOn: '2026-11-18',
      },
      org.actor(org.clerk),
    );
    await decide({ requestId: rec.approvalId!, decision: 'approved' }, org.actor(org.deputy));
    await recordDestruction(
      rec.id,
      { witnesses: ['周文书', '吴会计'], destroyedOn: '2026-11-20', method: '粉碎' },
      org.actor(org.clerk),
    );
    expect((await db.incomingDocs.get(inc.id))!.status).toBe('destroyed');

    const other = await registerIncoming(
      incomingInput({ receivedOn: '2026-11-03', title: '要归档的文' }),
      org.actor(org.clerk),
    );
    await proposeHandling(other.id, '阅', org.actor(org.clerk));
    await recordDecision(other.id, '阅', org.director.id, org.actor(org.clerk));
    const [c] = await circulate(other.id, { readers: [org.staff.id], handlers: [] }, org.actor(org.clerk));
    await markCirculationDone(c.id, '', org.actor(org.staff));
    await reportOutcome(other.id, '已阅', '2026-11-10', org.actor(org.clerk));
    await archiveYear(2026, '2026-1', '2026-11-20', org.actor(org.clerk));
    await expect(
      registerDestruction(
        {
          docRefTable: 'incomingDocs',
          docRefId: other.id,
          docTitle: other.title,
          copies: 1,
          reason: 'x',
          registeredOn: '2026-11-20',
        },
        org.actor(org.clerk),
      ),
    ).rejects.toMatchObject({ field: 'docTitle', ruleId: 'DOC-7' });
  });
});

describe('archiving (DOC-6)', () => {
  it('warns from February, is overdue after 31 March, and files what is ready', async () => {
    pinClock(new Date('2025-12-10T09:00:00'));
    const d = await registerIncoming(
      incomingInput({ receivedOn: '2025-12-01', title: '年底来文' }),
      org.actor(org.clerk),
    );
    const open = await registerIncoming(
      incomingInput({ receivedOn: '2025-12-02', title: '仍在办理' }),
      org.actor(org.clerk),
    );
    expect((await archiveYearStatus(2025, '2026-01-31')).warning).toBe('none');
    expect((await archiveYearStatus(2025, '2026-02-01')).warning).toBe('warning');
    expect((await archiveYearStatus(2025, '2026-04-01')).warning).toBe('overdue');
    await expect(archiveYear(2025, '2025-1', '2025-12-10', org.actor(org.clerk))).rejects.toMatchObject({
      field: 'year',
    });
    await proposeHandling(d.id, '阅', org.actor(org.clerk));
    await recordDecision(d.id, '阅', org.director.id, org.actor(org.clerk));
    const [c] = await circulate(d.id, { readers: [org.staff.id], handlers: [] }, org.actor(org.clerk));
    await markCirculationDone(c.id, '', org.actor(org.staff));
    await reportOutcome(d.id, '已阅', '2025-12-10', org.actor(org.clerk));
    pinClock(new Date('2026-03-01T09:00:00')); // filed on the day it is recorded, never ahead
    expect(await archiveYear(2025, '2025-文书-1', '2026-03-01', org.actor(org.clerk))).toEqual({
      incoming: 1,
      outgoing: 0,
    });
    const st = await archiveYearStatus(2025, '2026-03-02');
    expect([st.incomingOpen, st.warning, st.due]).toEqual([1, 'warning', '2026-03-31']);
    expect((await db.incomingDocs.get(open.id))!.archived).toBe(0);
  });
});

describe('act dates are never in the future', () => {
  it('refuses a loan lent or returned after today, at the field', async () => {
    const input = {
      docTitle: '会议记录',
      borrowerId: org.staff.id,
      purpose: '核对',
      borrowedOn: '2026-11-21',
      returnDue: '2026-11-25',
    };
    await expect(requestLoan(input, org.actor(org.staff))).rejects.toMatchObject({
      field: 'borrowedOn',
      message: '借阅日期不能晚于今天',
      ruleId: 'DOC-5',
    });
    const loan = await requestLoan({ ...input, borrowedOn: '2026-11-20' }, org.actor(org.staff));
    await decide(
      { requestId: (await approvalFor('docLoans', loan.id))!.id, decision: 'approved' },
      org.actor(org.deputy),
    );
    await expect(returnLoan(loan.id, '2026-11-22', org.actor(org.clerk))).rejects.toMatchObject({
      field: 'returnedOn',
      message: '归还日期不能晚于今天',
    });
    expect((await returnLoan(loan.id, '2026-11-20', org.actor(org.clerk))).status).toBe('returned');
  });
});
