// Steps of the 信访 screens shared by the e2e files that register letters (petitions, informant,
// imports, sync).
import type { Page } from 'playwright-core';

import { visible } from './harness';

// Saves the letter form: straight to the case, or to the duplicate check (returned, to be looked at).
export async function saveLetter(page: Page) {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const dup = page.getByRole('region', { name: '重复件检查' });
  await Promise.race([
    page.waitForURL(/#\/petitions\/case\//, { timeout: 20_000 }),
    dup.waitFor({ timeout: 20_000 }),
  ]);
  return (await dup.isVisible()) ? dup : null;
}

// Saves the letter form; if the duplicate check offers candidates the test did not expect, registers it as new.
export async function saveAsNew(page: Page) {
  if (await saveLetter(page)) await page.getByRole('button', { name: '登记为新件' }).click();
  await page.waitForURL(/#\/petitions\/case\//);
}

// The registration number of the case on the screen (宁信来〔year〕nnnn).
export async function currentRegNo(page: Page): Promise<string> {
  const h = page.getByRole('heading', { level: 3 }).filter({ hasText: /宁信来〔\d{4}〕\d{4}/ });
  await visible(h);
  return ((await h.first().textContent()) ?? '').trim();
}

// A row of the case's details table, by its heading cell.
export function infoRow(page: Page, label: string) {
  return page.locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) });
}
