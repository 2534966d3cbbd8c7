// The one contract between the Electron main process and the renderer.
// What may cross: plain serialisable requests and results listed here, nothing else.
// Written once (IPC below): the main process derives the channels it accepts (IPC_CHANNELS, any
// other is rejected) and the handlers it must have; the preload derives window.api from it.
// Channel names are prefixed and kebab-case. This file imports nothing (the sandboxed preload
// bundles it).

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

// The sync hub (系统 › 多机同步) the desktop app's main process forwards to (electron/main/hub.ts):
// the page asks app://app/__hub__/<path> and main sends it on to this one hub's /<path>, so the
// page's Content-Security-Policy stays connect-src 'self'. An empty url forgets the hub (sync off);
// ok is false when url is not a plain http(s)://host[:port] (no hub is then set).
export const SYNC_HUB_PATH = '/__hub__';
export type SetSyncHubRequest = { url: string };
export type SetSyncHubResult = { ok: boolean };

export type AppInfo = {
  mode: 'desktop' | 'browser';
  version: string;
  platform: string;
  dataPath?: string;
};

// A channel of the contract: its name, with the request and result types it carries (types only);
// `empty` when it carries no request (the bridge's function then takes no argument).
type NoRequest = Record<string, never>;
type Channel<Name extends string, Req, Res> = {
  readonly name: Name;
  readonly empty: boolean;
  readonly _req?: Req;
  readonly _res?: Res;
};
function channel<Req, Res>() {
  return <Name extends string>(name: Name): Channel<Name, Req, Res> => ({ name, empty: false });
}
function noRequest<Res>() {
  return <Name extends string>(name: Name): Channel<Name, NoRequest, Res> => ({ name, empty: true });
}

// THE contract, written once: each operation of the bridge (window.api), the channel it travels on,
// its request and its result. The channel list the main process accepts, the handlers it must have,
// the preload's bridge and the browser's imitation are all derived from it.
export const IPC = {
  saveFile: channel<SaveFileRequest, SaveFileResult>()('file:save'),
  showPrintDialog: channel<PrintRequest, PrintResult>()('print:show-dialog'),
  savePdf: channel<SavePdfRequest, SaveFileResult>()('print:save-pdf'),
  writeBackup: channel<BackupWriteRequest, BackupWriteResult>()('backup:write'),
  chooseBackupFolder: noRequest<{ folder: string | null }>()('backup:choose-folder'),
  getBackupFolder: noRequest<{ folder: string }>()('backup:get-folder'),
  listBackups: noRequest<{ folder: string; files: BackupFile[] }>()('backup:list'),
  openDataFolder: noRequest<{ ok: boolean }>()('app:open-data-folder'),
  appInfo: noRequest<AppInfo>()('app:info'),
  openAttachment: channel<OpenAttachmentRequest, OpenAttachmentResult>()('attachment:open'),
  setSyncHub: channel<SetSyncHubRequest, SetSyncHubResult>()('sync:set-hub'),
};

type Operation = keyof typeof IPC;
type ChannelOf<C extends string> = Extract<(typeof IPC)[Operation], { name: C }>;
export type IpcChannel = (typeof IPC)[Operation]['name'];
export type IpcRequest<C extends IpcChannel> = NonNullable<ChannelOf<C>['_req']>;
export type IpcResponse<C extends IpcChannel> = NonNullable<ChannelOf<C>['_res']>;

export const IPC_CHANNELS: readonly IpcChannel[] = Object.values(IPC).map((c) => c.name);

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && IPC_CHANNELS.includes(value as IpcChannel);
}

// The one object the preload exposes (window.api) and the browser platform imitates: a function
// per operation; an operation without a request takes no argument.
export type AppBridge = {
  [O in Operation]: [IpcRequest<(typeof IPC)[O]['name']>] extends [NoRequest]
    ? () => Promise<IpcResponse<(typeof IPC)[O]['name']>>
    : (req: IpcRequest<(typeof IPC)[O]['name']>) => Promise<IpcResponse<(typeof IPC)[O]['name']>>;
};
