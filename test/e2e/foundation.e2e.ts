import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ADMIN, completeSetup, containsText, login, loginAndWait, logout, openModule, startApp, visible } from './harness';
import type { App } from './harness';

const NAV = ['工作台', '信访', '考勤', '请假与外出', '公文', '印章', '会议', '学习', '宣传奖励', '财务', '廉政', '考核与监督', '值班与车辆', '系统'];

describe('foundation: first run, login, roles, navigation', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a bad setup form with Chinese messages and keeps what was typed', async () => {
    const { page } = app;
    await page.getByLabel('单位名称').fill(ADMIN.unit);
    await page.getByLabel('密码', { exact: true }).fill('short');
    await page.getByLabel('确认密码').fill('other');
    await page.getByRole('button', { name: '完成初始化' }).click();
    await visible(page.getByText('请填写管理员姓名'));
    await visible(page.getByText('密码至少8位'));
    await visible(page.getByText('两次输入的密码不一致'));
    expect(await page.getByLabel('单位名称').inputValue()).toBe(ADMIN.unit);
  });

  it('completes first-run setup and logs in', async () => {
    const { page } = app;
    await page.getByLabel('密码', { exact: true }).fill('');
    await page.getByLabel('确认密码').fill('');
    await completeSetup(page);
    await loginAndWait(page, ADMIN.login, ADMIN.password);
    await visible(page.getByRole('heading', { name: '工作台' }));
  });

  it('shows every navigation item and each page opens', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const label of NAV) {
      await visible(nav.getByRole('link', { name: label, exact: true }));
      await openModule(page, label);
      await visible(page.getByRole('heading', { name: label, exact: true }).first());
    }
  });

  it('logs out, refuses a wrong password in Chinese, and locks after five tries', async () => {
    const { page } = app;
    await logout(page);
    for (let i = 1; i <= 4; i++) {
      await login(page, ADMIN.login, 'Wrong0000');
      await containsText(page.getByRole('alert'), `登录名或密码错误（还可尝试${5 - i}次）`);
    }
    await login(page, ADMIN.login, 'Wrong0000');
    await containsText(page.getByRole('alert'), '账户已锁定15分钟');
    // The right password is refused while locked.
    await login(page, ADMIN.login, ADMIN.password);
    await containsText(page.getByRole('alert'), '账户已锁定');
  });

  it('keeps the data after a reload', async () => {
    const { page } = app;
    await page.reload();
    await visible(page.getByRole('button', { name: '登录' }));
    await visible(page.getByRole('heading', { name: ADMIN.unit }));
  });
});
