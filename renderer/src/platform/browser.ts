// Browser mode: the same AppBridge for a plain browser. Save and backup become downloads, printing
// is window.print(), PDF is the browser's own "save as PDF" in its print dialog. Opening an
// attachment is a download too (the browser opens it from its download bar): the app's
// Content-Security-Policy allows no frames or plug-ins, so a PDF cannot be shown inside the page;
// images are shown in the page by AttachmentLink before it comes to this.
import { OPENABLE_ATTACHMENT_TYPES, attachmentExtension } from '../../../shared/attachments';
import type { AppBridge, BackupWriteRequest, PrintRequest, SaveFileRequest } from '../../../shared/ipc';

function download(name: string, data: Uint8Array, type = 'application/octet-stream') {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function printNow(req: PrintRequest) {
  const prev = document.title;
  if (req.title) document.title = req.title;
  window.print();
  document.title = prev;
  return Promise.resolve({ ok: true });
}

export const browserBridge: AppBridge = {
  saveFile: (req: SaveFileRequest) => {
    download(req.suggestedName, req.data);
    return Promise.resolve({ saved: true, path: req.suggestedName });
  },
  showPrintDialog: printNow,
  savePdf: (req) => printNow(req).then(() => ({ saved: false })),
  writeBackup: (req: BackupWriteRequest) => {
    download(req.fileName, req.data, 'application/json');
    return Promise.resolve({ path: req.fileName, removed: [] });
  },
  chooseBackupFolder: () => Promise.resolve({ folder: null }),
  getBackupFolder: () => Promise.resolve({ folder: '浏览器下载文件夹' }),
  listBackups: () => Promise.resolve({ folder: '浏览器下载文件夹', files: [] }),
  openDataFolder: () => Promise.resolve({ ok: false }),
  openAttachment: (req) => {
    download(req.name, req.data, OPENABLE_ATTACHMENT_TYPES[attachmentExtension(req.name)]);
    return Promise.resolve({ opened: true });
  },
  // the browser mode connects to the hub itself (its server's CSP names it): nothing to forward
  setSyncHub: () => Promise.resolve({ ok: true }),
  appInfo: () =>
    Promise.resolve({
      mode: 'browser',
      version: '0.1.0',
      platform: navigator.userAgent,
      dataPath: '浏览器 IndexedDB',
    }),
};
