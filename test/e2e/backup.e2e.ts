// 备份与恢复: a manual backup downloads a file; restoring it after a change brings the old data
// back (and survives a reload); a tampered or truncated file is refused in Chinese.
import { readFileSync, writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ADMIN, completeSetup, containsText, loginAndWait, openModule, startApp, visible } from './harness';
import type { App } from './harness';

const FILE = '/tmp/xinfang-e2e-backup.json';

describe('backup and restore', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
    await completeSetup(app.page);
    await loginAndWait(app.page, ADMIN.login, ADMIN.password);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function openTab(label: string) {
    const { page } = app;
    await openModule(page, '系统');
    await page.getByRole('tab', { name: label }).click();
  }

  async function addStaff(name: string) {
    const { page } = app;
    await openTab('股室与人员');
    await page.getByRole('button', { name: '新增人员' }).click();
    const dlg = page.getByRole('dialog', { name: '新增人员' });
    await dlg.getByLabel('姓名').fill(name);
    await dlg.getByRole('button', { name: '保存' }).click();
    await visible(page.getByRole('row', { name: new RegExp(name) }));
  }

  async function chooseFile(path: string) {
    const { page } = app;
    await openTab('备份与恢复');
    await page.getByLabel('选择备份文件').setInputFiles(path);
  }

  it('立即备份 downloads one JSON file named by the pattern, with a manifest and the data', async () => {
    const { page } = app;
    await addStaff('备份前甲');
    await openTab('备份与恢复');
    await visible(page.getByText('上次备份：从未备份'));
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: '立即备份' }).click();
    const d = await dl;
    expect(d.suggestedFilename()).toMatch(/^xinfang-backup-\d{8}-\d{6}\.json$/);
    await d.saveAs(FILE);
    await visible(page.getByText('备份完成', { exact: true }));
    const json = JSON.parse(readFileSync(FILE, 'utf8'));
    expect(json.manifest).toMatchObject({ app: 'xinfang-office', unitName: ADMIN.unit });
    expect(json.manifest.counts.staff).toBe(2);
    expect(json.data.staff.map((s: { name: string }) => s.name).sort()).toEqual([ADMIN.name, '备份前甲'].sort());
    expect(json.data.audit.length).toBe(json.manifest.counts.audit);
    await containsText(page.getByText(/^上次备份：/), d.suggestedFilename());
  });

  it('refuses a tampered or truncated file in Chinese, touching nothing', async () => {
    const { page } = app;
    const text = readFileSync(FILE, 'utf8');
    writeFileSync('/tmp/xinfang-e2e-tampered.json', text.replace('备份前甲', '备份前丙'));
    await chooseFile('/tmp/xinfang-e2e-tampered.json');
    await containsText(page.getByRole('alert').filter({ hasText: '不能用此文件恢复' }), '备份文件校验失败');
    expect(await page.getByRole('button', { name: '恢复此备份' }).count()).toBe(0);
    writeFileSync('/tmp/xinfang-e2e-truncated.json', text.slice(0, Math.floor(text.length / 2)));
    await page.getByLabel('选择备份文件').setInputFiles('/tmp/xinfang-e2e-truncated.json');
    await containsText(page.getByRole('alert').filter({ hasText: '不能用此文件恢复' }), '备份文件不完整');
    writeFileSync('/tmp/xinfang-e2e-foreign.json', '{"name":"另一个软件"}');
    await page.getByLabel('选择备份文件').setInputFiles('/tmp/xinfang-e2e-foreign.json');
    await containsText(page.getByRole('alert').filter({ hasText: '不能用此文件恢复' }), '这不是本系统的备份文件');
  });

  it('restores the backup after a change: the old data is back, also after a reload', async () => {
    const { page } = app;
    await addStaff('备份后乙');
    await chooseFile(FILE);
    await visible(page.getByText('备份文件检查通过'));
    await page.getByRole('button', { name: '恢复此备份' }).click();
    const confirm = page.getByRole('dialog', { name: '确认从备份恢复' });
    await visible(confirm.getByText('替换本机当前的全部数据'));
    await confirm.getByRole('button', { name: '确定恢复' }).click();
    const done = page.getByRole('dialog', { name: '恢复完成' });
    await visible(done.getByText('审计链校验通过'));
    await page.screenshot({ path: '/tmp/backup-restored.png', fullPage: true });
    await done.getByRole('button', { name: '重新登录' }).click();
    await loginAndWait(page, ADMIN.login, ADMIN.password);
    await openTab('股室与人员');
    await visible(page.getByRole('row', { name: /备份前甲/ }));
    expect(await page.getByRole('row', { name: /备份后乙/ }).count()).toBe(0);
    // The restore is recorded in the audit trail, and the restored database is the one opened next time.
    await openTab('审计日志');
    await containsText(page.getByRole('table'), '从备份恢复');
    await page.reload();
    await loginAndWait(page, ADMIN.login, ADMIN.password);
    await openTab('股室与人员');
    await visible(page.getByRole('row', { name: /备份前甲/ }));
    expect(await page.getByRole('row', { name: /备份后乙/ }).count()).toBe(0);
    await openTab('备份与恢复');
    await page.screenshot({ path: '/tmp/backup-tab.png', fullPage: true });
  });

  it('switches back to the data the restore replaced, after a confirmation, and forth again', async () => {
    const { page } = app;
    await openTab('备份与恢复');
    await page.getByRole('button', { name: '切换回恢复前的数据' }).click();
    const confirm = page.getByRole('dialog', { name: '确认切换到恢复前的数据' });
    await confirm.getByRole('button', { name: '确定切换' }).click();
    await page.getByRole('dialog', { name: '已切换' }).getByRole('button', { name: '重新登录' }).click();
    await loginAndWait(page, ADMIN.login, ADMIN.password);
    await openTab('股室与人员');
    // The staff member added after the backup is there again: this is the data from before the restore.
    await visible(page.getByRole('row', { name: /备份后乙/ }));
    await openTab('审计日志');
    await containsText(page.getByRole('table'), '由恢复后的数据切换回本数据');
    // …and forth again to the restored data.
    await openTab('备份与恢复');
    await page.getByRole('button', { name: '切换回恢复前的数据' }).click();
    await page.getByRole('dialog', { name: '确认切换到恢复前的数据' }).getByRole('button', { name: '确定切换' }).click();
    await page.getByRole('dialog', { name: '已切换' }).getByRole('button', { name: '重新登录' }).click();
    await loginAndWait(page, ADMIN.login, ADMIN.password);
    await openTab('股室与人员');
    await visible(page.getByRole('row', { name: /备份前甲/ }));
    expect(await page.getByRole('row', { name: /备份后乙/ }).count()).toBe(0);
  });
});
