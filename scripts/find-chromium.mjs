// Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, /usr/bin/chromium, or Playwright's own
// download. Prints its path; fails with instructions when there is none.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const pwCache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(pwCache)) {
    for (const d of readdirSync(pwCache).filter((n) => n.startsWith('chromium')).sort().reverse()) {
      candidates.push(join(pwCache, d, 'chrome-linux', 'chrome'), join(pwCache, d, 'chrome-linux64', 'chrome'));
    }
  }
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findChromium();
  if (!found) {
    console.error(
      [
        '找不到用于端到端测试的 Chromium 浏览器。',
        'No Chromium found for the end-to-end tests. Install one of:',
        '  - Debian/Ubuntu: sudo apt-get install -y chromium',
        '  - or set CHROMIUM_PATH=/path/to/chrome',
        '  - or (with internet access) npx playwright install chromium',
      ].join('\n'),
    );
    process.exit(1);
  }
  console.log(`Chromium: ${found}`);
}
