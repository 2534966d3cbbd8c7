// 备份与恢复: a manual backup downloads a file; restoring it after a change brings the old data
// back (and survives a reload); a tampered or truncated file is refused in Chinese.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { ADMIN, appPerSuite, containsText, loginAndWait, openModule, visible } from './harness';

const FILE = '/tmp/xinfang-e2e-backup.json';

// A forger's edit of a backup file: the data part's lines changed, then the manifest's counts, length
// and SHA-256 recomputed exactly as the format does (renderer/src/backup/format.ts), so every format
// check passes.
function forge(text: string, change: (lines: string[]) => string[]): string {
  const nl = text.indexOf('\n');
  const head = text.slice(0, nl);
  const m = JSON.parse(head.slice(head.indexOf('"manifest":') + 11, head.length - ',"data":'.length));
  const lines = change(text.slice(nl + 1, text.length - 3).split('\n'));
  let table = '';
  for (const l of lines) {
    const open = /^"(\w+)":\[$/.exec(l);
    if (open) m.counts[(table = open[1])] = 0;
    else if (l.startsWith(',{') || (l.startsWith('{') && l !== '{')) m.counts[table]++;
  }
  const data = lines.join('\n');
  m.dataBytes = Buffer.byteLength(data, 'utf8');
  m.sha256 = createHash('sha256').update(data, 'utf8').digest('hex');
  return `{"format":"xinfang-backup","manifest":${JSON.stringify(m)},"data":\n${data}\n}\n`;
}

// Drops the records of a table that match, keeping the separating commas right.
function dropRecords(lines: string[], table: string, match: (line: string) => boolean): string[] {
  const start = lines.indexOf(`"${table}":[`) + 1;
  let end = start;
  while (!lines[end].startsWith(']')) end++;
  const kept = lines.slice(start, end).filter((l) => !match(l));
  return [
    ...lines.slice(0, start),
    ...kept.map((l, i) => (i === 0 ? l.replace(/^,/, '') : l.startsWith(',') ? l : ',' + l)),
    ...lines.slice(end),
  ];
}

describe('backup and restore', () => {
  const app = appPerSuite({ setup: 'admin', login: ADMIN });

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
    expect(json.data.staff.map((s: { name: string }) => s.name).sort()).toEqual(
      [ADMIN.name, '备份前甲'].sort(),
    );
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
    await containsText(
      page.getByRole('alert').filter({ hasText: '不能用此文件恢复' }),
      '这不是本系统的备份文件',
    );
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
    await page
      .getByRole('dialog', { name: '确认切换到恢复前的数据' })
      .getByRole('button', { name: '确定切换' })
      .click();
    await page.getByRole('dialog', { name: '已切换' }).getByRole('button', { name: '重新登录' }).click();
    await loginAndWait(page, ADMIN.login, ADMIN.password);
    await openTab('股室与人员');
    await visible(page.getByRole('row', { name: /备份前甲/ }));
    expect(await page.getByRole('row', { name: /备份后乙/ }).count()).toBe(0);
  });

  it('a forged backup (a record removed, manifest recomputed) is refused until the admin accepts the red warning, and the acceptance is audited', async () => {
    const { page } = app;
    await addStaff('伪造前丁');
    await openTab('备份与恢复');
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: '立即备份' }).click();
    const fresh = '/tmp/xinfang-e2e-fresh.json';
    await (await dl).saveAs(fresh);
    const text = readFileSync(fresh, 'utf8');
    const gone = JSON.parse(text).data.staff.find((s: { name: string }) => s.name === '伪造前丁');

    // An audit entry rewritten (checksum recomputed): the chain is broken, the file is refused.
    const chainForged = forge(text, (lines) =>
      lines.map((l) =>
        l.includes('"action":"create"') && l.includes('伪造前丁') ? l.replace('伪造前丁', '伪造前戊') : l,
      ),
    );
    writeFileSync('/tmp/xinfang-e2e-chain.json', chainForged);
    await chooseFile('/tmp/xinfang-e2e-chain.json');
    await containsText(page.getByRole('alert').filter({ hasText: '不能用此文件恢复' }), '审计链有断点');
    expect(await page.getByRole('button', { name: '恢复此备份' }).count()).toBe(0);

    // The record removed, its audit entries left: every format check passes, the trail does not.
    writeFileSync(
      '/tmp/xinfang-e2e-forged.json',
      forge(text, (lines) => dropRecords(lines, 'staff', (l) => l.includes(`"id":"${gone.id}"`))),
    );
    await page.getByLabel('选择备份文件').setInputFiles('/tmp/xinfang-e2e-forged.json');
    const warning = page.getByRole('alert').filter({ hasText: '警告：备份中的数据与其审计记录有 1 处不符' });
    await visible(warning);
    const row = warning.getByRole('row', { name: /伪造前丁/ });
    await containsText(row, '记录缺失');
    await containsText(row, '人员');
    await visible(page.getByText('备份文件格式与校验码无误'));
    expect(await page.getByText('备份文件检查通过').count()).toBe(0);
    const restore = page.getByRole('button', { name: '恢复此备份' });
    expect(await restore.isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/backup-forged-warning.png', fullPage: true });

    await page.getByLabel(/我已知悉以上 1 处不符/).check();
    expect(await restore.isDisabled()).toBe(false);
    await restore.click();
    const confirm = page.getByRole('dialog', { name: '确认从备份恢复' });
    await visible(confirm.getByText('此备份与其审计记录有 1 处不符'));
    await confirm.getByRole('button', { name: '确定恢复' }).click();
    const done = page.getByRole('dialog', { name: '恢复完成' });
    await visible(done.getByText('已按管理员确认恢复：备份与审计记录不符'));
    expect(await done.getByText('审计链校验通过').count()).toBe(0);
    await page.screenshot({ path: '/tmp/backup-forged-restored.png', fullPage: true });
    await done.getByRole('button', { name: '重新登录' }).click();
    await loginAndWait(page, ADMIN.login, ADMIN.password);
    await openTab('股室与人员');
    await visible(page.getByRole('row', { name: /备份前甲/ }));
    expect(await page.getByRole('row', { name: /伪造前丁/ }).count()).toBe(0);
    // The admin's acceptance is in the restored data's audit trail, naming what did not match.
    await openTab('审计日志');
    await containsText(page.getByRole('table'), '管理员已知悉备份与审计记录有 1 处不符，仍要恢复');
    await containsText(page.getByRole('table'), '人员 伪造前丁 缺失');
    await page.screenshot({ path: '/tmp/backup-forged-audit.png', fullPage: true });
  });
});
