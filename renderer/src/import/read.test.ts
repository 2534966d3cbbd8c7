import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { notWorkbookProblem, zipEntryNames } from './format';
import { READ_MSG } from './labels';
import { handleReadRequest } from './protocol';
import type { ReadRequest } from './protocol';
import { cellString, readSpreadsheet, readSpreadsheetText, resetImportWorker } from './read';
import type { ReadProgress } from './read';
import { xlsxOf, zipOf } from './testing';

const NOT_A_WORKBOOK = '该文件不是Excel工作簿（.xlsx）';

describe('a file that is not a workbook (issue 13, point 25)', () => {
  it('says so for a zip renamed to .xlsx, instead of “工作簿中没有工作表”', async () => {
    const r = await readSpreadsheet(zipOf({ 'readme.txt': '你好', 'photos/a.txt': 'x' }));
    expect(r).toEqual({ ok: false, problem: READ_MSG.notWorkbook });
    expect(READ_MSG.notWorkbook).toContain(NOT_A_WORKBOOK);
  });

  it('says so for text, an empty file, and an old .xls or encrypted file', async () => {
    const text = new TextEncoder().encode('姓名,股室\n张三,办信股').buffer;
    expect(await readSpreadsheet(text)).toEqual({ ok: false, problem: READ_MSG.notWorkbook });
    expect(await readSpreadsheet(new ArrayBuffer(0))).toEqual({ ok: false, problem: READ_MSG.empty });
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const legacy = await readSpreadsheet(ole.buffer);
    expect(legacy).toEqual({ ok: false, problem: READ_MSG.legacyOrEncrypted });
    for (const m of [READ_MSG.empty, READ_MSG.legacyOrEncrypted]) expect(m).toContain(NOT_A_WORKBOOK);
  });

  it('lists a zip’s files from its central directory, and knows a real workbook', async () => {
    expect(zipEntryNames(new Uint8Array(zipOf({ 'a.txt': '1', 'b/c.xml': '2' })))).toEqual([
      'a.txt',
      'b/c.xml',
    ]);
    expect(zipEntryNames(new Uint8Array(10))).toBeNull();
    const xlsx = new Uint8Array(await xlsxOf([['姓名']]));
    expect(zipEntryNames(xlsx)).toContain('xl/workbook.xml');
    expect(notWorkbookProblem(xlsx)).toBeNull();
    // a zip whose directory is cut off
    const cut = new Uint8Array(zipOf({ 'a.txt': '1' }));
    cut[cut.length - 6] = 0xff; // the directory's offset points past the file
    expect(notWorkbookProblem(cut)).toBe(READ_MSG.notWorkbook);
  });

  it('reports a broken workbook in Chinese', async () => {
    const r = await readSpreadsheet(zipOf({ '[Content_Types].xml': '<x/>', 'xl/workbook.xml': '<<not xml' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/^该文件不是可读取的Excel工作簿（\.xlsx）|^工作簿中没有工作表$/);
  });
});

describe('formula cells (issue 13, point 23)', () => {
  it('are listed with their address, formula and the result the file shows', async () => {
    const bytes = await xlsxOf([
      ['来信人', '人数', '合计', '链接'],
      [
        { formula: 'HYPERLINK("http://example.com/a","李四")', result: '李四' },
        { formula: '1+1', result: 2 },
        3,
        { text: '网页', hyperlink: 'http://example.com' },
      ],
    ]);
    const r = await readSpreadsheet(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows[1]).toEqual(['李四', 2, 3, '网页']); // the values as the file shows them…
    expect(r.formulas).toEqual([
      { row: 2, col: 1, address: 'A2', formula: 'HYPERLINK("http://example.com/a","李四")', shown: '李四' },
      { row: 2, col: 2, address: 'B2', formula: '1+1', shown: '2' },
    ]); // …and which of them are formulas (a plain hyperlink is not)
    expect(READ_MSG.formula('B2', '1+1', '2')).toContain('单元格 B2 是公式“=1+1”（显示为“2”）');
  });

  it('refuse the whole file for the small imports (staff, calendar), naming the cells', async () => {
    const bytes = await xlsxOf([
      ['日期', '类型'],
      ['2027-01-01', { formula: 'IF(1,"休","班")', result: '休' }],
    ]);
    await expect(readSpreadsheetText(bytes)).rejects.toThrow('文件中有公式单元格（B2）');
    await expect(readSpreadsheetText(zipOf({ 'a.txt': 'x' }))).rejects.toThrow(NOT_A_WORKBOOK);
  });
});

describe('values', () => {
  it('are plain: rich text and links as text, dates as dates, blanks as null', async () => {
    const r = await readSpreadsheet(
      await xlsxOf([
        ['标题'],
        [],
        [{ richText: [{ text: '王' }, { text: '大明' }] }, new Date(Date.UTC(2026, 3, 2)), null, true],
      ]),
    );
    expect(r.ok && r.rows).toEqual([['标题'], [], ['王大明', new Date(Date.UTC(2026, 3, 2)), null, true]]);
    expect(['x', 1, true, null, undefined, new Date(Date.UTC(2026, 0, 5))].map(cellString)).toEqual([
      'x',
      '1',
      'true',
      '',
      '',
      '2026-01-05',
    ]);
    expect(
      await readSpreadsheetText(
        await xlsxOf([
          ['姓名', '电话'],
          ['张三', 13800000000],
        ]),
      ),
    ).toEqual([
      ['姓名', '电话'],
      ['张三', '13800000000'],
    ]);
  });
});

// A stand-in for the browser's Worker that runs the worker's own handler on this thread, through
// structured clones, as the real one would receive and send the messages.
class FakeWorker {
  static instances: FakeWorker[] = [];
  static failToLoad = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault: () => void }) => void) | null = null;
  received: ReadRequest[] = [];
  terminated = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.instances.push(this);
  }
  postMessage(req: ReadRequest) {
    this.received.push(req);
    if (FakeWorker.failToLoad) {
      setTimeout(() => this.onerror?.({ message: 'worker script 404', preventDefault: () => {} }));
      return;
    }
    void handleReadRequest(structuredClone(req), (reply) =>
      setTimeout(() => this.onmessage?.({ data: structuredClone(reply) })),
    );
  }
  terminate() {
    this.terminated = true;
  }
}

describe('the import worker (issue 13, point 24)', () => {
  beforeEach(() => resetImportWorker());
  afterEach(() => {
    resetImportWorker();
    vi.unstubAllGlobals();
    FakeWorker.instances = [];
    FakeWorker.failToLoad = false;
  });

  it('reads in one worker, kept for the next file, with progress in rows', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const rows = [['来信人', '内容摘要'], ...Array.from({ length: 1200 }, (_, i) => [`甲${i}`, `第${i}件`])];
    const progress: ReadProgress[] = [];
    const r = await readSpreadsheet(await xlsxOf(rows), (p) => progress.push(p));
    expect(r.ok && r.rows.length).toBe(1201);
    expect(progress[0]).toEqual({ phase: 'load' });
    expect(progress.filter((p) => p.phase === 'rows').map((p) => p.phase === 'rows' && p.done)).toEqual([
      500, 1000, 1201,
    ]);
    await readSpreadsheet(await xlsxOf([['来信人']]));
    expect(FakeWorker.instances).toHaveLength(1);
    expect(FakeWorker.instances[0].options).toMatchObject({ type: 'module' });
    expect(FakeWorker.instances[0].url.pathname).toMatch(/read\.worker\.ts$/);
    expect(FakeWorker.instances[0].received).toHaveLength(2);
  });

  it('reads on this thread when the worker cannot load', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.failToLoad = true;
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = await readSpreadsheet(zipOf({ 'a.txt': 'x' }));
    expect(r).toEqual({ ok: false, problem: READ_MSG.notWorkbook });
    expect(FakeWorker.instances[0].terminated).toBe(true);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
