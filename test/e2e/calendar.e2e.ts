// Issue 13 (points 7, 8, 25): a deadline in a year whose holidays are not loaded shows 暂定 (case
// and list), the calendar import reads the State Council's notice, previews its days and names the
// lines of a date both 休 and 班, and saving it counts the stored deadlines again (the case's
// deadline moves past the new holiday and is final). The browser's clock is pinned to 2026-12-20,
// so the case's 15 days end in 2027, a year the app does not bundle.
import { describe, it } from 'vitest';

import {
  ADMIN,
  appPerSuite,
  containsText,
  loginAndWait,
  logout,
  openModule,
  openTab,
  screenshots,
  signInAs,
  visible,
} from './harness';

const SHOTS = process.env.CALENDAR_SHOTS === '1';
const NOTICE = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至4日（周一）放假调休，共4天。1月9日（周六）上班。`;

describe('工作日历: 暂定 deadlines, importing the notice, recounting', () => {
  const app = appPerSuite({
    prepare: async (a) => {
      await a.page.clock.setFixedTime(new Date(2026, 11, 20, 9, 0, 0));
      await a.page.reload();
    },
    login: 'keyuan',
    timeout: 240_000,
  });
  let regNo = '';
  const shot = (name: string) => screenshots(SHOTS ? '/tmp' : undefined, 'calendar-')(app.page, name);

  async function openCase() {
    const { page } = app;
    await openModule(page, '信访');
    await openTab(page, '信访件');
    await page.getByLabel('登记编号').fill(regNo);
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row').filter({ hasText: regNo });
    await visible(row);
    return row;
  }

  it('registers a letter whose deadline falls in 2027 and shows it 暂定, with why', async () => {
    const { page } = app;
    await openModule(page, '信访');
    await openTab(page, '来信登记');
    await page.getByLabel('收信日期').fill('2026-12-20');
    await page.getByLabel('来信人').fill('暂定测试人');
    await page.getByLabel('所属乡镇').selectOption('金石镇');
    await page.getByLabel('问题类别').selectOption('劳动社保');
    await page.getByLabel('内容摘要').fill('反映村道路灯长期不亮，夜间出行不便，请求尽快维修');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const dup = page.getByRole('region', { name: '重复件检查' });
    await Promise.race([
      page.waitForURL(/#\/petitions\/case\//, { timeout: 20_000 }),
      dup.waitFor({ timeout: 20_000 }),
    ]);
    if (await dup.isVisible()) await page.getByRole('button', { name: '登记为新件' }).click();
    await page.waitForURL(/#\/petitions\/case\//);
    const h = page.getByRole('heading', { level: 3 }).filter({ hasText: /宁信来〔2026〕\d{4}/ });
    await visible(h);
    regNo = ((await h.first().textContent()) ?? '').trim();
    const next = page.getByText('下一期限').locator('..');
    await containsText(next, '2027-01-04');
    await containsText(next, '暂定');
    await page.getByText('暂定', { exact: true }).first().hover();
    await visible(page.getByText('2027年节假日安排尚未导入，期限按无节假日计算，导入后自动重算'));
    await shot('case-provisional');
    const row = await openCase();
    await containsText(row, '2027-01-04');
    await containsText(row, '暂定');
    await shot('list-provisional');
    await logout(page);
  });

  it('refuses a calendar listing a date both 休 and 班, naming the lines and the date', async () => {
    const { page } = app;
    await loginAndWait(page, ADMIN.login, ADMIN.password);
    await openModule(page, '系统');
    await page.getByRole('tab', { name: '工作日历' }).click();
    await visible(page.getByText('落在2027年的期限暂按无节假日计算'));
    const text = page.getByLabel('粘贴通知原文或日历文本');
    await text.fill('2027-01-01 休\n2027-01-02 休\n2027-01-02 班');
    await page.getByRole('button', { name: '读取并预览' }).click();
    await visible(page.getByText('第2行列为“休”，第3行列为“班”：2027-01-02 不能同时是节假日和调休上班日'));
  });

  it('reads the notice as published and shows its days before 保存', async () => {
    const { page } = app;
    await page.getByLabel('粘贴通知原文或日历文本').fill(NOTICE);
    await page.getByRole('button', { name: '读取并预览' }).click();
    await visible(page.getByText('检查通过，请核对下列日期后保存'));
    const preview = page.getByRole('table', { name: '读取到的日期' });
    await visible(preview);
    for (const [date, kind] of [
      ['2027-01-01', '休'],
      ['2027-01-02', '休'],
      ['2027-01-03', '休'],
      ['2027-01-04', '休'],
      ['2027-01-09', '班'],
    ]) {
      const r = preview.getByRole('row').filter({ hasText: date });
      await containsText(r, kind);
      await containsText(r, '第2行');
    }
    await containsText(preview.getByRole('row').filter({ hasText: '2027-01-01' }), '元旦');
    await shot('import-preview');
  });

  it('saves it and counts the stored deadlines again, listing what moved', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '保存日历' }).click();
    const summary = page
      .getByRole('alert')
      .filter({ hasText: /2027年日历已保存，重算期限：\d+ 件，其中 \d+ 件变动/ });
    await visible(summary);
    const moved = summary.getByRole('row').filter({ hasText: regNo });
    await containsText(moved, '2027-01-04');
    await containsText(moved, '2027-01-05');
    await shot('recomputed');
    await logout(page);
  });

  it('shows the recounted deadline as final', async () => {
    const { page } = app;
    await signInAs(page, 'keyuan');
    const row = await openCase();
    await containsText(row, '2027-01-05');
    await row.getByRole('link', { name: regNo }).click();
    const next = page.getByText('下一期限').locator('..');
    await containsText(next, '2027-01-05');
    await visible(page.getByRole('heading', { level: 3 }).filter({ hasText: regNo }));
    if ((await next.first().textContent())?.includes('暂定')) throw new Error('the deadline is still 暂定');
  });
});
