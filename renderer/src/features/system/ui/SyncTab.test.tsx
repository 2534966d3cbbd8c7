// 系统 › 多机同步 before its stored settings are read: no form to type into yet (the form opens with
// the stored values; the old one showed empty fields and overwrote what was typed when they came).
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

const stored = vi.hoisted(() => ({ view: undefined as unknown }));
vi.mock('dexie-react-hooks', () => ({
  useLiveQuery: (q: () => unknown) => (String(q).includes('syncView') ? stored.view : undefined),
}));

import { SyncTab } from './SyncTab';

const render = () =>
  renderToStaticMarkup(
    <MantineProvider>
      <SyncTab />
    </MantineProvider>,
  );

describe('SyncTab', () => {
  it('shows no field until the stored settings are read', () => {
    stored.view = undefined;
    const html = render();
    expect(html).toContain('正在读取…');
    expect(html).not.toContain('同步中心地址');
  });

  it('then opens the form with the stored values', () => {
    stored.view = {
      enabled: false,
      hasPassword: false,
      form: { hubUrl: 'http://192.168.1.10:5984', user: 'pc1', password: '', pcName: '办公室一号机' },
    };
    const html = render();
    expect(html).toContain('同步中心地址');
    expect(html).toContain('value="http://192.168.1.10:5984"');
    expect(html).toContain('value="办公室一号机"');
  });
});
