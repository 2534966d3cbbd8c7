// 公文, 印章, 会议, 学习 end to end, on the demo bureau: an incoming document registered (bad input
// refused at the field, nothing typed lost), proposed, decided, circulated, read by two people from
// their own logins (工作台 待阅公文), reported and archived, its 收文处理单 printed; an outgoing
// document through 审核 → 核稿 → 定稿 → 签发 receiving the next 宁信发〔year〕n号; a destruction
// with one witness refused; a void seal refused at the field; a 局长办公会 decision cited by a study
// trip and found with the decision picker; every register exported and opened again.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { serveStatic } from '../../scripts/serve.mjs';

import { appPerSuite, containsText, exportExcel, go, openModule, signInAs, visible } from './harness';
import { openpyxlAvailable, pdfText, readWithExcelJS, readWithOpenpyxl } from './readers';

const YEAR = new Date().getFullYear();
const IN_TITLE = 'E2E测试来文：关于做好岁末年初信访工作的通知';
const OUT_TITLE = 'E2E测试发文：关于信访工作情况的报告';
const DECISION_TEXT = 'E2E测试决定：同意钱雪赴浙江省诸暨市学习考察“枫桥经验”';
const DESTROY_TITLE = 'E2E测试销毁：会议材料（重份）';
const PROXY_TITLE = 'E2E测试来文：关于报送年度政务信息的通知';
const OUT = '/tmp/office-e2e';

// A Mantine Select/MultiSelect: its label also names the (hidden) list of options; take the input.
function combo(page: Page, label: string) {
  return page.getByLabel(label).and(page.locator('input'));
}

function hashId(page: Page): string {
  return decodeURIComponent(new URL(page.url()).hash.split('/')[3] ?? '');
}

async function sheetText(path: string): Promise<string> {
  const wb = await readWithExcelJS(path);
  const ws = wb.worksheets[0];
  const out: string[] = [];
  ws.eachRow((row) =>
    out.push(
      (row.values as unknown[])
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')))
        .join('|'),
    ),
  );
  return out.join('\n');
}

describe('office: 公文, 印章, 会议, 学习', () => {
  let own: Server | undefined;
  beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
  });
  const app = appPerSuite({
    // OFFICE_WEB_DIR: a private build, safe from other builds of out/web while this file runs.
    prepare: async (a) => {
      if (!process.env.OFFICE_WEB_DIR) return;
      own = await serveStatic(process.env.OFFICE_WEB_DIR, 0);
      await a.page.goto(`http://127.0.0.1:${(own!.address() as AddressInfo).port}/`);
    },
  });
  afterAll(() => {
    own?.close();
  });
  let incomingId = '';
  let outgoingId = '';
  let lastSeq = 0;
  let decisionNumber = '';
  let tripId = '';

  it('registers an incoming document: bad input refused at the field, nothing typed lost', async () => {
    const { page } = app;
    await signInAs(page, 'bangongshi');
    await openModule(page, '公文');
    await visible(page.getByRole('heading', { name: '公文', exact: true }));
    await page.getByRole('button', { name: '收文登记' }).click();
    await page.getByLabel('来文单位').fill('邵阳市信访局');
    await page.getByLabel('来文字号').fill('邵信发〔2026〕99号');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('请填写文件标题'));
    expect(await page.getByLabel('来文单位').inputValue()).toBe('邵阳市信访局');
    expect(await page.getByLabel('来文字号').inputValue()).toBe('邵信发〔2026〕99号');
    await page.getByLabel('文件标题').fill(IN_TITLE);
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText(IN_TITLE));
    await containsText(page.getByTestId('doc-holder'), '办公室（李红梅）');
    incomingId = hashId(page);
    expect(incomingId).not.toBe('');

    // 拟办 → 批办 (entered by the office from the 局长's paper) → circulation to two readers.
    await page.getByLabel('拟办意见').fill('拟请刘局长阅示，送钱雪同志传阅');
    await page.getByRole('button', { name: '保存拟办意见' }).click();
    await containsText(page.getByTestId('doc-holder'), '局长（刘建国）');
    await page.getByLabel('批办意见').fill('请认真落实');
    await page.getByRole('button', { name: '登记批办' }).click();
    await visible(page.getByRole('button', { name: '分送传阅' }));
    for (const name of ['刘建国', '钱雪']) {
      await combo(page, '传阅人员').click();
      await combo(page, '传阅人员').fill(name);
      await page.getByRole('option', { name, exact: true }).filter({ visible: true }).click();
    }
    await page.getByRole('button', { name: '分送传阅' }).click();
    await containsText(page.getByTestId('doc-holder'), '传阅中：刘建国、钱雪');
  });

  it('records a 局长办公会 with an absence (reason required) and a numbered decision, found with the decision picker', async () => {
    const { page } = app;
    await openModule(page, '会议');
    await page.getByRole('button', { name: '新建会议' }).click();
    await page.getByRole('checkbox', { name: '赵国强' }).uncheck();
    await page.getByLabel('议题1').fill('研究干部职工赴外地学习考察');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('请填写缺席原因'));
    expect(await page.getByLabel('议题1').inputValue()).toBe('研究干部职工赴外地学习考察');
    await page.getByLabel('赵国强缺席原因').fill('赴市局汇报');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('赵国强（赴市局汇报）'));
    await page.getByLabel('决定事项').fill(DECISION_TEXT);
    await page.getByRole('button', { name: '添加决定' }).click();
    const cell = page.getByRole('row', { name: new RegExp(DECISION_TEXT) }).getByRole('link');
    await visible(cell);
    decisionNumber = (await cell.textContent()) ?? '';
    expect(decisionNumber).toMatch(new RegExp(`^局长办公会决定〔${YEAR}〕\\d+号$`));

    // The picker other records use (DecisionSelect): value = id, label = number + text.
    await go(page, '#/meetings/decisions');
    await combo(page, '查找局长办公会决定').click();
    await combo(page, '查找局长办公会决定').fill('E2E测试决定');
    await page
      .getByRole('option', { name: `${decisionNumber} ${DECISION_TEXT}` })
      .filter({ visible: true })
      .click();
    await visible(page.getByText(`${decisionNumber}（`));
  });

  it('registers a destruction for the 分管领导, and refuses a void seal at the field', async () => {
    const { page } = app;
    await go(page, '#/documents/destruction');
    await page.getByLabel('销毁文件').fill(DESTROY_TITLE);
    await page.getByLabel('销毁原因').fill('重份，无保存价值');
    await page.getByRole('button', { name: '登记并报分管领导批准' }).click();
    await visible(page.getByText(`${DESTROY_TITLE}（1份）`));

    await openModule(page, '印章');
    const select = page.getByLabel('印章', { exact: true });
    const voidValue = await select.evaluate(
      (el) => [...(el as HTMLSelectElement).options].find((o) => o.text.includes('旧章'))?.value ?? '',
    );
    expect(voidValue).not.toBe('');
    await page.getByLabel('用印文件').fill('E2E测试函');
    await select.selectOption(voidValue);
    await visible(page.getByText('“新宁县信访局（旧章）”已作废，严禁使用（SEAL-3）'));
    const before = await page.getByRole('row').count();
    await page.getByRole('button', { name: '提交用印申请' }).click();
    await visible(page.getByText('“新宁县信访局（旧章）”已作废，严禁使用（SEAL-3）'));
    expect(await page.getByLabel('用印文件').inputValue()).toBe('E2E测试函');
    expect(await page.getByRole('row').count()).toBe(before);
  });

  it('the first reader reads it from 工作台 (待阅公文), drafts an outgoing document, and cites the decision in a study trip', async () => {
    const { page } = app;
    await signInAs(page, 'keyuan');
    await visible(page.getByText(/待阅公文（\d+）/));
    await page
      .getByRole('link', { name: new RegExp(IN_TITLE) })
      .first()
      .click();
    await page.getByRole('button', { name: '已阅' }).click();
    await containsText(page.getByTestId('doc-holder'), '传阅中：刘建国');

    // The last number so far.
    await go(page, '#/documents/outgoing');
    const first = page.getByRole('link', { name: new RegExp(`^宁信发〔${YEAR}〕\\d+号$`) }).first();
    await visible(first);
    lastSeq = Number(/〔\d{4}〕(\d+)号/.exec((await first.textContent()) ?? '')![1]);
    expect(lastSeq).toBeGreaterThan(0);
    await page.getByRole('button', { name: '发文拟稿' }).click();
    await page.getByLabel('标题').fill(OUT_TITLE);
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('请填写主送机关'));
    expect(await page.getByLabel('标题').inputValue()).toBe(OUT_TITLE);
    await page.getByLabel('主送').fill('县委、县人民政府');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByTestId('outgoing-title'));
    outgoingId = hashId(page);
    await page.getByRole('button', { name: '提交审核' }).click();
    await visible(page.getByText('当前：分管领导审核（王丽娟）', { exact: false }));

    // TRIP-3: the study trip cites the 局长办公会 decision.
    await openModule(page, '请假与外出');
    await page.getByRole('tab', { name: '外出申请' }).click();
    await combo(page, '外出类型').click();
    await page.getByRole('option', { name: '赴外地学习、考察' }).filter({ visible: true }).click();
    await combo(page, '局长办公会决定').click();
    await combo(page, '局长办公会决定').fill(decisionNumber);
    await page
      .getByRole('option', { name: new RegExp(decisionNumber) })
      .filter({ visible: true })
      .click();
    await page.getByLabel('目的地').fill('浙江省诸暨市');
    await page.getByLabel('外出事由').fill('学习“枫桥经验”');
    await page.getByRole('button', { name: '提交' }).click();
    await visible(page.getByText(`依据：${decisionNumber}`));
    tripId = hashId(page);
  });

  it('takes the draft through 审核, 核稿 and 定稿 by the right people', async () => {
    const { page } = app;
    for (const [login, step] of [
      ['fujuzhang2', '办公室核稿（李红梅）'],
      ['bangongshi', '分管办公室领导定稿（陈志华）'],
      ['fujuzhang1', '局长签发（刘建国）'],
    ]) {
      await signInAs(page, login);
      await go(page, `#/documents/outgoing/${outgoingId}`);
      await visible(page.getByTestId('outgoing-title'));
      await page.getByRole('button', { name: '同意' }).click();
      await visible(page.getByText(`当前：${step}`, { exact: false }));
    }
    // 陈志华 also approves the destruction (DOC-7).
    await go(page, '#/documents/destruction');
    const card = page.locator('.mantine-Card-root', { hasText: DESTROY_TITLE });
    await card.getByRole('button', { name: '同意' }).click();
    await containsText(card, '已批准，待监销');
  });

  it('the 局长 reads the incoming document and signs the outgoing one, which takes the next number', async () => {
    const { page } = app;
    await signInAs(page, 'juzhang');
    await page
      .getByRole('link', { name: new RegExp(IN_TITLE) })
      .first()
      .click();
    await page.getByRole('button', { name: '已阅' }).click();
    await containsText(page.getByTestId('doc-holder'), '办公室（传阅完毕）');

    await go(page, `#/documents/outgoing/${outgoingId}`);
    await page.getByRole('button', { name: '同意' }).click();
    const number = `宁信发〔${YEAR}〕${lastSeq + 1}号`;
    await visible(page.getByRole('heading', { name: number }));
    await page.getByRole('button', { name: '发文稿纸' }).click();
    await visible(page.getByRole('button', { name: '打印' }));
    await page.pdf({ path: `${OUT}/fawen.pdf`, format: 'A4' });
    const text = pdfText(`${OUT}/fawen.pdf`);
    expect(text).toContain('发文稿纸');
    expect(text).toContain(number);
    expect(text).toContain('刘建国');
    expect(text).toContain('王丽娟');
    expect(text).toContain('DOC-3');
  });

  it('the 局长 agrees to the study trip; the report to the county leaders is then on the office’s 工作台 (TRIP-3)', async () => {
    const { page } = app;
    await signInAs(page, 'juzhang');
    await go(page, `#/leave/trip/${tripId}`);
    await page.getByRole('button', { name: '同意' }).click();
    await visible(page.getByTestId('trip-awaiting-county'));
    await signInAs(page, 'bangongshi');
    await visible(page.getByText(/待报县领导（\d+）/));
    await page
      .getByRole('link', { name: /钱雪 赴浙江省诸暨市学习考察/ })
      .first()
      .click();
    await visible(page.getByTestId('trip-awaiting-county'));
    await page.getByLabel('审批意见').fill('已按干部管理权限报告县委、县政府领导');
    await page.getByRole('button', { name: '同意' }).click();
    await visible(page.getByText('已批准（待汇报）').first());
    expect(await page.getByTestId('trip-awaiting-county').count()).toBe(0);
  });

  it('the office reports the outcome, archives it and prints the 收文处理单', async () => {
    const { page } = app;
    await signInAs(page, 'bangongshi');
    await go(page, `#/documents/incoming/${incomingId}`);
    await page.getByLabel('办理结果').fill('已传阅，报局长');
    await page.getByRole('button', { name: '反馈局长' }).click();
    await page.getByLabel('卷号').fill(`${YEAR}-文书-9`);
    await page.getByRole('button', { name: '归档', exact: true }).click();
    await containsText(page.getByTestId('doc-holder'), `档案室（${YEAR}-文书-9）`);
    await page.getByRole('button', { name: '收文处理单' }).click();
    await visible(page.getByRole('button', { name: '打印' }));
    await page.pdf({ path: `${OUT}/shouwen.pdf`, format: 'A4' });
    const text = pdfText(`${OUT}/shouwen.pdf`);
    expect(text).toContain('收文处理单');
    expect(text).toContain(IN_TITLE.slice(0, 12));
    expect(text).toContain('拟请刘局长阅示');
    expect(text).toContain('钱雪');
    expect(text).toContain('DOC-2');
  });

  it('refuses a destruction with one witness (DOC-7), keeps what was typed, and records it with two', async () => {
    const { page } = app;
    await go(page, '#/documents/destruction');
    const card = page.locator('.mantine-Card-root', { hasText: DESTROY_TITLE });
    await card.getByLabel('监销人一').fill('李红梅');
    await card.getByRole('button', { name: '登记监销' }).click();
    await visible(card.getByText('须由两名以上不同的人员监销（DOC-7）'));
    expect(await card.getByLabel('监销人一').inputValue()).toBe('李红梅');
    await card.getByLabel('监销人二').fill('李 红梅');
    await card.getByRole('button', { name: '登记监销' }).click();
    await visible(card.getByText('须由两名以上不同的人员监销（DOC-7）'));
    await card.getByLabel('监销人二').fill('郑小军');
    await card.getByRole('button', { name: '登记监销' }).click();
    await containsText(card, '监销人：李红梅、郑小军');
  });

  it('lends a document picked from the 收文 register (keyboard), and the loans list shows its number', async () => {
    const { page } = app;
    await go(page, '#/documents/loans');
    const picker = page.getByLabel('借阅文件');
    await picker.click();
    await picker.fill('E2E测试来文');
    const option = page
      .getByRole('option', { name: new RegExp(`^收文〔${YEAR}〕\\d+号 ${IN_TITLE}$`) })
      .filter({ visible: true });
    await visible(option);
    const regNo = /^收文〔\d{4}〕\d+号/.exec((await option.first().getAttribute('aria-label')) ?? '')![0];
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await visible(page.getByText('已关联收文登记簿'));
    expect(await picker.inputValue()).toBe(`${regNo} ${IN_TITLE}`);
    await page.getByLabel('用途', { exact: true }).fill('E2E核对来文');
    await page.getByRole('button', { name: '提交借阅申请' }).click();
    const link = page.getByRole('row', { name: /E2E核对来文/ }).getByRole('link', { name: regNo });
    await visible(link);
    expect(await link.getAttribute('href')).toBe(`#/documents/incoming/${incomingId}`);
  });

  it('exports each register and opens it again', async () => {
    const { page } = app;
    const exportOn = async (hash: string, file: string) => {
      await go(page, hash);
      await visible(page.getByRole('button', { name: '导出Excel' }));
      return (await exportExcel(page, OUT, file)).path;
    };
    const incoming = await exportOn('#/documents/incoming', 'shouwen.xlsx');
    const inText = await sheetText(incoming);
    expect(inText).toContain('收文登记簿');
    expect(inText).toContain(IN_TITLE);
    expect(inText).toContain('传阅：刘建国√、钱雪√');
    if (openpyxlAvailable()) {
      const [sheet] = readWithOpenpyxl(incoming);
      expect(String(sheet.rows[0][0])).toContain(`收文登记簿（${YEAR}年）`);
      expect(sheet.rows[1].slice(0, 4)).toEqual(['序号', '收文编号', '收文日期', '来文单位']);
      const row = sheet.rows.find((r) => r.includes(IN_TITLE))!;
      expect(row[2]).toMatch(/^\d{4}-\d{2}-\d{2}$/); // a real date
      expect(typeof row[0]).toBe('number');
      expect(sheet.orientation).toBe('landscape');
    }
    const outgoing = await sheetText(await exportOn('#/documents/outgoing', 'fawen.xlsx'));
    expect(outgoing).toContain(`宁信发〔${YEAR}〕${lastSeq + 1}号`);
    expect(outgoing).toContain(OUT_TITLE);
    const loans = await sheetText(await exportOn('#/documents/loans', 'jieyue.xlsx'));
    expect(loans).toContain('借阅登记');
    expect(loans).toContain('逾期未还');
    const seals = await sheetText(await exportOn('#/seals/uses', 'yinzhang.xlsx'));
    expect(seals).toContain('印章使用登记');
    expect(seals).toContain('郑小军');
    const decisions = await sheetText(await exportOn('#/meetings/decisions', 'jueding.xlsx'));
    expect(decisions).toContain(decisionNumber);
    expect(decisions).toContain(DECISION_TEXT);
    const study = await sheetText(await exportOn('#/study/sessions', 'xuexi.xlsx'));
    expect(study).toContain('集中学习考勤登记');
    expect(study).toContain('周五集中学习');
    const papers = await sheetText(await exportOn('#/study/papers', 'lunwen.xlsx'));
    expect(papers).toContain('未完成');
  });

  it('the clerk types in the office director’s 拟办意见 only as 代录; the 收文处理单 names the director, not the clerk', async () => {
    const { page } = app;
    await signInAs(page, 'kaoqin'); // 周晓燕, 文书 of the office; 李红梅 is the 办公室主任
    await openModule(page, '公文');
    await go(page, '#/documents/incoming');
    await page.getByRole('button', { name: '收文登记' }).click();
    await page.getByLabel('来文单位').fill('新宁县人民政府办公室');
    await page.getByLabel('文件标题').fill(PROXY_TITLE);
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText(PROXY_TITLE));
    await page.getByLabel('拟办意见').fill('拟请刘局长阅示');
    await page.getByRole('button', { name: '保存拟办意见' }).click();
    await visible(page.getByText('拟办意见由办公室主任（李红梅）提出', { exact: false }).first());
    expect(await page.getByLabel('拟办意见').inputValue()).toBe('拟请刘局长阅示');
    await page.getByLabel('按办公室主任李红梅的意见代录').check();
    await page.getByRole('button', { name: '保存拟办意见' }).click();
    await containsText(page.getByTestId('doc-holder'), '局长（刘建国）');
    await visible(page.getByText('拟办人：李红梅（办公室主任）　周晓燕代录', { exact: false }));
    if (process.env.OFFICE_SHOTS === '1')
      await page.screenshot({ path: `${OUT}/proxy-proposal.png`, fullPage: true });
    await page.getByRole('button', { name: '收文处理单' }).click();
    await visible(page.getByRole('button', { name: '打印' }));
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: `${OUT}/shouwen-proxy.pdf`, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    const text = pdfText(`${OUT}/shouwen-proxy.pdf`);
    expect(text).toContain('拟请刘局长阅示');
    // the date of the proposal as a formal form writes it (issue 14: 2026年12月6日), after the signing line
    expect(text).toMatch(/拟办人：李红梅（办公室主任）\s*周晓燕代录\s+签字：\s*\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).not.toContain('办公室主任：周晓燕');
  });
});
