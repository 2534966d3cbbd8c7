// The export's progress, shown as a notification that fills as the worker writes the rows. Small
// exports finish before it would appear (it waits SHOW_AFTER_MS) and show nothing.
import { Progress, Stack, Text } from '@mantine/core';

import { hideNotice, showNotice, updateNotice } from '../components/notify';

import type { ExportProgress } from './xlsx';

const SHOW_AFTER_MS = 300;
const UPDATE_EVERY_MS = 100;
let counter = 0;

function body(p: ExportProgress | null) {
  if (!p) return <Text size="sm">正在准备数据…</Text>;
  const pct = p.phase === 'pack' || p.total === 0 ? 100 : Math.round((p.done / p.total) * 100);
  return (
    <Stack gap={4}>
      <Text size="sm">
        {p.phase === 'pack' ? `已写入 ${p.total} 行，正在生成文件…` : `已写入 ${p.done} / ${p.total} 行`}
      </Text>
      <Progress value={pct} animated={p.phase === 'pack'} aria-label="导出进度" />
    </Stack>
  );
}

export function exportNotice(title: string): { progress: (p: ExportProgress) => void; close: () => void } {
  const id = `export-${++counter}`;
  let shown = false;
  let latest: ExportProgress | null = null;
  let lastDrawn = 0;
  const timer = setTimeout(() => {
    shown = true;
    lastDrawn = Date.now();
    showNotice({ id, title, message: body(latest), loading: true, autoClose: false, withCloseButton: false });
  }, SHOW_AFTER_MS);
  return {
    progress(p) {
      latest = p;
      if (!shown || (p.phase === 'rows' && Date.now() - lastDrawn < UPDATE_EVERY_MS)) return;
      lastDrawn = Date.now();
      updateNotice({ id, title, message: body(p), loading: true, autoClose: false, withCloseButton: false });
    },
    close() {
      clearTimeout(timer);
      if (shown) hideNotice(id);
    },
  };
}
