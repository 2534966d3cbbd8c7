import { Button, Group, Paper } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import type { ReactNode } from 'react';

import { isDesktop, platform } from '../platform';

import { errorMessage, notifyError } from './notify';

export type PaperSize = 'A3' | 'A4' | 'A5';

const SIZES: Record<PaperSize, { w: number; h: number }> = {
  A3: { w: 297, h: 420 }, // a wide ledger (shared/ledger.ts)
  A4: { w: 210, h: 297 },
  A5: { w: 148, h: 210 },
};

// A print view: the form as it will come out of the printer, with 打印 (the system dialog in the
// desktop app, window.print() in the browser) and 保存为PDF (desktop). Only .print-area is printed
// (app/print.css takes everything else out of the printed page). `beforePrint` runs first (a number
// issued on first printing, components/FormPrint.tsx), and the page is printed once it has rendered.
export function PrintView({
  title,
  size = 'A4',
  landscape = false,
  children,
  onPrinted,
  extraActions,
  beforePrint,
  margin = 12,
}: {
  title: string;
  size?: PaperSize;
  landscape?: boolean;
  children: ReactNode;
  onPrinted?: (how: 'print' | 'pdf') => void | Promise<void>;
  extraActions?: ReactNode;
  beforePrint?: () => Promise<void>;
  margin?: number; // mm, every side
}) {
  const { w, h } = SIZES[size];
  const width = landscape ? h : w;
  const height = landscape ? w : h;
  async function ready() {
    if (!beforePrint) return;
    await beforePrint();
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  }
  async function print() {
    try {
      await ready();
      const r = await platform.showPrintDialog({ title, pageSize: size, landscape });
      if (r.ok) await onPrinted?.('print');
      else if (r.error) notifyError(new Error(r.error));
    } catch (e) {
      notifyError(e, errorMessage(e));
    }
  }
  async function pdf() {
    try {
      await ready();
      const r = await platform.savePdf({ title, suggestedName: `${title}.pdf`, pageSize: size, landscape });
      if (r.saved) await onPrinted?.('pdf');
    } catch (e) {
      notifyError(e);
    }
  }
  return (
    <div>
      <style>{`@page { size: ${size} ${landscape ? 'landscape' : 'portrait'}; margin: ${margin}mm; }`}</style>
      <Group className="no-print" mb="sm">
        <Button leftSection={<IconPrinter size={16} />} onClick={print}>
          打印
        </Button>
        {isDesktop && (
          <Button variant="default" onClick={pdf}>
            保存为PDF
          </Button>
        )}
        {extraActions}
      </Group>
      <Paper
        className="print-area"
        shadow="sm"
        withBorder
        p={`${margin}mm`}
        style={{ width: `${width}mm`, minHeight: `${height}mm`, boxSizing: 'border-box', margin: '0 auto' }}
        data-paper={size}
      >
        {children}
      </Paper>
    </div>
  );
}
