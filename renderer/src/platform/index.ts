// The only place that knows whether the app runs in Electron (window.api from the preload) or in
// a plain browser (downloads and window.print()). Everything else calls `platform`.
import type { AppBridge } from '../../../shared/ipc';

import { browserBridge } from './browser';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- global augmentation needs an interface
  interface Window {
    api?: AppBridge;
  }
}

export const isDesktop = typeof window !== 'undefined' && !!window.api;
const bridge: AppBridge = (typeof window !== 'undefined' && window.api) || browserBridge;

// The desktop print job and PDF take their name from document.title: set it around printing.
async function withTitle<T>(title: string | undefined, fn: () => Promise<T>): Promise<T> {
  const prev = document.title;
  if (title) document.title = title;
  try {
    return await fn();
  } finally {
    document.title = prev;
  }
}

export const platform: AppBridge = {
  ...bridge,
  showPrintDialog: (req) => withTitle(req.title, () => bridge.showPrintDialog(req)),
  savePdf: (req) => withTitle(req.title, () => bridge.savePdf(req)),
};

export const XLSX_FILTER = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

export async function saveXlsx(suggestedName: string, data: Uint8Array) {
  return platform.saveFile({ suggestedName, data, filters: XLSX_FILTER });
}
