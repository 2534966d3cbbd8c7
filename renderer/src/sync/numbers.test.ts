import 'fake-indexeddb/auto';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { pinClock } from '../db/clock';
import { db } from '../db/db';
import { SYSTEM_ACTOR } from '../db/repo';
import type { TestOrg } from '../db/testing';
import { resetDb, seedOrg } from '../db/testing';
import { outgoingNumbering } from '../features/documents/core/hubNumbers';
import { assignDocNumber, createOutgoing, issueOutgoing } from '../features/documents/core/outgoing';
import { petitionNumbering } from '../features/petitions/core/hubNumbers';
import { registerPetition } from '../features/petitions/core/registration';
import { letter, seedUnits } from '../features/petitions/core/testing';

import { nextBackOff } from './engine';
import { claimId, claimNumber, numberPending, pendingHere, registerNumbering, topClaimed } from './numbers';
import type { ClaimDoc, HubDb, Numbering, PendingRecord } from './numbers';
import { setOutboxEnabled } from './outbox';

const Pouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' });
let n = 0;
// The hub: an in-process PouchDB answers 409 to a second put of an id, as CouchDB does.
const freshHub = (): HubDb => new Pouch(`hub-${Date.now()}-${n++}`) as HubDb;
const pc1 = { pcId: 'pc-1', pcName: '一号机' };
const pc2 = { pcId: 'pc-2', pcName: '二号机' };

const rec = (id: string, series = '宁信发', year = 2026): PendingRecord => ({
  table: 'outgoingDocs',
  id,
  series,
  year,
  at: '2026-11-20T09:00:00',
});

async function claims(hub: HubDb, series: string): Promise<ClaimDoc[]> {
  const all = await (hub as unknown as Pouch).allDocs({
    startkey: `docno:${series}:`,
    endkey: `docno:${series}:\uffff`,
    include_docs: true,
  });
  return all.rows.map((r: { doc: ClaimDoc }) => r.doc);
}
type Pouch = { allDocs(o: object): Promise<{ rows: { doc: ClaimDoc }[] }> };

let org: TestOrg;
beforeEach(async () => {
  pinClock(new Date('2026-11-20T09:00:00'));
  setOutboxEnabled(false);
  await resetDb();
  org = await seedOrg();
  await seedUnits();
  registerNumbering(petitionNumbering);
  registerNumbering(outgoingNumbering);
});
afterEach(() => setOutboxEnabled(undefined));
afterAll(() => pinClock(null));

describe('claims on the hub', () => {
  it('names the number in the id, padded so the hub orders ids as numbers', async () => {
    const hub = freshHub();
    expect(claimId('宁信发', 2026, 72)).toBe('docno:宁信发:2026:000072');
    expect(await topClaimed(hub, '宁信发', 2026)).toBe(0);
    for (const seq of [9, 10, 100]) await hub.put({ _id: claimId('宁信发', 2026, seq) });
    await hub.put({ _id: claimId('宁信发', 2027, 500) });
    await hub.put({ _id: claimId('宁信发文', 2026, 900) });
    expect(await topClaimed(hub, '宁信发', 2026)).toBe(100);
  });

  it('two PCs claiming at once against one hub get n and n+1, never the same', async () => {
    const hub = freshHub();
    await hub.put({ _id: claimId('宁信发', 2026, 71) });
    const [a, b] = await Promise.all([claimNumber(hub, rec('a'), pc1), claimNumber(hub, rec('b'), pc2)]);
    expect([a.seq, b.seq].sort()).toEqual([72, 73]);
    const stored = await claims(hub, '宁信发');
    expect(stored.map((c) => [c.seq, c.id, c.pc])).toEqual(
      expect.arrayContaining([
        [a.seq, 'a', 'pc-1'],
        [b.seq, 'b', 'pc-2'],
      ]),
    );
  });

  it('takes the next number when the hub answers 409 (a claim it did not see yet)', async () => {
    const hub = freshHub();
    for (const seq of [1, 2, 3]) await hub.put({ _id: claimId('宁信发', 2026, seq) });
    // a stale view of the top: the claimer starts at 1 and is refused three times
    const stale: HubDb = {
      ...hub,
      put: (d) => hub.put(d),
      get: (id) => hub.get(id),
      allDocs: async () => ({ rows: [] }),
    };
    expect((await claimNumber(stale, rec('a'), pc1)).seq).toBe(4);
    // and it starts above what this PC knows was given before sync was on
    expect((await claimNumber(hub, rec('b'), pc1, 10)).seq).toBe(11);
  });
});

describe('records saved 待编号 with sync on', () => {
  it('sync off: numbered at once, locally, as before; nothing waits', async () => {
    const p = await registerPetition(letter(), org.actor(org.staff));
    expect(p.regNo).toMatch(/^宁信来〔2026〕0*1$/);
    expect(p.seq).toBe(1);
    expect(await pendingHere()).toEqual([]);
  });

  it('offline letters wait 待编号, then take consecutive numbers after another PC’s, no gap, no duplicate', async () => {
    const hub = freshHub();
    setOutboxEnabled(true);
    const a = await registerPetition(letter({ name: '甲' }), org.actor(org.staff));
    pinClock(new Date('2026-11-20T09:05:00'));
    const b = await registerPetition(letter({ name: '乙' }), org.actor(org.staff));
    expect(a.regNo).toMatch(/^待编号-/);
    expect(b.regNo).toMatch(/^待编号-/);
    expect(a.regNo).not.toBe(b.regNo);
    const step = await db.petitionSteps
      .where('[petitionId+at]')
      .between([a.id, ''], [a.id, '\uffff'])
      .first();
    expect(step?.text).toContain(a.regNo);
    expect((await pendingHere()).map((r) => r.id)).toEqual([a.id, b.id]);
    // meanwhile the other PC registered a letter: it holds number 1
    await claimNumber(hub, { ...rec('other'), table: 'petitions', series: 'petition-letter' }, pc2);

    expect(await numberPending(hub, pc1)).toBe(2);
    const [na, nb] = await db.petitions.bulkGet([a.id, b.id]);
    expect([na?.seq, nb?.seq]).toEqual([2, 3]);
    expect(na?.regNo).toMatch(/^宁信来〔2026〕0*2$/);
    expect(nb?.regNo).toMatch(/^宁信来〔2026〕0*3$/);
    expect(na?.terms.every((t) => t.endsWith(na.regNo))).toBe(true);
    const stepAfter = await db.petitionSteps.get(step!.id);
    expect(stepAfter?.text).toContain(na!.regNo);
    expect((await claims(hub, 'petition-letter')).map((c) => [c.seq, c.id])).toEqual([
      [1, 'other'],
      [2, a.id],
      [3, b.id],
    ]);
    // one audited command 编号 per record, naming the number and the hub, through the outbox
    const entry = await db.audit.where('[table+recordId]').equals(['petitions', a.id]).last();
    expect(entry).toMatchObject({ actorName: '同步中心编号', action: 'update' });
    expect(entry?.summary).toContain(`编号 ${na!.regNo}（由同步中心分配`);
    expect(await db.syncOutbox.where('key').equals(`petitions:${a.id}`).count()).toBeGreaterThan(0);
    expect(await pendingHere()).toEqual([]);
    expect(await numberPending(hub, pc1)).toBe(0);
  });

  it('a crash between claim and apply is recovered: the claimed number is applied, no gap', async () => {
    const hub = freshHub();
    setOutboxEnabled(true);
    const a = await registerPetition(letter({ name: '甲' }), org.actor(org.staff));
    pinClock(new Date('2026-11-20T09:05:00'));
    const b = await registerPetition(letter({ name: '乙' }), org.actor(org.staff));
    const crashing: Numbering = {
      ...petitionNumbering,
      apply: async () => {
        throw new Error('断电');
      },
    };
    registerNumbering(crashing);
    await expect(numberPending(hub, pc1)).rejects.toThrow('断电');
    expect((await claims(hub, 'petition-letter')).map((c) => c.id)).toEqual([a.id]);
    registerNumbering(petitionNumbering);
    expect(await numberPending(hub, pc1)).toBe(2);
    expect((await db.petitions.bulkGet([a.id, b.id])).map((p) => p?.seq)).toEqual([1, 2]);
    expect((await claims(hub, 'petition-letter')).map((c) => [c.seq, c.id])).toEqual([
      [1, a.id],
      [2, b.id],
    ]);
  });

  it('a record that came from another PC is numbered there, not here', async () => {
    const hub = freshHub();
    setOutboxEnabled(true);
    const a = await registerPetition(letter(), org.actor(org.staff));
    // as if it had come through 同步: its first audit entry here is one of 同步
    await db.audit
      .where('[table+recordId]')
      .equals(['petitions', a.id])
      .modify({ actorId: SYSTEM_ACTOR.id, actorName: '同步' });
    expect(await pendingHere()).toEqual([]);
    expect(await numberPending(hub, pc1)).toBe(0);
  });

  it('发文: 签发 with sync on waits 待编号, cannot be issued yet, then takes the hub’s number', async () => {
    const hub = freshHub();
    setOutboxEnabled(true);
    const input = {
      title: '关于信访工作的报告',
      prefix: '宁信发',
      draftSectionId: org.sectionId,
      urgency: 'normal' as const,
      secrecy: 'none' as const,
      mainTo: '县委',
      copyTo: '',
      summary: '',
      printCopies: 5,
      distribution: ['县委办'],
    };
    const d = await createOutgoing(input, SYSTEM_ACTOR);
    const signed = await assignDocNumber(d, '2026-11-20', org.director.id, SYSTEM_ACTOR);
    expect(signed).toMatchObject({ status: 'signed', docNumber: null, numberYear: 2026 });
    await expect(
      issueOutgoing(d.id, { printCopies: 5, distribution: ['县委办'], issuedOn: '2026-11-20' }, SYSTEM_ACTOR),
    ).rejects.toThrow('待编号');
    await hub.put({ _id: claimId('宁信发', 2026, 1) }); // another PC's number
    expect(await numberPending(hub, pc1)).toBe(1);
    const after = await db.outgoingDocs.get(d.id);
    expect(after).toMatchObject({ docNumber: '宁信发〔2026〕2号', numberSeq: 2 });
    expect(await db.docNumbers.where('[prefix+year]').equals(['宁信发', 2026]).toArray()).toMatchObject([
      { seq: 2, number: '宁信发〔2026〕2号', outgoingId: d.id },
    ]);
  });
});

describe('the engine back online', () => {
  it('retries the hub at most 10 s apart (a PC back online takes its numbers soon)', () => {
    expect([0, 1000, 4000, 8000, 10_000, 600_000].map(nextBackOff)).toEqual([
      1000, 2000, 8000, 10_000, 10_000, 10_000,
    ]);
  });
});
