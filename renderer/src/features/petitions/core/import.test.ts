// Imports tried with bad files (issue 13, points 21–25): the same file twice, a bad row among good
// ones, formulas, a file that is not a workbook, 5,000 rows.
import { describe, expect, it } from 'vitest';

import { INFORMANT_MASK } from '../../../../../shared/ledgers/petitions';
import { db } from '../../../db/db';
import { DomainError, insert, SYSTEM_ACTOR } from '../../../db/repo';
import { withSeededOrg } from '../../../db/testing';
import { xlsxOf, zipOf } from '../../../import/testing';

import { registerPetition } from './commands';
import { makeIdNo } from './idgen';
import { checkImport, decisionOptions, importPetitions, parseWorkbook, previewName } from './import';
import type { CheckedImport, CheckProgress, RowDecision } from './import';

const org = withSeededOrg('2026-05-20T10:00:00', async () => {
  const labour = await insert(db.units, { name: '县人社局', kind: 'department', active: true }, SYSTEM_ACTOR);
  await insert(db.units, { name: '金石镇人民政府', kind: 'township', active: true }, SYSTEM_ACTOR);
  await insert(db.units, { name: '回龙镇人民政府', kind: 'township', active: true }, SYSTEM_ACTOR);
  await insert(
    db.responsibleRoutes,
    { township: '金石镇', subject: '劳动社保', unitId: labour.id },
    SYSTEM_ACTOR,
  );
});

const HEAD = ['收信日期', '来信人', '身份证号', '联系电话', '所属乡镇', '问题类别', '内容摘要'];
const SUMMARIES = [
  '反映某建筑公司拖欠农民工工资三万元至今未付，多次讨要无果',
  '反映村里修路占用承包地未给补偿，请求依法补偿',
  '反映小区物业乱收停车费，业主多次投诉无人处理',
];
const row = (i: number) => [
  '2026-04-0' + (i + 1),
  ['王大明', '李小红', '张三'][i],
  i === 0 ? makeIdNo('1970-03-15', 12) : null,
  `1380739000${i}`,
  i === 1 ? '回龙镇' : '金石镇',
  '劳动社保',
  SUMMARIES[i],
];
const threeRows = () => xlsxOf([['全国信访信息系统导出（无登记编号）'], HEAD, row(0), row(1), row(2)]);

const staff = () => org.actor(org.staff);
const decideAll = (c: CheckedImport, d: (r: CheckedImport['rows'][number]) => RowDecision) =>
  new Map(c.rows.filter((r) => r.status === 'duplicate').map((r) => [r.row, d(r)]));

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

async function readAndCheck(bytes: ArrayBuffer, canViewInformant = false) {
  const parsed = await parseWorkbook(bytes);
  expect(parsed.problem).toBeNull();
  return checkImport(parsed.rows, { actor: canViewInformant ? org.actor(org.director) : staff() });
}

describe('the same file twice (issue 13, point 21: PET-10 at import)', () => {
  it('shows every row of the second import as a likely duplicate, and never doubles the records', async () => {
    const first = await readAndCheck(await threeRows());
    expect(first.rows.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    expect(await importPetitions(first, new Map(), staff(), { fileName: '导出.xlsx' })).toEqual({
      imported: 3,
      linked: 0,
      skipped: 0,
    });
    const cases = await db.petitions.orderBy('receivedOn').toArray();
    expect(cases).toHaveLength(3);

    const again = await readAndCheck(await threeRows());
    expect(again.rows.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    // each row names the case it repeats, by its number
    expect(again.rows.map((r) => r.matches[0].regNo)).toEqual(cases.map((p) => p.regNo));
    expect(again.rows[0].matches[0]).toMatchObject({
      samePetitioner: true,
      sameNumber: false,
      name: '王大明',
    });
    expect(decisionOptions(again.rows[0]).map((d) => d.kind)).toEqual(['new', 'link', 'skip']);

    // no decision: nothing is written
    const undecided = await refusal(importPetitions(again, new Map(), staff()));
    expect(undecided.ruleId).toBe('PET-10');
    expect(undecided.message).toContain('第3、4、5行');
    expect(await db.petitions.count()).toBe(3);
    // all skipped: nothing to write
    expect(
      (
        await refusal(
          importPetitions(
            again,
            decideAll(again, () => ({ kind: 'skip' })),
            staff(),
          ),
        )
      ).message,
    ).toContain('全部跳过');
    // a decision a row may not take (a link to a case it did not match) is refused
    const wrong = new Map(decideAll(again, () => ({ kind: 'skip' })));
    wrong.set(3, { kind: 'link', caseId: cases[2].id });
    expect((await refusal(importPetitions(again, wrong, staff()))).message).toContain('第3行');
    expect(await db.petitions.count()).toBe(3);

    // one row linked as 重复件, one skipped, one registered as new after all
    const decisions = new Map<number, RowDecision>([
      [3, { kind: 'link', caseId: again.rows[0].matches[0].id }],
      [4, { kind: 'skip' }],
      [5, { kind: 'new' }],
    ]);
    expect(await importPetitions(again, decisions, staff())).toEqual({ imported: 2, linked: 1, skipped: 1 });
    const all = await db.petitions.toArray();
    expect(all).toHaveLength(5);
    const linked = all.find((p) => p.duplicateOf === cases[0].id)!;
    expect(linked).toMatchObject({ state: 'duplicate', duplicateOfRegNo: cases[0].regNo, source: 'import' });
    const audit = await db.audit.where('table').equals('import').toArray();
    expect(audit.map((a) => a.summary)).toEqual([
      '导入信访件 3 件：导出.xlsx',
      '导入信访件 2 件（其中作为重复件关联 1 件），跳过 1 行',
    ]);
  });

  it('matches a file with 登记编号 imported before to those cases (only 跳过), and refuses a number that clashes', async () => {
    const withNo = (rows: unknown[][]) =>
      xlsxOf([['登记编号', ...HEAD], ...rows.map((r, i) => [`XN00${i + 1}`, ...r])] as never);
    await importPetitions(await readAndCheck(await withNo([row(0), row(1)])), new Map(), staff());
    const again = await readAndCheck(await withNo([row(0), row(2)]));
    expect(again.rows[0]).toMatchObject({
      status: 'duplicate',
      matches: [{ regNo: 'XN001', sameNumber: true }],
    });
    expect(decisionOptions(again.rows[0])).toEqual([{ kind: 'skip' }]);
    // XN002 is 李小红's case: 张三's different matter under that number is a clash, refused
    expect(again.rows[1].status).toBe('refused');
    expect(again.rows[1].errors).toEqual([{ text: '登记编号 XN002 已被另一件信访件使用', rule: 'PET-1' }]);
  });

  it('never shows an informant’s identity in the preview to those who may not see it (PET-6)', async () => {
    await registerPetition(
      {
        channel: 'letter',
        receivedOn: '2026-03-02',
        letterSource: '群众来信',
        name: '检举人甲',
        phone: '13807390009',
        address: '金石镇',
        township: '金石镇',
        category: '劳动社保',
        summary: SUMMARIES[0],
        informant: true,
        accusedNote: '某建筑公司',
      },
      SYSTEM_ACTOR,
    );
    const bytes = await xlsxOf([
      [...HEAD, '是否检举揭发'],
      ['2026-04-01', '王大明', null, '13807390001', '金石镇', '劳动社保', SUMMARIES[0], '否'],
      ['2026-04-02', '检举人乙', null, '13807390002', '金石镇', '劳动社保', '检举某局长收受红包', '是'],
    ]);
    const hidden = await readAndCheck(bytes, false);
    expect(hidden.rows[0].status).toBe('duplicate');
    expect(hidden.rows[0].matches[0].name).toBe(INFORMANT_MASK);
    expect(previewName(hidden.rows[1], false)).toBe(INFORMANT_MASK);
    expect(JSON.stringify(hidden)).not.toContain('检举人甲');
    const shown = await readAndCheck(bytes, true);
    expect(shown.rows[0].matches[0].name).toBe('检举人甲');
    expect(previewName(shown.rows[1], true)).toBe('检举人乙');
  });
});

describe('all or nothing (issue 13, point 22)', () => {
  it('imports nothing from a file with one invalid row of three, and offers no way to import the other two', async () => {
    const bytes = await xlsxOf([
      HEAD,
      row(0),
      ['2026-04-02', '', null, null, '金石镇', '劳动社保', '工资问题'],
      row(2),
    ]);
    const c = await readAndCheck(bytes);
    expect(c.rows.map((r) => r.status)).toEqual(['ok', 'refused', 'ok']);
    expect(c.rows[1].errors).toEqual([{ text: '缺少信访人（来信人）', rule: 'PET-1' }]);
    const e = await refusal(importPetitions(c, new Map(), staff()));
    expect(e).toMatchObject({ field: 'rows', ruleId: 'PET-1' });
    expect(e.message).toContain('整份文件未导入任何数据：第3行 缺少信访人（来信人）');
    // the valid rows alone are no checked import: refused too
    const part: CheckedImport = { rows: c.rows.filter((r) => r.status === 'ok'), seesInformants: false };
    expect((await refusal(importPetitions(part, new Map(), staff()))).message).toBe(
      '导入数据未经检查，请重新选择文件',
    );
    expect(await db.petitions.count()).toBe(0);
    expect(await db.petitionSteps.count()).toBe(0);

    // the clerk fixes the row and imports the file again: three cases, none twice
    const fixed = await readAndCheck(await threeRows());
    expect(await importPetitions(fixed, new Map(), staff())).toMatchObject({ imported: 3 });
    expect(await db.petitions.count()).toBe(3);
  });
});

describe('formulas and files that are not workbooks (issue 13, points 23 and 25)', () => {
  it('refuses a row holding a formula, naming the cell, instead of importing its cached result', async () => {
    const bytes = await xlsxOf([
      HEAD,
      [
        '2026-04-01',
        { formula: 'HYPERLINK("http://example.com/p/1","李四")', result: '李四' },
        null,
        '13807390001',
        '金石镇',
        '劳动社保',
        SUMMARIES[0],
      ],
      ['2026-04-02', '张三', null, '13807390002', '金石镇', '劳动社保', { formula: '1+1', result: 2 }],
      row(2),
    ]);
    const c = await readAndCheck(bytes);
    expect(c.rows.map((r) => r.status)).toEqual(['refused', 'refused', 'ok']);
    expect(c.rows[0].errors[0].text).toContain('单元格 B2 是公式“=HYPERLINK(');
    expect(c.rows[0].errors[0].text).toContain('（显示为“李四”）');
    expect(c.rows[1].errors[0].text).toContain('单元格 G3 是公式“=1+1”（显示为“2”）');
    await refusal(importPetitions(c, new Map(), staff()));
    expect(await db.petitions.count()).toBe(0);
  });

  it('says a zip renamed to .xlsx is not an Excel workbook', async () => {
    const parsed = await parseWorkbook(zipOf({ mimetype: 'application/zip', 'doc/readme.txt': '说明' }));
    expect(parsed).toEqual({ rows: [], problem: expect.stringContaining('该文件不是Excel工作簿（.xlsx）') });
  });
});

describe('5,000 rows (issue 13, point 24)', () => {
  it('reads, checks (with progress in rows) and writes them in one go', async () => {
    const n = 5000;
    const rows = Array.from({ length: n }, (_, i) => [
      '2026-04-02',
      `来信人${i}`,
      null,
      `139${String(i).padStart(8, '0')}`,
      i % 2 ? '回龙镇' : '金石镇',
      '劳动社保',
      `反映第${i}号工地拖欠农民工工资${(i % 89) + 1}万元、包工头失联的问题，请求督促支付`,
    ]);
    const bytes = await xlsxOf([HEAD, ...rows]);
    const t0 = performance.now();
    const parsed = await parseWorkbook(bytes);
    const t1 = performance.now();
    const progress: CheckProgress[] = [];
    const c = await checkImport(parsed.rows, {
      actor: staff(),
      onProgress: (p) => progress.push(p),
    });
    const t2 = performance.now();
    const written: number[] = [];
    const r = await importPetitions(c, new Map(), staff(), { onProgress: (done) => written.push(done) });
    const t3 = performance.now();
    console.log(
      `5,000-row import on fake-indexeddb: read ${(t1 - t0).toFixed(0)} ms, check ${(t2 - t1).toFixed(0)} ms, write ${(t3 - t2).toFixed(0)} ms, total ${(t3 - t0).toFixed(0)} ms`,
    );
    expect(r.imported).toBe(n);
    expect(await db.petitions.count()).toBe(n);
    expect(progress.filter((p) => p.phase === 'check').map((p) => p.done)).toEqual([
      500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000,
    ]);
    expect(progress.at(-1)).toEqual({ phase: 'duplicates', done: n, total: n });
    expect(written).toHaveLength(n / 50);
    expect(written.at(-1)).toBe(n);
  }, 300_000);
});
