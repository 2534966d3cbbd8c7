// End-to-end: publicity rewards, finance, integrity, assessment and supervision, duty — what a user
// checks: the reward of a piece, the refusals of FIN-4 and FIN-5 with their messages at the field,
// a purchase walked through the five FIN-1 steps by each approver from their own login, the amount
// printed in Chinese capitals, an ASM-3 capped grade with its consequence, the SUP-4 deadline view
// fed by the other modules, and the ledgers opened again with openpyxl.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

import { PUBLICITY_PAYOUT_HEADERS } from '../../shared/ledgers/headers.testing';

import {
  appPerSuite,
  containsText,
  exportExcel,
  openModule,
  openTab,
  pickStaff,
  screenshots,
  signInAs,
  visible,
} from './harness';
import { openpyxlAvailable, pdfText, readWithExcelJS, readWithOpenpyxl } from './readers';

const dir = mkdtempSync(join(tmpdir(), 'finance-e2e-'));
// FIN_SHOTS=/some/dir saves screenshots of the screens on the way (for looking at them, not asserted).
const shot = screenshots(process.env.FIN_SHOTS);

// FIN-5 needs a 局长办公会 decision to cite. They come from the meetings module's demo data; when
// that module has none in this build, one decision is written straight into IndexedDB as a test
// fixture (and the run says so).
async function ensureDirectorDecision(page: Page): Promise<'demo' | 'fixture'> {
  return page.evaluate(async () => {
    const open = indexedDB.open('xinfang');
    const idb: IDBDatabase = await new Promise((ok, ko) => {
      open.onsuccess = () => ok(open.result);
      open.onerror = () => ko(open.error);
    });
    const all: { meetingKind: string; deletedAt?: string | null }[] = await new Promise((ok, ko) => {
      const r = idb.transaction('meetingDecisions').objectStore('meetingDecisions').getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    if (all.some((d) => d.meetingKind === 'director_office' && !d.deletedAt)) {
      idb.close();
      return 'demo' as const;
    }
    const day = new Date(Date.now() - 20 * 86400000);
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const at = new Date().toISOString();
    await new Promise((ok, ko) => {
      const tx = idb.transaction('meetingDecisions', 'readwrite');
      tx.objectStore('meetingDecisions').add({
        id: crypto.randomUUID(),
        meetingId: 'e2e-fixture',
        meetingKind: 'director_office',
        meetingDate: iso,
        year: day.getFullYear(),
        seq: 1,
        number: `局长办公会决定〔${day.getFullYear()}〕1号`,
        text: '同意采购档案密集柜',
        followUp: 'open',
        createdAt: at,
        updatedAt: at,
        createdBy: 'system',
        deletedAt: null,
      });
      tx.oncomplete = ok;
      tx.onerror = () => ko(tx.error);
    });
    idb.close();
    return 'fixture' as const;
  });
}

function rowsOf(path: string): unknown[][] {
  if (openpyxlAvailable()) return readWithOpenpyxl(path)[0].rows;
  throw new Error('python3-openpyxl missing');
}

describe('publicity, finance, integrity, assessment and duty', () => {
  const app = appPerSuite();
  let claimUrl = '';
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('rewards a 1,500-character provincial research article 600 yuan (PUB-1), keeping input on a bad field', async () => {
    const { page } = app;
    await signInAs(page, 'keyuan');
    await openModule(page, '宣传奖励');
    await visible(page.getByRole('heading', { name: '宣传奖励', exact: true }));
    await openTab(page, '登记作品');
    await page.getByLabel('作品标题').fill('关于信访积案化解机制的调研');
    await page.getByLabel('刊发媒体').fill('湖南信访');
    await page.getByLabel('媒体级别').selectOption({ label: '省级' });
    await page.getByLabel('字数').fill('一千五');
    await page.getByLabel('作品类别').selectOption({ label: '调研文章' });
    await page.getByRole('button', { name: '保存并申报' }).click();
    await visible(page.getByText('字数须为整数'));
    expect(await page.getByLabel('作品标题').inputValue()).toBe('关于信访积案化解机制的调研');
    await page.getByLabel('字数').fill('1500');
    await containsText(page.getByTestId('reward-preview'), '奖励金额：600元');
    await page.getByRole('button', { name: '保存并申报' }).click();
    await visible(page.getByText('申报奖励须提交发表作品原稿（PUB-2，制度 八、(三)）'));
    await page.getByLabel('已提交发表作品原稿（PUB-2）').check();
    await page.getByRole('button', { name: '保存并申报' }).click();
    await visible(page.getByRole('heading', { name: '关于信访积案化解机制的调研' }));
    await visible(page.getByText('奖励金额：600元'));
    await visible(page.getByText('1000字以上的调研文章和理论文章 × 省级（PUB-1）'));
    await shot(page, 'publicity-detail');
  });

  it('refuses a white-slip claim with the rule text at the field (FIN-4), keeping what was typed', async () => {
    const { page } = app;
    await openModule(page, '财务');
    await openTab(page, '填报报销单');
    await page.getByLabel('用途').fill('购买信访接待登记簿');
    await page.getByLabel('票据类型', { exact: true }).selectOption({ label: '白纸发票(白条)' });
    await page.getByLabel('金额（元）', { exact: true }).fill('120');
    await containsText(page.getByTestId('claim-uppercase'), '壹佰贰拾元整');
    await page.getByRole('button', { name: '提交报销' }).click();
    await visible(page.getByText('第1张票据不予报销：白纸发票(白条)一律不予报销。（FIN-4，制度 九、(一)）'));
    expect(await page.getByLabel('用途').inputValue()).toBe('购买信访接待登记簿');
    // A bad amount is told at its field.
    await page.getByLabel('票据类型', { exact: true }).selectOption({ label: '增值税普通发票' });
    await page.getByLabel('金额（元）', { exact: true }).fill('12.345');
    await page.getByRole('button', { name: '提交报销' }).click();
    await visible(page.getByText('票据金额须为以元为单位的数字，最多两位小数'));
    await shot(page, 'claim-form-error');
  });

  it('refuses a 2,000-yuan purchase without a 局长办公会 decision (FIN-5) and passes one with it through the five steps', async () => {
    const { page } = app;
    console.log('局长办公会决定 from:', await ensureDirectorDecision(page));
    await page.getByLabel('开支类别').selectOption({ label: '采购' });
    await page.getByLabel('用途').fill('采购档案密集柜');
    await page.getByLabel('金额（元）', { exact: true }).fill('2000');
    await containsText(page.getByTestId('claim-uppercase'), '贰仟元整');
    await page.getByRole('button', { name: '提交报销' }).click();
    await visible(page.getByText(/单项采购达2000元以上，须引用局长办公会决定/));
    expect(await page.getByLabel('用途').inputValue()).toBe('采购档案密集柜');
    // Cite a decision of the 局长办公会.
    await page.getByLabel('局长办公会决定', { exact: true }).first().click();
    const option = page.getByRole('listbox').getByRole('option').first();
    await option.waitFor({ timeout: 5000 });
    await option.click();
    await page.getByRole('button', { name: '提交报销' }).click();
    await visible(page.getByText('报销审批单'));
    await visible(page.getByText('审批中'));
    await containsText(page.getByTestId('detail-uppercase'), '贰仟元整');
    claimUrl = page.url();
    expect(claimUrl).toContain('#/finance/claims/');

    // Each approver decides from their own login, in order.
    for (const [login, witness] of [
      ['caiwu', '郑小军'],
      ['jijian', ''],
      ['fujuzhang1', ''],
      ['juzhang', ''],
    ] as const) {
      await signInAs(page, login);
      await page.goto(claimUrl);
      await visible(page.getByRole('button', { name: '同意' }));
      if (login === 'caiwu') await shot(page, 'claim-check-step');
      if (witness) {
        // The check step needs the witness (证明人): the refusal shows at that field, not at 审批意见.
        await page.getByRole('button', { name: '同意' }).click();
        await visible(page.getByText('请填写证明人'));
        expect(await page.getByLabel('证明人').getAttribute('aria-invalid')).toBe('true');
        expect(await page.getByLabel('审批意见').getAttribute('aria-invalid')).not.toBe('true');
        await page.getByLabel('证明人').fill(witness);
      }
      await page.getByRole('button', { name: '同意' }).click();
      await visible(page.getByText('已同意'));
    }
    await page.goto(claimUrl);
    await visible(page.getByText('待付款'));
    const chain = page.locator('table').filter({ hasText: '纪检监察领导初审' }).first();
    for (const name of ['吴敏', '赵国强', '陈志华', '刘建国']) await containsText(chain, name);
    await containsText(chain, '证明人：郑小军');

    await signInAs(page, 'caiwu');
    await page.goto(claimUrl);
    // A payment is never dated ahead: five days on is refused at 付款日期, and nothing is paid.
    const payOn = page.getByLabel('付款日期');
    const today = await payOn.inputValue();
    const ahead = new Date(`${today}T12:00:00`);
    ahead.setDate(ahead.getDate() + 5);
    await payOn.fill(ahead.toISOString().slice(0, 10));
    await page.getByRole('button', { name: '登记付款' }).click();
    await visible(page.getByText('付款日期不能晚于今天'));
    await visible(page.getByText('待付款'));
    await payOn.fill(today);
    await page.getByRole('button', { name: '登记付款' }).click();
    await visible(page.getByText('已付款').first());
  });

  it('prints the 报销审批单 with the amount in 人民币大写, the chain and the rules', async () => {
    const { page } = app;
    await page.goto(claimUrl);
    await page.getByRole('button', { name: '报销审批单' }).click();
    await containsText(page.getByTestId('print-uppercase'), '贰仟元整');
    await shot(page, 'claim-print');
    const pdf = join(dir, 'claim.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('报销审批单');
    expect(text).toContain('贰仟元整');
    expect(text).toContain('证明人：郑小军');
    expect(text).toContain('局长办公会决定');
    expect(text).toContain('FIN-5');
    for (const name of ['钱雪', '吴敏', '赵国强', '陈志华', '刘建国']) expect(text).toContain(name);
  });

  it('grades 8 items met with a corrected attitude complaint 基本合格, with its consequence (ASM-3, ASM-4)', async () => {
    const { page } = app;
    await signInAs(page, 'bangongshi');
    await openModule(page, '考核与监督');
    await openTab(page, '投诉举报');
    await pickStaff(page, '被投诉人', '蒋芳');
    await page.getByLabel('类别').selectOption({ label: '态度粗暴、简单' });
    await page.getByLabel('投诉举报内容').fill('来访群众反映答复时态度生硬');
    await page.getByRole('button', { name: '登记受理' }).click();
    await page.getByLabel('调查核实情况').fill('调阅录音，询问当事人');
    await page.getByLabel('核查结论').selectOption({ label: '经查属实' });
    await page.getByLabel('已改正并向群众道歉').check();
    await page.getByRole('button', { name: '保存核查结论' }).click();
    await visible(page.getByText('核查结论：经查属实'));

    await openTab(page, '年度考核');
    await page.getByRole('button', { name: '生成年度考核' }).click();
    await page.getByRole('link', { name: '蒋芳', exact: true }).click();
    await visible(page.getByText('ASM-3 直接评定情形'));
    for (let no = 1; no <= 10; no++) {
      const box = page.getByLabel(`第${no}项完成`);
      const want = no !== 3 && no !== 9;
      if ((await box.isChecked()) !== want) {
        await box.setChecked(want);
        await page.getByLabel(`第${no}项依据`).fill('经核实');
      }
    }
    await page.getByRole('button', { name: '保存评定' }).click();
    await visible(page.getByText('已保存'));
    const result = page.getByTestId('assessment-result');
    await containsText(result, '完成 8 项');
    await containsText(result, '基本合格');
    await containsText(result, '不得评为当年工作先进,并给予警告');
    await shot(page, 'assessment-detail');
  });

  it('exports the 年度考核结果 and the 宣传奖励发放表 with the product.md columns', async () => {
    const { page } = app;
    await page.goto(`${app.baseUrl}#/assessment/assess`);
    await page
      .getByLabel('年度', { exact: true })
      .selectOption({ label: `${new Date().getFullYear() - 1}年` });
    await visible(page.getByText('已通报').first());
    const xlsx = (await exportExcel(page, dir, 'assessment.xlsx')).path;
    const rows = rowsOf(xlsx);
    expect(String(rows[0][0])).toContain('年度考核结果');
    expect(rows[1]).toEqual([
      '序号',
      '姓名',
      '股室',
      '完成项数',
      '未完成项目(序号)',
      '直接评定情形(ASM-3)',
      '考核等次',
      '结果运用(ASM-4)',
    ]);
    const yangfan = rows.find((r) => r[1] === '杨帆')!;
    expect(yangfan[6]).toBe('基本合格');
    expect(typeof yangfan[3]).toBe('number');

    await page.goto(`${app.baseUrl}#/publicity/payout`);
    const pub = (await exportExcel(page, dir, 'publicity.xlsx')).path;
    const prow = rowsOf(pub);
    expect(String(prow[0][0])).toContain('宣传奖励发放表');
    expect(prow[1].slice(1, 10)).toEqual(PUBLICITY_PAYOUT_HEADERS);
    const mine = prow.find((r) => r[2] === '关于信访积案化解机制的调研')!;
    expect(mine.slice(1, 9)).toEqual([
      '钱雪',
      '关于信访积案化解机制的调研',
      '湖南信访',
      '省级',
      1500,
      '调研文章',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      600,
    ]);
    const wb = await readWithExcelJS(pub);
    expect(wb.worksheets[0].getRow(2).getCell(9).value).toBe('奖励金额(元)');
  });

  it('lists every running time limit of the bureau in the SUP-4 view, from the other modules too', async () => {
    const { page } = app;
    await page.goto(`${app.baseUrl}#/assessment/deadlines`);
    const view = page.locator('table').filter({ hasText: '责任人/单位' }).first();
    await visible(view);
    await containsText(view, '报销（FIN-2）');
    await containsText(view, '签单结算（FIN-3）');
    const overdue = async (kind: RegExp) => {
      const row = view.locator('tr').filter({ hasText: kind }).filter({ hasText: '已逾期' });
      return (await row.count()) > 0;
    };
    const found = {
      petition: await overdue(/信访/),
      loan: await overdue(/借阅/),
      leave: (await view.locator('tr').filter({ hasText: /销假/ }).count()) > 0,
    };
    console.log('SUP-4 from other modules:', JSON.stringify(found));
    expect(found).toEqual({ petition: true, loan: true, leave: true });
  });
});
