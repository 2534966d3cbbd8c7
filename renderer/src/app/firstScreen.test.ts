// The first screen's readiness: what work that can wait (the export worker's warm-up) waits for.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
});

async function fresh() {
  vi.resetModules();
  return import('./firstScreen');
}

describe('firstScreenReady', () => {
  it('resolves when the first screen says it has its data, not before', async () => {
    vi.useFakeTimers();
    const { firstScreenReady, markFirstScreenReady } = await fresh();
    let done = false;
    void firstScreenReady().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(done).toBe(false);
    markFirstScreenReady();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('resolves after at most 10 s whatever the screen, and at once when it was ready before being asked', async () => {
    vi.useFakeTimers();
    const a = await fresh();
    let done = false;
    void a.firstScreenReady().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);

    const b = await fresh();
    b.markFirstScreenReady();
    let early = false;
    void b.firstScreenReady().then(() => (early = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(early).toBe(true);
  });
});
