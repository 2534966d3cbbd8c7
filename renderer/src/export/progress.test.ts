import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const shown = vi.hoisted(() => ({ show: vi.fn(), update: vi.fn(), hide: vi.fn() }));
vi.mock('@mantine/notifications', () => ({ notifications: shown }));

import { exportNotice } from './progress';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

describe('exportNotice', () => {
  it('shows nothing for an export that ends quickly', () => {
    const n = exportNotice('正在导出来信台帐');
    n.progress({ phase: 'rows', done: 10, total: 10 });
    vi.advanceTimersByTime(100);
    n.close();
    vi.advanceTimersByTime(1000);
    expect(shown.show).not.toHaveBeenCalled();
    expect(shown.hide).not.toHaveBeenCalled();
  });

  it('shows a long export, updates it at most every 100 ms while rows are written, and hides it at the end', () => {
    const n = exportNotice('正在导出来信台帐');
    vi.advanceTimersByTime(300);
    expect(shown.show).toHaveBeenCalledOnce();
    const id = shown.show.mock.calls[0][0].id as string;
    expect(shown.show.mock.calls[0][0]).toMatchObject({
      title: '正在导出来信台帐',
      autoClose: false,
      loading: true,
    });
    n.progress({ phase: 'rows', done: 500, total: 10000 });
    expect(shown.update).not.toHaveBeenCalled(); // drawn less than 100 ms ago
    vi.advanceTimersByTime(150);
    n.progress({ phase: 'rows', done: 1000, total: 10000 });
    n.progress({ phase: 'rows', done: 1500, total: 10000 });
    expect(shown.update).toHaveBeenCalledOnce();
    n.progress({ phase: 'pack', done: 10000, total: 10000 }); // always drawn
    expect(shown.update).toHaveBeenCalledTimes(2);
    expect(shown.update.mock.calls[1][0].id).toBe(id);
    n.close();
    expect(shown.hide).toHaveBeenCalledWith(id);
  });
});
