// Every remaining numbered series with several PCs: two PCs, each its own database, both with sync
// on, each file one record while cut off from the hub (待编号); back online they take n and n+1
// from the one hub, never the same, each by an audited 编号. With sync off: numbered here as before.
import 'fake-indexeddb/auto';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { pinClock } from '../db/clock';
import { db, switchDb } from '../db/db';
import type { AppDB } from '../db/db';
import { getSetting } from '../db/settings';
import { resetDb, seedOrg } from '../db/testing';
import type { TestOrg } from '../db/testing';
import { openPowerRecord } from '../features/assessment/core/commands';
import { powerRecordNumbering } from '../features/assessment/core/hubNumbers';
import { incomingNumbering } from '../features/documents/core/hubNumbers';
import { registerIncoming } from '../features/documents/core/incoming';
import { vehicleTripNumbering } from '../features/duty/core/hubNumbers';
import { requestVehicle, saveVehicle } from '../features/duty/core/vehicles';
import { fileExpense, submitExpense } from '../features/finance/core/claims';
import { expenseNumbering, spendRequestNumbering } from '../features/finance/core/hubNumbers';
import { submitSpendRequest } from '../features/finance/core/requests';
import { leaveNumbering, tripNumbering } from '../features/leave/core/hubNumbers';
import { submitLeave } from '../features/leave/core/leave';
import { submitTrip } from '../features/leave/core/trips';
import { addDecision, createMeeting } from '../features/meetings/core/commands';
import { decisionNumbering, meetingNumbering } from '../features/meetings/core/hubNumbers';
import { meetingOrdinal } from '../features/meetings/core/queries';
import { noticeNumbering } from '../features/petitions/core/hubNotices';
import { petitionNumbering } from '../features/petitions/core/hubNumbers';
import { issueSupervisionNotice, noticeSeqKey } from '../features/petitions/core/notices';
import type { NoticeData } from '../features/petitions/core/notices';
import { registerPetition } from '../features/petitions/core/registration';
import { letter, seedUnits } from '../features/petitions/core/testing';

import { numberPending, pendingHere, PENDING_NUMBER, registerNumbering } from './numbers';
import type { ClaimDoc, HubDb } from './numbers';
import { setOutboxEnabled } from './outbox';
import type { PcIdentity } from './pump';

const Pouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' });
let n = 0;
const freshHub = (): HubDb => new Pouch(`seq-hub-${Date.now()}-${n++}`) as HubDb;

type Pc = { dexie: AppDB; me: PcIdentity; org: TestOrg };

async function on<T>(pc: Pc, fn: () => Promise<T>): Promise<T> {
  if (db !== pc.dexie) {
    switchDb(pc.dexie);
    await pc.dexie.open();
  }
  setOutboxEnabled(pcSync);
  return fn();
}
let pcSync = true;

async function makePc(pcId: string, pcName: string): Promise<Pc> {
  setOutboxEnabled(false);
  const dexie = await resetDb();
  const org = await seedOrg();
  await seedUnits();
  return { dexie, me: { pcId, pcName }, org };
}

async function claims(hub: HubDb, series: string): Promise<[number, string][]> {
  const all = await (hub as unknown as ClaimsDb).allDocs({
    startkey: `docno:${series}:`,
    endkey: `docno:${series}:\uffff`,
    include_docs: true,
  });
  return all.rows.map((r) => [r.doc.seq, r.doc.id]);
}
type ClaimsDb = { allDocs(o: object): Promise<{ rows: { doc: ClaimDoc }[] }> };

// One numbered series: how a record is made, and what shows as its number.
type Case = {
  name: string;
  table: string;
  series: string;
  create(org: TestOrg): Promise<string>; // the id of the numbered record
  shown(id: string): Promise<string | undefined>; // the number as screens show it
  numbered(seq: number): string;
};

const byId = (table: string) => async (id: string) =>
  ((await db.table(table).get(id)) as { number?: string } | undefined)?.number;

const CASES: Case[] = [
  {
    name: '请假 请〔2026〕n号',
    table: 'leaves',
    series: 'leave',
    create: async (org) =>
      (
        await submitLeave(
          {
            staffId: org.staff.id,
            leaveType: 'personal',
            startDate: '2026-06-11',
            startHalf: 'am',
            endDate: '2026-06-12',
            endHalf: 'am',
            reason: '家中有事',
          },
          org.actor(org.staff),
        )
      ).id,
    shown: byId('leaves'),
    numbered: (s) => `请〔2026〕${s}号`,
  },
  {
    name: '外出 外〔2026〕n号',
    table: 'trips',
    series: 'trip',
    create: async (org) =>
      (
        await submitTrip(
          {
            staffId: org.staff.id,
            tripKind: 'business',
            destination: '邵阳市',
            purpose: '参加全市信访业务培训',
            startDate: '2026-06-11',
            startHalf: 'am',
            endDate: '2026-06-12',
            endHalf: 'pm',
            decisionId: null,
          },
          org.actor(org.staff),
        )
      ).id,
    shown: byId('trips'),
    numbered: (s) => `外〔2026〕${s}号`,
  },
  {
    name: '报销 报销〔2026〕n号',
    table: 'expenses',
    series: 'expense',
    create: async (org) =>
      (
        await fileExpense(
          {
            category: 'office',
            purpose: '购买打印纸',
            expenseOn: '2026-06-12',
            advanced: true,
            invoices: [{ kind: 'vat_ordinary', number: 'No.001', amountFen: 35000 }],
          },
          org.actor(org.staff),
        )
      ).id,
    shown: byId('expenses'),
    numbered: (s) => `报销〔2026〕${s}号`,
  },
  {
    name: '添置办公用品申报单 用品〔2026〕n号',
    table: 'spendRequests',
    series: 'request-supply',
    create: async (org) =>
      (
        await submitSpendRequest(
          {
            kind: 'supply',
            title: '添置文件柜',
            reason: '档案增加',
            items: [{ name: '文件柜', quantity: 2, unit: '个', estFen: 90000 }],
          },
          org.actor(org.staff),
        )
      ).id,
    shown: byId('spendRequests'),
    numbered: (s) => `用品〔2026〕${s}号`,
  },
  {
    name: '收文 收文〔2026〕n号 ([year+seq] unique)',
    table: 'incomingDocs',
    series: 'incoming',
    create: async (org) => (await registerIncoming(incomingInput(), org.actor(org.clerk))).id,
    shown: async (id) => (await db.incomingDocs.get(id))?.regNo,
    numbered: (s) => `收文〔2026〕${s}号`,
  },
  {
    name: '派车 派车〔2026〕n号',
    table: 'vehicleTrips',
    series: 'vehicle',
    create: async (org) => {
      const v = await saveVehicle(
        { plate: '湘E12345', model: '别克GL8', seats: 7, driver: '老李', active: true },
        org.actor(org.clerk),
      );
      const t = await requestVehicle(
        {
          vehicleId: v.id,
          destination: '金石镇',
          purpose: '下访',
          passengers: '钱科员',
          plannedStart: '2026-06-15',
          plannedEnd: '2026-06-15',
        },
        org.actor(org.staff),
      );
      return t.id;
    },
    shown: byId('vehicleTrips'),
    numbered: (s) => `派车〔2026〕${s}号`,
  },
  {
    name: '权力运行记录 权运〔2026〕n号',
    table: 'powerRecords',
    series: 'power',
    create: async (org) =>
      (
        await openPowerRecord(
          {
            kind: '信访事项办理',
            title: '张某来信办理',
            basis: '《信访工作条例》第二十二条',
            startedOn: '2026-06-01',
            steps: [{ label: '登记', responsibleId: org.staff.id }],
          },
          org.actor(org.staff),
        )
      ).id,
    shown: byId('powerRecords'),
    numbered: (s) => `权运〔2026〕${s}号`,
  },
  {
    name: '局长办公会 第n次',
    table: 'meetings',
    series: 'meeting-director_office',
    create: async (org) => (await createMeeting(meetingInput(org), org.actor(org.clerk))).id,
    shown: async (id) => {
      const m = await db.meetings.get(id);
      return m && meetingOrdinal(m);
    },
    numbered: (s) => `2026年第${s}次`,
  },
  {
    name: '局长办公会决定〔2026〕n号',
    table: 'meetingDecisions',
    series: 'decision-director_office',
    create: async (org) => {
      const m = await createMeeting(meetingInput(org), org.actor(org.clerk));
      return (await addDecision(m.id, { text: '同意赴外地学习考察' }, org.actor(org.clerk))).id;
    },
    shown: byId('meetingDecisions'),
    numbered: (s) => `局长办公会决定〔2026〕${s}号`,
  },
  {
    name: '督办通知 督〔2026〕n号',
    table: 'petitionSteps',
    series: 'notice',
    create: async (org) => {
      const p = await registerPetition(letter(), org.actor(org.staff));
      await issueSupervisionNotice('县人社局', [p.id], org.actor(org.staff));
      const steps = await db.petitionSteps
        .where('[petitionId+at]')
        .between([p.id, ''], [p.id, '\uffff'])
        .toArray();
      return steps.find((s) => s.kind === 'supervise')!.id;
    },
    shown: async (id) => ((await db.petitionSteps.get(id))?.data as NoticeData | undefined)?.noticeNo,
    numbered: (s) => `督〔2026〕${s}号`,
  },
];

function incomingInput() {
  return {
    kind: 'document' as const,
    receivedOn: '2026-06-08',
    issuer: '邵阳市信访局',
    issuerNumber: '邵信发〔2026〕21号',
    title: '关于做好信访工作的通知',
    urgency: 'normal' as const,
    secrecy: 'none' as const,
    copies: 1,
  };
}

function meetingInput(org: TestOrg) {
  return {
    kind: 'director_office' as const,
    date: '2026-06-09',
    chairId: org.director.id,
    recorderId: org.clerk.id,
    attendeeIds: [org.director.id, org.deputy.id, org.clerk.id],
    absences: [],
    agenda: [{ category: '其他', title: '赴外地学习考察' }],
    minutes: '',
  };
}

beforeEach(() => {
  pinClock(new Date('2026-06-10T09:00:00'));
  pcSync = true;
  for (const x of [
    petitionNumbering,
    noticeNumbering,
    leaveNumbering.numbering,
    tripNumbering.numbering,
    expenseNumbering.numbering,
    incomingNumbering.numbering,
    spendRequestNumbering.numbering,
    vehicleTripNumbering.numbering,
    powerRecordNumbering.numbering,
    meetingNumbering.numbering,
    decisionNumbering.numbering,
  ])
    registerNumbering(x);
});
afterEach(() => setOutboxEnabled(undefined));
afterAll(() => pinClock(null));

describe.each(CASES)('$name with several PCs', (c) => {
  it('two PCs file one each offline (待编号), then take n and n+1 from the hub, each by an audited 编号', async () => {
    const hub = freshHub();
    const pc1 = await makePc('pc-1', '一号机');
    const pc2 = await makePc('pc-2', '二号机');
    const a = await on(pc1, () => c.create(pc1.org));
    const b = await on(pc2, () => c.create(pc2.org));
    expect(await on(pc1, () => c.shown(a))).toContain(PENDING_NUMBER);
    expect(await on(pc2, () => c.shown(b))).toContain(PENDING_NUMBER);
    expect((await on(pc1, pendingHere)).map((r) => r.id)).toContain(a);

    // back online: PC 2 first, then PC 1
    expect(await on(pc2, () => numberPending(hub, pc2.me))).toBeGreaterThan(0);
    expect(await on(pc1, () => numberPending(hub, pc1.me))).toBeGreaterThan(0);
    expect(await on(pc2, () => c.shown(b))).toBe(c.numbered(1));
    expect(await on(pc1, () => c.shown(a))).toBe(c.numbered(2));
    expect(await claims(hub, c.series)).toEqual([
      [1, b],
      [2, a],
    ]);
    for (const [pc, id] of [
      [pc1, a],
      [pc2, b],
    ] as const) {
      const entry = await on(pc, () => db.audit.where('[table+recordId]').equals([c.table, id]).last());
      expect(entry).toMatchObject({ actorName: '同步中心编号', action: 'update' });
      expect(entry?.summary).toMatch(/^编号 .*（由同步中心分配）$/);
      expect(await on(pc, pendingHere)).toEqual([]);
      expect(await on(pc, () => numberPending(hub, pc.me))).toBe(0);
    }
  });

  it('sync off: numbered at once on this PC, as before; nothing waits', async () => {
    pcSync = false;
    const pc = await makePc('pc-1', '一号机');
    const a = await on(pc, () => c.create(pc.org));
    expect(await on(pc, () => c.shown(a))).toBe(c.numbered(1));
    expect(await on(pc, pendingHere)).toEqual([]);
  });
});

describe('the texts that carry the number', () => {
  it('a leave’s approval title names its number once numbered; the 督办 step and this PC’s counter follow', async () => {
    const hub = freshHub();
    const pc = await makePc('pc-1', '一号机');
    const leave = await on(pc, () => CASES[0].create(pc.org));
    const step = await on(pc, () => CASES.find((x) => x.table === 'petitionSteps')!.create(pc.org));
    const l = (await db.leaves.get(leave))!;
    expect((await db.approvals.get(l.approvalId!))?.title).toContain(`（${PENDING_NUMBER}）`);
    expect((await db.petitionSteps.get(step))?.text).toBe(`督办通知 ${PENDING_NUMBER}（县人社局）`);
    await numberPending(hub, pc.me);
    expect((await db.approvals.get(l.approvalId!))?.title).toContain('（请〔2026〕1号）');
    expect((await db.petitionSteps.get(step))?.text).toBe('督办通知 督〔2026〕1号（县人社局）');
    expect(await getSetting(noticeSeqKey(2026), 0)).toBe(1);
  });

  it('督办通知: a number another PC gave before sync was on (its step came in) is not given again; sync off after, the next follows it', async () => {
    const hub = freshHub();
    const pc = await makePc('pc-2', '二号机');
    const notice = CASES.find((x) => x.table === 'petitionSteps')!;
    // PC 1 issued 督〔2026〕3号 with sync off: its counter stayed there, its step came in
    const theirs = await on(pc, () => notice.create(pc.org));
    const s = (await db.petitionSteps.get(theirs))!;
    const data = { ...(s.data as NoticeData), noticeNo: '督〔2026〕3号', noticeSeq: 3 };
    await db.petitionSteps.put({ ...s, data });
    await db.syncState.clear();
    const mine = await on(pc, () => notice.create(pc.org));
    await numberPending(hub, pc.me);
    expect(await notice.shown(mine)).toBe('督〔2026〕4号');
    // PC 1 then numbered 督〔2026〕5号 on the hub, whose step came in; sync is turned off here
    await db.petitionSteps.put({
      ...s,
      id: 'pc1-5',
      data: { ...data, noticeNo: '督〔2026〕5号', noticeSeq: 5 },
    });
    pcSync = false;
    try {
      expect(await notice.shown(await on(pc, () => notice.create(pc.org)))).toBe('督〔2026〕6号');
    } finally {
      pcSync = true;
    }
  });

  it('a 局长办公会决定 quoted while 待编号 (a claim, FIN-5; a study trip, TRIP-3): the copies take its number with it', async () => {
    const hub = freshHub();
    const pc = await makePc('pc-1', '一号机');
    const decisionId = await on(pc, () => CASES.find((x) => x.table === 'meetingDecisions')!.create(pc.org));
    const claim = await submitExpense(
      {
        category: 'office',
        purpose: '购置办公电脑',
        expenseOn: '2026-06-10',
        advanced: true,
        invoices: [{ kind: 'vat_ordinary', number: 'No.001', amountFen: 500000 }],
        meetingDecisionId: decisionId,
      },
      pc.org.actor(pc.org.staff),
    );
    const trip = await submitTrip(
      {
        staffId: pc.org.staff.id,
        tripKind: 'study',
        destination: '长沙市',
        purpose: '学习考察',
        startDate: '2026-06-15',
        startHalf: 'am',
        endDate: '2026-06-16',
        endHalf: 'pm',
        decisionId,
      },
      pc.org.actor(pc.org.staff),
    );
    expect([claim.meetingDecisionNumber, trip.decisionNumber]).toEqual([PENDING_NUMBER, PENDING_NUMBER]);
    await numberPending(hub, pc.me);
    const number = (await db.meetingDecisions.get(decisionId))?.number;
    expect(number).toBe('局长办公会决定〔2026〕1号');
    expect((await db.expenses.get(claim.id))?.meetingDecisionNumber).toBe(number);
    expect((await db.trips.get(trip.id))?.decisionNumber).toBe(number);
    const entries = await db.audit.where('[table+recordId]').equals(['expenses', claim.id]).toArray();
    expect(entries.map((e) => e.summary)).toContain(`引用编号 ${number}（由同步中心分配）`);
    expect(await db.syncState.where(':id').startsWith('number-copy:').count()).toBe(0);
  });

  it('收文: two registered on one PC offline both wait (the unique [year+seq] allows it), then 1 and 2', async () => {
    const hub = freshHub();
    const pc = await makePc('pc-1', '一号机');
    const a = await on(pc, () => registerIncoming(incomingInput(), pc.org.actor(pc.org.clerk)));
    pinClock(new Date('2026-06-10T09:05:00')); // numbered in the order registered
    const b = await registerIncoming(incomingInput(), pc.org.actor(pc.org.clerk));
    expect([a.regNo, b.regNo]).toEqual([PENDING_NUMBER, PENDING_NUMBER]);
    expect(a.seq).toBeLessThan(0);
    expect(await numberPending(hub, pc.me)).toBe(2);
    expect((await db.incomingDocs.bulkGet([a.id, b.id])).map((d) => d?.regNo)).toEqual([
      '收文〔2026〕1号',
      '收文〔2026〕2号',
    ]);
  });
});
