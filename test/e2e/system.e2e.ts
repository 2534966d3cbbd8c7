// 系统: staff and logins, a password reset by the administrator, the audit viewer, the calendar.
import { describe, expect, it } from 'vitest';

import {
  ADMIN,
  appPerSuite,
  containsText,
  login,
  loginAndWait,
  logout,
  openModule,
  visible,
} from './harness';

const NAME = '测试员张三';

describe('系统: users, roles, audit, calendar', () => {
  const app = appPerSuite({ setup: 'admin', login: ADMIN });

  async function openTab(label: string) {
    const { page } = app;
    await openModule(page, '系统');
    await visible(page.getByRole('heading', { name: '系统', exact: true }));
    await page.getByRole('tab', { name: label }).click();
  }

  it('creates a staff member with a section and a role', async () => {
    const { page } = app;
    await openTab('股室与人员');
    await page.getByRole('button', { name: '新增人员' }).click();
    const dlg = page.getByRole('dialog', { name: '新增人员' });
    await dlg.getByLabel('姓名').fill(NAME);
    await dlg.getByRole('combobox', { name: '股室' }).click();
    await page.getByRole('option', { name: '办信股' }).click();
    await dlg.getByRole('combobox', { name: '角色' }).click({ force: true }); // the pills field sits under its wrapper
    await page.getByRole('option', { name: '信访业务' }).click();
    await dlg.getByLabel('姓名').click(); // closes the role list
    await dlg.getByLabel('电话').fill('13800001111');
    await dlg.getByRole('button', { name: '保存' }).click();
    const row = page.getByRole('row', { name: new RegExp(NAME) });
    await visible(row);
    await containsText(row, '办信股');
    await containsText(row, '信访业务');
  });

  it('creates a login for them; they log in and change the temporary password', async () => {
    const { page } = app;
    await openTab('用户与角色');
    const row = page.getByRole('row', { name: new RegExp(NAME) });
    await row.getByRole('button', { name: '创建登录' }).click();
    const dlg = page.getByRole('dialog');
    await dlg.getByLabel('登录名').fill('zhangsan');
    await dlg.getByLabel('初始密码', { exact: true }).fill('short');
    await dlg.getByLabel('确认初始密码').fill('short');
    await dlg.getByRole('button', { name: '创建账户' }).click();
    await visible(dlg.getByText('密码至少8位')); // refused at the field, nothing typed lost
    expect(await dlg.getByLabel('登录名').inputValue()).toBe('zhangsan');
    await dlg.getByLabel('初始密码', { exact: true }).fill('Temp1234');
    await dlg.getByLabel('确认初始密码').fill('Temp1234');
    await dlg.getByRole('button', { name: '创建账户' }).click();
    await containsText(row, 'zhangsan');
    await containsText(row, '待改初始密码');

    await logout(page);
    await loginAndWait(page, 'zhangsan', 'Temp1234');
    // A temporary password must be changed before anything else: the app asks at once.
    const force = page.getByRole('dialog', { name: '请先修改临时密码' });
    await visible(force);
    await force.getByLabel('原密码').fill('Temp1234');
    await force.getByLabel('新密码', { exact: true }).fill('Mine5678');
    await force.getByLabel('确认新密码').fill('Mine5678');
    await force.getByRole('button', { name: '保存新密码' }).click();
    await force.waitFor({ state: 'hidden' });
    await openModule(page, '系统');
    await visible(page.getByRole('tab', { name: '修改密码' }));
    expect(await page.getByRole('tab', { name: '用户与角色' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: '审计日志' }).count()).toBe(0);
    await logout(page);
  });

  it('the administrator resets the password; only the new temporary one works', async () => {
    const { page } = app;
    await loginAndWait(page, ADMIN.login, ADMIN.password);
    await openTab('用户与角色');
    const row = page.getByRole('row', { name: new RegExp(NAME) });
    await containsText(row, '正常');
    await row.getByRole('button', { name: '重置密码' }).click();
    const dlg = page.getByRole('dialog');
    await visible(dlg.getByText('原密码无法查看'));
    await dlg.getByLabel('临时密码', { exact: true }).fill('Reset999a');
    await dlg.getByLabel('确认临时密码').fill('Reset999a');
    await dlg.getByRole('button', { name: '设置临时密码' }).click();
    await containsText(row, '待改初始密码');
    await logout(page);
    await login(page, 'zhangsan', 'Mine5678');
    await containsText(page.getByRole('alert'), '登录名或密码错误');
    await loginAndWait(page, 'zhangsan', 'Reset999a');
    const force = page.getByRole('dialog', { name: '请先修改临时密码' });
    await visible(force);
    await force.getByLabel('原密码').fill('Reset999a');
    await force.getByLabel('新密码', { exact: true }).fill('Again2468');
    await force.getByLabel('确认新密码').fill('Again2468');
    await force.getByRole('button', { name: '保存新密码' }).click();
    await force.waitFor({ state: 'hidden' });
    await logout(page);
  });

  it('the audit viewer shows these entries and the chain verifies', async () => {
    const { page } = app;
    await loginAndWait(page, ADMIN.login, ADMIN.password);
    await openTab('审计日志');
    await page.getByRole('combobox', { name: '数据表' }).click();
    await page.getByRole('option', { name: /^账户/ }).click();
    const table = page.getByRole('table');
    await containsText(table, '管理员重置密码');
    await containsText(table, '本人修改密码');
    await containsText(table, '创建账户');
    await containsText(table, NAME);
    await containsText(table, '密码：（已更改，不显示）'); // hashes are never shown
    await page.getByRole('button', { name: '校验审计链' }).click();
    await visible(page.getByText('审计链完整'));
    await page.screenshot({ path: '/tmp/system-audit.png', fullPage: true });
  });

  it('the calendar tab adds a date of next year', async () => {
    const { page } = app;
    await openTab('工作日历');
    await visible(page.getByText('尚未录入2027年的节假日安排'));
    const input = page.getByRole('textbox', { name: '日期' });
    await input.fill('2027-01-01');
    await input.press('Escape');
    await page.getByRole('button', { name: '添加日期' }).click();
    await visible(page.getByText('2027-01-01 周五'));
    await visible(page.getByText('2027年：休1天 · 班0天'));
    // A make-up workday on a weekday is refused at the field.
    await input.fill('2027-01-04');
    await input.press('Escape');
    await page.getByText('班（调休上班）').click();
    await page.getByRole('button', { name: '添加日期' }).click();
    await visible(page.getByText('调休上班日应为周六或周日'));
    await page.screenshot({ path: '/tmp/system-calendar.png', fullPage: true });
  });
});
