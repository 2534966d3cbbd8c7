// The pump's run loop (engine.ts drainLoop): one run at a time, a call during a run makes it run
// once more, and the engine hears that the pump has settled only when nothing is left — so the
// status says 已同步 only after what came in has been written (a PC catching up a whole office's
// records said 已同步 while it was still writing them).
import { describe, expect, it } from 'vitest';

import { drainLoop } from './engine';

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
