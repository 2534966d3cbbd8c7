// Test helpers for several PCs in one test process (imported by *.test.ts only): each PC is its own
// Dexie database with its own PouchDB; `onPc` makes a PC's database the current one.
import { leaveRoute } from '../../../shared/rules';
import { resolveRouteSteps, submitApproval } from '../approvals/engine';
import { syncedTx } from '../db/command';
import { db, switchDb } from '../db/db';
import type { AppDB } from '../db/db';
import type { TestOrg } from '../db/testing';

import { setOutboxEnabled } from './outbox';
import type { PouchDb } from './pouch';
import type { PcIdentity } from './pump';

// One PC: its own Dexie database, its own PouchDB, its identity.
export type Pc<P extends PouchDb = PouchDb> = { dexie: AppDB; pouch: P; me: PcIdentity };

export async function onPc<T>(pc: Pc<PouchDb>, fn: () => Promise<T>): Promise<T> {
  if (db !== pc.dexie) {
    switchDb(pc.dexie);
    await pc.dexie.open();
    setOutboxEnabled(true); // a switch forgets it (read again from the PC's setting)
  }
  return fn();
}

// A half-day leave's approval asked by the section's staff member (kind 'other': the test
// registers its handler), as a module submits one: with sync on, through the outbox.
export async function submitHalfDay(org: TestOrg) {
  const steps = await resolveRouteSteps(leaveRoute('staff', 0.5), org.staff);
  return syncedTx([db.approvals, db.staff], () =>
    submitApproval(
      {
        kind: 'other',
        refTable: 'x',
        refId: 'x1',
        title: '请假半天',
        applicant: org.staff,
        form: 'oral',
        ruleIds: ['LV-3'],
        steps,
      },
      org.actor(org.staff),
    ),
  );
}
