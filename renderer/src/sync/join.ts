// 加入已有单位: the first run of a PC that joins an office already sharing its records through a hub,
// instead of setting up a unit of its own (which sent its own administrator, empty 办公室 and the
// year's calendars to the hub, to be parked or duplicated on every PC). The join writes this PC's
// sync set-up (on), its unit name (a per-PC setting: outbox.ts SHARED_SETTINGS), marks the PC as
// seeded (nothing of its own to send) and as joining; the engine then brings the office's records,
// and once its accounts are here and the pump has settled (the engine's 已同步) the join is done:
// the office's people sign in with their own accounts. A start that finds the join unfinished
// continues the catch-up (App.tsx); 放弃加入 discards the copies and offers the first-run choice again.
//
// No one is signed in on this PC yet: the join's writes are the system's, audited as 加入已有单位.
import { discardSetupData, joinInProgress, UNIT_NAME_REQUIRED } from '../auth/service';
import { nowIso } from '../db/clock';
import { defineCommand } from '../db/command';
import { db } from '../db/db';
import { DomainError, SYSTEM_ACTOR } from '../db/repo';
import { JOIN_IN_PROGRESS_KEY, setSetting } from '../db/settings';

import {
  checkSyncForm,
  localPouchName,
  runEngine,
  SEEDED_KEY,
  testConnection,
  writeSyncConfig,
} from './config';
import type { ConnectionReport, SyncForm } from './config';
import type { PouchCtor } from './pouch';
import { CHECKPOINT_KEY, replicatedTables } from './pump';
import { useSyncStatus } from './status';

export type JoinForm = SyncForm & { unitName: string };

export const JOIN_ACTOR = SYSTEM_ACTOR;

export const JOIN_REFUSALS = {
  initialised: '本机已初始化，不能再加入单位',
} as const;

// What the join's marker holds: when it began, and how many documents the hub held then.
type JoinMarker = { startedAt: string; hubUrl: string; hubDocs: number };

// The form's checks, refused at the field: the sync set-up's, and the unit's name as the set-up asks it.
export function checkJoinForm(form: JoinForm): void {
  checkSyncForm(form);
  if (!form.unitName.trim()) throw new DomainError(UNIT_NAME_REQUIRED, 'unitName');
}

// 测试连接: the same test as 系统 › 多机同步, and an office to join on the hub.
export async function testJoin(form: JoinForm): Promise<ConnectionReport> {
  checkJoinForm(form);
  return testConnection(form, true);
}

const startJoin = defineCommand({
  what: '加入已有单位',
  perm: 'system.settings',
  tables: (d) => [d.settings, d.syncState, d.accounts],
  validate: (form: JoinForm, _hubDocs: number) => checkJoinForm(form),
  run: async (ctx, form: JoinForm, hubDocs: number): Promise<void> => {
    if ((await db.accounts.count()) > 0 || (await db.settings.get('unitName')))
      throw new DomainError(JOIN_REFUSALS.initialised);
    const config = await writeSyncConfig(
      form,
      true,
      ctx.actor,
      (c) => `加入已有单位：开启多机同步（本机：${c.pcName}）`,
    );
    await setSetting('unitName', form.unitName.trim(), ctx.actor, '加入已有单位：本机的单位名称');
    // nothing of this PC's own to send: the engine's first connection seeds nothing
    await db.syncState.put({ id: SEEDED_KEY, value: nowIso() });
    const marker: JoinMarker = { startedAt: nowIso(), hubUrl: config.hubUrl, hubDocs };
    await setSetting(JOIN_IN_PROGRESS_KEY, marker, ctx.actor, '加入已有单位：开始接收单位的数据');
  },
});

const finishJoin = defineCommand({
  what: '加入已有单位',
  perm: 'system.settings',
  tables: (d) => [d.settings],
  run: async (ctx): Promise<void> => {
    if (!(await joinInProgress())) return;
    await setSetting(JOIN_IN_PROGRESS_KEY, null, ctx.actor, '加入已有单位：已接收单位的数据，可以登录');
  },
});

// 加入: the hub tested again (the form may have changed since 测试连接); a hub that refuses, or holds
// no office, is answered as 测试连接 answers and nothing is written. Then the join's set-up and the
// engine: the catch-up has begun (watchCatchUp).
export async function joinOffice(form: JoinForm): Promise<ConnectionReport> {
  const report = await testJoin(form);
  if (!report.ok) return report;
  await startJoin(form, report.hubDocs ?? 0, JOIN_ACTOR);
  await runEngine(true);
  return report;
}

// The catch-up as the screen shows it: documents received from the hub (of about `expected`: the
// hub's count when the join began, or what has come if more), records written on this PC, the
// office's accounts among them.
export type JoinProgress = {
  received: number;
  expected: number; // never below received: the office goes on working while this PC joins
  written: number;
  accounts: number;
  // the replica's last change and the last the pump has written into this PC's database
  arrived: number;
  applied: number;
};

const seqNumber = (s: unknown) => (typeof s === 'number' ? s : parseInt(String(s ?? 0), 10) || 0);

export async function joinProgress(): Promise<JoinProgress> {
  const marker = (await db.settings.get(JOIN_IN_PROGRESS_KEY))?.value as JoinMarker | null | undefined;
  const { runningPouch } = await import('./engine');
  const local = runningPouch();
  const info = local ? await local.info().catch(() => null) : null;
  const received = info?.doc_count ?? 0;
  let written = 0;
  for (const table of replicatedTables(db)) if (table.name !== 'settings') written += await table.count();
  return {
    received,
    expected: Math.max(marker?.hubDocs ?? 0, received),
    written,
    accounts: await db.accounts.count(),
    arrived: seqNumber(info?.update_seq),
    applied: seqNumber((await db.syncState.get(CHECKPOINT_KEY))?.value),
  };
}

// The catch-up's bar: its first half what has arrived of the hub's count, its second what of that
// the pump has written here (the longer part: the records are written with their audit entries).
export function joinShare(p: JoinProgress): number {
  const got = p.expected > 0 ? Math.min(1, p.received / p.expected) : 0;
  const wrote = p.arrived > 0 ? Math.min(1, p.applied / p.arrived) : 0;
  return Math.round(50 * got + 50 * wrote);
}

// Done when the office's accounts are here and the engine has said 已同步 (nothing waiting, what
// came in written) for `quietMs` without a break (between two batches of a long catch-up it may say
// so for a moment). Then the join is marked done (an audited write) and `done` resolves.
export function watchCatchUp(
  onProgress: (p: JoinProgress) => void,
  { everyMs = 1000, quietMs = 3000 }: { everyMs?: number; quietMs?: number } = {},
): { done: Promise<void>; stop(): void } {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<void>((resolve, reject) => {
    let since = 0;
    const tick = async () => {
      if (stopped) return;
      try {
        const p = await joinProgress();
        if (stopped) return;
        onProgress(p);
        const s = useSyncStatus.getState();
        if (p.accounts > 0 && s.phase === 'synced' && s.pending === 0) {
          since ||= Date.now();
          if (Date.now() - since >= quietMs) {
            await finishJoin(JOIN_ACTOR);
            resolve();
            return;
          }
        } else since = 0;
      } catch (e) {
        reject(e);
        return;
      }
      timer = setTimeout(() => void tick(), everyMs);
    };
    void tick();
  });
  return {
    done,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

// 放弃加入: the engine stopped, the hub forgotten, this PC's replica and database discarded (they
// hold copies of what the hub holds and the join's own entries): the first-run choice again.
export async function abandonJoin(): Promise<void> {
  if (!(await joinInProgress())) throw new DomainError('本机没有正在进行的加入');
  const name = localPouchName();
  await runEngine(false); // the hub forgotten too
  const { default: PouchDB } = (await import('pouchdb-browser')) as { default: PouchCtor };
  await new PouchDB(name).destroy();
  await discardSetupData();
}
