// The pump's run loop (engine.ts drainLoop): one run at a time, a call during a run makes it run
// once more, and the engine hears that the pump has settled only when nothing is left — so the
// status says 已同步 only after what came in has been written (a PC catching up a whole office's
// records said 已同步 while it was still writing them).
import { describe, expect, it } from 'vitest';

import { drainLoop, watchReplication } from './engine';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((ok) => (open = ok));
  return { opened, open };
}

describe('drainLoop', () => {
  it('settles once, after the runs asked for while it worked', async () => {
    const events: string[] = [];
    const first = gate();
    let runs = 0;
    const drain = drainLoop(
      async () => {
        runs++;
        events.push(`run ${runs}`);
        if (runs === 1) await first.opened;
      },
      (error) => events.push(error ? 'error' : 'settled'),
    );
    const running = drain();
    await drain(); // asked while the first run works: returns at once, the loop runs again
    await drain();
    expect(events).toEqual(['run 1']);
    first.open();
    await running;
    expect(events).toEqual(['run 1', 'run 2', 'settled']);
  });

  it('reports the error that stopped a run, and runs again when asked', async () => {
    const seen: unknown[] = [];
    let fail = true;
    const drain = drainLoop(
      async () => {
        if (fail) throw new Error('同步中心内部错误（500）');
      },
      (error) => seen.push(error),
    );
    await drain();
    fail = false;
    await drain();
    expect(seen.map((e) => (e instanceof Error ? e.message : e))).toEqual([
      '同步中心内部错误（500）',
      undefined,
    ]);
  });
});

// A fake of PouchDB's sync(): the two directions and the sync object, each its own emitter.
function fakeSync() {
  const make = () => {
    const handlers = new Map<string, ((arg?: unknown) => void)[]>();
    return {
      on(event: string, fn: (arg?: unknown) => void) {
        handlers.set(event, [...(handlers.get(event) ?? []), fn]);
        return this;
      },
      emit(event: string, arg?: unknown) {
        for (const fn of handlers.get(event) ?? []) fn(arg);
      },
    };
  };
  return Object.assign(make(), { push: make(), pull: make() });
}

describe('watchReplication', () => {
  function watched() {
    const rep = fakeSync();
    const seen: string[] = [];
    watchReplication([{ events: rep, failures: [rep.push, rep.pull] }], {
      active: () => seen.push('active'),
      idle: () => seen.push('idle'),
      failed: () => seen.push('failed'),
    });
    return { rep, seen };
  }

  it('a failed request is 离线, not caught up: sync() pauses without the error', () => {
    const { rep, seen } = watched();
    rep.emit('active');
    rep.push.emit('requestError', new TypeError('Failed to fetch'));
    rep.emit('paused'); // what PouchDB's sync() emits after a push request failed
    expect(seen).toEqual(['active', 'failed']);
  });

  it('stays failed through the retries, until a round gets through', () => {
    const { rep, seen } = watched();
    rep.pull.emit('requestError', new TypeError('Failed to fetch'));
    rep.emit('paused');
    for (let i = 0; i < 3; i++) {
      rep.emit('active'); // the retry
      rep.pull.emit('requestError', new TypeError('Failed to fetch'));
      rep.emit('paused');
    }
    expect(seen.filter((s) => s !== 'failed')).toEqual([]);
    rep.emit('active'); // the hub is back
    rep.emit('change');
    rep.emit('paused');
    expect(seen.slice(-2)).toEqual(['active', 'idle']);
  });

  it('a round with nothing to move and no failure is caught up', () => {
    const { rep, seen } = watched();
    rep.pull.emit('requestError', new TypeError('Failed to fetch'));
    rep.emit('paused');
    rep.emit('active');
    rep.emit('paused');
    expect(seen).toEqual(['failed', 'idle']);
  });

  it('a paused with an error is failed', () => {
    const { rep, seen } = watched();
    rep.emit('active');
    rep.emit('paused', { status: 401 });
    expect(seen).toEqual(['active', 'failed']);
  });

  it('idle only once every replication has paused without a failure (records and files)', () => {
    const records = fakeSync();
    const files = fakeSync();
    const seen: string[] = [];
    watchReplication(
      [
        { events: records, failures: [records.push, records.pull] },
        { events: files, failures: [files] },
      ],
      { active: () => seen.push('active'), idle: () => seen.push('idle'), failed: () => seen.push('failed') },
    );
    records.emit('paused');
    expect(seen).toEqual([]);
    files.emit('active');
    files.emit('requestError', new TypeError('Failed to fetch'));
    files.emit('paused');
    expect(seen).toEqual(['active', 'failed']);
    files.emit('active');
    files.emit('change');
    files.emit('paused');
    expect(seen).toEqual(['active', 'failed', 'active', 'idle']);
  });
});
