// npm run bench — the benchmark at the scale of ten years, in headless Chromium against the built
// browser mode (real IndexedDB). Prints one table of medians and writes bench-results/bench.json.
// Each figure stands beside a baseline measured in the same run: the same work done by the plainest
// code (raw Dexie reads, a raw exceljs workbook), so the ratio is what compares between machines.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { findChromium } from './find-chromium.mjs';
import { serveStatic } from './serve.mjs';

const SCALE = Number(process.env.BENCH_SCALE ?? 1); // 1 = 10 years of a 40-person bureau
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const HEAVY_RUNS = Number(process.env.BENCH_HEAVY_RUNS ?? 1); // full backup and restore take tens of seconds each

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const OUT = process.env.BENCH_OUT ?? 'out'; // where the two builds go (and are served from)
if (!process.env.BENCH_NO_BUILD) {
  run('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn', '--outDir', `${OUT}/web`]);
  run('npx', ['vite', 'build', '--config', 'vite.bench.config.ts', '--logLevel', 'warn', '--outDir', `${OUT}/bench`]);
}

const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH');
  process.exit(1);
}
const server = await serveStatic(OUT, 0);
const base = `http://127.0.0.1:${server.address().port}`;
// A persistent profile, as the desktop app has: an incognito context gets a small in-memory quota
// that ten years of data (and a restore beside it) would not fit in.
const profile = mkdtempSync(join(tmpdir(), 'xinfang-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1400, height: 900 },
  locale: 'zh-CN',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function benchPage() {
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.error('[page]', m.text()));
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  await page.goto(`${base}/bench/bench.html`);
  await page.waitForFunction(() => !!window.bench);
  return page;
}

// Start-up: from navigation to the 工作台 with its to-dos on screen (login included).
async function startup(login) {
  const times = [];
  const heaps = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base}/web/index.html`);
    await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 120_000 });
    const boot = Date.now() - t0; // the app loaded, the database opened, the login screen shown
    await page.getByLabel('登录名').fill(login.name);
    await page.getByLabel('密码').fill(login.password);
    const t1 = Date.now();
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('#dashboard[data-ready="1"]').waitFor({ timeout: 120_000 });
    // Typing the login form is the user's time, not the app's: it is left out.
    times.push(boot + (Date.now() - t1));
    // Then the petitions list, the largest list screen: its heap must not grow with the data.
    await page.evaluate(() => (window.location.hash = '#/petitions'));
    await page.getByRole('table').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    await page.evaluate(() => globalThis.gc?.());
    heaps.push(await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0));
    await page.close();
  }
  return { ms: median(times), heapMB: median(heaps) / 2 ** 20 };
}

const results = [];
function record(name, ours, baseline, target) {
  results.push({ name, oursMs: ours, baselineMs: baseline, ratio: baseline ? ours / baseline : null, target });
}

const page = await benchPage();
console.log('Preparing an empty database…');
await page.evaluate(() => window.bench.prepareEmpty());
const empty = await startup(await page.evaluate(() => window.bench.login));
console.log(`Start-up, empty: ${empty.ms.toFixed(0)} ms`);

console.log(`Generating ten years of data (scale ${SCALE})…`);
const t0 = Date.now();
page.on('console', (m) => m.type() === 'log' && m.text().startsWith('[gen]') && console.log(m.text()));
const counts = await page.evaluate((scale) => window.bench.prepareFull(scale), SCALE);
console.log(`Generated in ${((Date.now() - t0) / 1000).toFixed(0)} s:`, counts);
const full = await startup(await page.evaluate(() => window.bench.login));
record('启动到工作台（空库 → 满库）', full.ms, empty.ms, '≤ 1.5× 空库');

const scenarios = await page.evaluate(() => window.bench.scenarioNames());
const heavy = new Set(await page.evaluate(() => window.bench.heavyNames()));
for (const name of scenarios) {
  const ours = [];
  const baseline = [];
  let target = '';
  for (let i = 0; i < (heavy.has(name) ? HEAVY_RUNS : RUNS); i++) {
    const r = await page.evaluate((n) => window.bench.runScenario(n), name);
    ours.push(r.ours);
    baseline.push(r.baseline);
    target = r.target;
  }
  if (!ours.length) continue;
  record(name, median(ours), median(baseline), target);
  console.log(`${name}: ${median(ours).toFixed(1)} ms (baseline ${median(baseline).toFixed(1)} ms)`);
}

// Memory: the list screens' heap must not grow with the size of the database.
const heap = { emptyMB: empty.heapMB, fullMB: full.heapMB };

console.log('\n| 场景 | 本系统 (ms, 中位数) | 基线 (ms) | 比值 | 目标 |');
console.log('|---|---:|---:|---:|---|');
for (const r of results) {
  console.log(`| ${r.name} | ${r.oursMs.toFixed(1)} | ${r.baselineMs?.toFixed(1) ?? '—'} | ${r.ratio ? r.ratio.toFixed(2) + '×' : '—'} | ${r.target} |`);
}
console.log(`\nJS heap with the petitions list open: empty ${heap.emptyMB.toFixed(1)} MB, full ${heap.fullMB.toFixed(1)} MB`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify({ at: new Date().toISOString(), scale: SCALE, runs: RUNS, counts, heap, results }, null, 2));
console.log('Written: bench-results/bench.json');
await context.close();
rmSync(profile, { recursive: true, force: true });
server.close();
