// The one contract between the Electron main process and the renderer.
// What may cross: plain serialisable requests and results listed here, nothing else.
// Both sides import it with `import type`; the main process also uses IPC_CHANNELS to reject
// any channel outside the contract. Channel names are prefixed and kebab-case.

export type FileFilter = { name: string; extensions: string[] };

export type SaveFileRequest = {
  suggestedName: string;
  data: Uint8Array;
  filters?: FileFilter[];
};
export type SaveFileResult = { saved: boolean; path?: string };

export type PrintRequest = { title?: string; pageSize?: 'A3' | 'A4' | 'A5'; landscape?: boolean };
export type PrintResult = { ok: boolean; error?: string };
export type SavePdfRequest = PrintRequest & { suggestedName: string };

export type BackupWriteRequest = { fileName: string; data: Uint8Array };
export type BackupWriteResult = { path: string; removed: string[] };
export type BackupFile = { name: string; size: number; modifiedAt: string };

// An attachment (image or PDF, see shared/attachments.ts) handed to the operating system to open.
export type OpenAttachmentRequest = { name: string; data: Uint8Array };
export type OpenAttachmentResult = { opened: boolean; error?: string };

export type AppInfo = {
  mode: 'desktop' | 'browser';
  version: string;
  platform: string;
  dataPath?: string;
};

export type IpcContract = {
  'file:save': { req: SaveFileRequest; res: SaveFileResult };
  'print:show-dialog': { req: PrintRequest; res: PrintResult };
  'print:save-pdf': { req: SavePdfRequest; res: SaveFileResult };
  'backup:write': { req: BackupWriteRequest; res: BackupWriteResult };
  'backup:choose-folder': { req: Record<string, never>; res: { folder: string | null } };
  'backup:get-folder': { req: Record<string, never>; res: { folder: string } };
  'backup:list': { req: Record<string, never>; res: { folder: string; files: BackupFile[] } };
  'app:open-data-folder': { req: Record<string, never>; res: { ok: boolean } };
  'app:info': { req: Record<string, never>; res: AppInfo };
  'attachment:open': { req: OpenAttachmentRequest; res: OpenAttachmentResult };
};

export type IpcChannel = keyof IpcContract;
export type IpcRequest<C extends IpcChannel> = IpcContract[C]['req'];
export type IpcResponse<C extends IpcChannel> = IpcContract[C]['res'];

export const IPC_CHANNELS = [
  'file:save',
  'print:show-dialog',
  'print:save-pdf',
  'backup:write',
  'backup:choose-folder',
  'backup:get-folder',
  'backup:list',
  'app:open-data-folder',
  'app:info',
  'attachment:open',
] as const satisfies readonly IpcChannel[];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value);
}

// The one object the preload exposes (window.api) and the browser platform imitates.
export type AppBridge = {
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  showPrintDialog(req: PrintRequest): Promise<PrintResult>;
  savePdf(req: SavePdfRequest): Promise<SaveFileResult>;
  writeBackup(req: BackupWriteRequest): Promise<BackupWriteResult>;
  chooseBackupFolder(): Promise<{ folder: string | null }>;
  getBackupFolder(): Promise<{ folder: string }>;
  listBackups(): Promise<{ folder: string; files: BackupFile[] }>;
  openDataFolder(): Promise<{ ok: boolean }>;
  appInfo(): Promise<AppInfo>;
  openAttachment(req: OpenAttachmentRequest): Promise<OpenAttachmentResult>;
};
