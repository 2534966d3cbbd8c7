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
export const platform: AppBridge = (typeof window !== 'undefined' && window.api) || browserBridge;

export const XLSX_FILTER = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

export async function saveXlsx(suggestedName: string, data: Uint8Array) {
  return platform.saveFile({ suggestedName, data, filters: XLSX_FILTER });
}
