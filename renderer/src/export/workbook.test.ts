import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { LedgerSpec } from '../../../shared/ledger';

import { letterLedger } from './testing';
import { resetExportWorker, warmExportWorker, warmExportWorkerWhenIdle, writeWorkbook } from './workbook';
import { handleExportRequest } from './workerProtocol';
import type { ExportRequest } from './workerProtocol';
import type { ExportProgress } from './xlsx';

const spec = (rows: number): LedgerSpec =>
  letterLedger({
    columns: [
      { key: 'no', header: '序号', type: 'int' },
      { key: 'summary', header: '内容摘要' },
    ],
    rows: Array.from({ length: rows }, (_, i) => ({ no: i + 1, summary: `第${i + 1}件` })),
  });

async function firstSheetRows(bytes: Uint8Array): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let n = 0;
  wb.worksheets[0].eachRow((row) => typeof row.getCell(1).value === 'number' && n++);
  return n;
}

// A stand-in for the browser's Worker that runs the worker's own handler on this thread, through
// structured clones, as the real one would receive and send the messages.
class FakeWorker {
  static instances: FakeWorker[] = [];
  static failToLoad = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault: () => void }) => void) | null = null;
  terminated = false;
  received: ExportRequest[] = [];
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.instances.push(this);
  }
  postMessage(req: ExportRequest) {
    this.received.push(req);
    if (FakeWorker.failToLoad) {
      setTimeout(() => this.onerror?.({ message: 'worker script 404', preventDefault: () => {} }));
      return;
    }
    void handleExportRequest(structuredClone(req), (reply) =>
      setTimeout(() => this.onmessage?.({ data: structuredClone(reply) })),
    );
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  resetExportWorker();
  vi.unstubAllGlobals();
  FakeWorker.instances = [];
  FakeWorker.failToLoad = false;
});

describe('warmExportWorker', () => {
  it('starts the worker with one small job before the first export, once, and the export reuses it', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    await Promise.all([warmExportWorker(), warmExportWorker()]);
    expect(FakeWorker.instances).toHaveLength(1);
    expect(FakeWorker.instances[0].received).toHaveLength(1);
    expect(FakeWorker.instances[0].received[0].specs[0].ledgerName).toBe('预热');
    const bytes = await writeWorkbook([spec(3)], new Date(), '周文书');
    expect(await firstSheetRows(bytes)).toBe(3);
    expect(FakeWorker.instances).toHaveLength(1);
    expect(FakeWorker.instances[0].received).toHaveLength(2);
  });
});

describe('warmExportWorkerWhenIdle', () => {
  it('starts nothing before the first screen has its data, then warms when the interface is idle', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => idle.push(fn));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    let screenReady = () => undefined as void;
    warmExportWorkerWhenIdle(new Promise<void>((r) => (screenReady = r)));
    await new Promise((r) => setTimeout(r, 20));
    expect(idle).toHaveLength(0); // the 工作台 still reads its to-dos: nothing asked for yet
    screenReady();
    await new Promise((r) => setTimeout(r, 0));
    expect(idle).toHaveLength(1);
    expect(FakeWorker.instances).toHaveLength(0); // only once the interface is idle
    idle[0]();
    expect(FakeWorker.instances).toHaveLength(1);
  });

  it('is cancelled with the screens (signed out before the first screen was ready)', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => idle.push(fn));
    let screenReady = () => undefined as void;
    const cancel = warmExportWorkerWhenIdle(new Promise<void>((r) => (screenReady = r)));
    cancel();
    screenReady();
    await new Promise((r) => setTimeout(r, 0));
    expect(idle).toHaveLength(0);
    expect(FakeWorker.instances).toHaveLength(0);
  });
});

describe('writeWorkbook', () => {
  it('writes in the export worker, reporting rows then packing, and keeps the worker for the next export', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const progress: ExportProgress[] = [];
    const bytes = await writeWorkbook([spec(1200)], new Date(2026, 10, 26), '周文书', (p) =>
      progress.push(p),
    );
    expect(await firstSheetRows(bytes)).toBe(1200);
    expect(FakeWorker.instances).toHaveLength(1);
    expect(FakeWorker.instances[0].options.type).toBe('module');
    expect(String(FakeWorker.instances[0].url)).toMatch(/xlsx\.worker\.ts$/);
    expect(progress.map((p) => `${p.phase}:${p.done}/${p.total}`)).toEqual([
      'rows:500/1200',
      'rows:1000/1200',
      'rows:1200/1200',
      'pack:1200/1200',
    ]);
    await writeWorkbook([spec(3), { ...spec(2), sheetName: '第二张' }], new Date(), '周文书');
    expect(FakeWorker.instances).toHaveLength(1);
    expect(FakeWorker.instances[0].received).toHaveLength(2);
  });

  it('runs two exports at once without mixing their files', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const [a, b] = await Promise.all([
      writeWorkbook([spec(7)], new Date(), '甲'),
      writeWorkbook([spec(11)], new Date(), '乙'),
    ]);
    expect(await firstSheetRows(a)).toBe(7);
    expect(await firstSheetRows(b)).toBe(11);
  });

  it('finishes on this thread when no worker can run here', async () => {
    const progress: ExportProgress[] = [];
    const bytes = await writeWorkbook([spec(4)], new Date(), '周文书', (p) => progress.push(p));
    expect(await firstSheetRows(bytes)).toBe(4);
    expect(progress.at(-1)).toEqual({ phase: 'pack', done: 4, total: 4 });
  });

  it('finishes on this thread when the worker fails to load, and does not try it again', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.failToLoad = true;
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bytes = await writeWorkbook([spec(5)], new Date(), '周文书');
    expect(await firstSheetRows(bytes)).toBe(5);
    expect(FakeWorker.instances[0].terminated).toBe(true);
    expect(quiet).toHaveBeenCalled();
    await writeWorkbook([spec(1)], new Date(), '周文书');
    expect(FakeWorker.instances).toHaveLength(1);
    quiet.mockRestore();
  });

  it('rejects with the worker’s message when writing fails', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const bad = { ...spec(1), columns: null } as unknown as LedgerSpec;
    await expect(writeWorkbook([bad], new Date(), '周文书')).rejects.toThrow(Error);
    // The worker is still there for the next export.
    expect(await firstSheetRows(await writeWorkbook([spec(2)], new Date(), '周文书'))).toBe(2);
    expect(FakeWorker.instances).toHaveLength(1);
  });
});
