// The main-process side of shared/ipc.ts. What may cross: only the channels of IPC_CHANNELS, only
// from a frame of the app itself (app://app, or the dev server in development), and only requests
// of the exact shape the contract names; anything else is refused before a handler runs. Handlers
// receive validated, sanitised requests and never see raw renderer input.

import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';

import { isOpenableAttachmentName } from '../../shared/attachments';
import { IPC_CHANNELS, isIpcChannel } from '../../shared/ipc';
import type {
  BackupWriteRequest,
  FileFilter,
  IpcChannel,
  IpcRequest,
  IpcResponse,
  OpenAttachmentRequest,
  PrintRequest,
  SaveFileRequest,
  SavePdfRequest,
  SetSyncHubRequest,
} from '../../shared/ipc';

import { BACKUP_FILE_PATTERN } from './backup';
import { sanitizeFileName } from './file-names';
import { isAppUrl } from './origin';

export type IpcHandler<C extends IpcChannel> = (
  req: IpcRequest<C>,
  event: IpcMainInvokeEvent,
) => IpcResponse<C> | Promise<IpcResponse<C>>;

export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };

export class IpcRequestError extends Error {
  constructor(channel: string, problem: string) {
    super(`IPC ${channel}: ${problem}`);
    this.name = 'IpcRequestError';
  }
}

export function isTrustedSender(frameUrl: string | undefined | null, devUrl?: string): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl, devUrl);
}

type PlainObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function objectWithKeys(channel: string, req: unknown, allowed: readonly string[]): PlainObject {
  if (!isPlainObject(req)) throw new IpcRequestError(channel, 'the request must be a plain object');
  const unknownKeys = Object.keys(req).filter((key) => !allowed.includes(key));
  if (unknownKeys.length > 0)
    throw new IpcRequestError(channel, `unexpected field(s) ${unknownKeys.join(', ')}`);
  return req;
}

function requiredString(channel: string, value: unknown, field: string, maxLength = 500): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    throw new IpcRequestError(
      channel,
      `${field} must be a non-empty string of at most ${maxLength} characters`,
    );
  }
  return value;
}

function bytes(channel: string, value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new IpcRequestError(channel, 'data must be a Uint8Array');
  return value;
}

function optionalBoolean(channel: string, value: unknown, field: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new IpcRequestError(channel, `${field} must be a boolean`);
}

const EXTENSION = /^(\*|[A-Za-z0-9]{1,16})$/;

function fileFilters(channel: string, value: unknown): FileFilter[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > 20)
    throw new IpcRequestError(channel, 'filters must be an array');
  return value.map((filter: unknown) => {
    const { name, extensions } = objectWithKeys(channel, filter, ['name', 'extensions']);
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > 20) {
      throw new IpcRequestError(channel, 'filter extensions must be a non-empty array');
    }
    return {
      name: requiredString(channel, name, 'filter name', 100),
      extensions: extensions.map((extension: unknown) => {
        if (typeof extension !== 'string' || !EXTENSION.test(extension)) {
          throw new IpcRequestError(
            channel,
            'a filter extension must be letters and digits, without the dot',
          );
        }
        return extension;
      }),
    };
  });
}

function printRequest(channel: string, req: PlainObject): PrintRequest {
  const { title, pageSize, landscape } = req;
  if (title !== undefined && (typeof title !== 'string' || title.length > 500)) {
    throw new IpcRequestError(channel, 'title must be a string of at most 500 characters');
  }
  if (pageSize !== undefined && pageSize !== 'A3' && pageSize !== 'A4' && pageSize !== 'A5') {
    throw new IpcRequestError(channel, "pageSize must be 'A3', 'A4' or 'A5'");
  }
  return {
    ...(title === undefined ? {} : { title: title as string }),
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(landscape === undefined ? {} : { landscape: optionalBoolean(channel, landscape, 'landscape') }),
  };
}

function emptyRequest(channel: string, req: unknown): Record<string, never> {
  if (req !== undefined) objectWithKeys(channel, req, []);
  return {};
}

// A backup file name is used as-is inside the backup folder, so it must be a bare name (no folder
// part of any kind) and one the pruning rule recognises, or backups would pile up unpruned.
function backupFileName(channel: string, value: unknown): string {
  const name = requiredString(channel, value, 'fileName', 200);
  if (/[/\\]/.test(name) || name.includes('\0') || name === '.' || name === '..') {
    throw new IpcRequestError(channel, 'fileName must be a bare file name without path separators');
  }
  if (!BACKUP_FILE_PATTERN.test(name)) {
    throw new IpcRequestError(channel, `fileName must match ${BACKUP_FILE_PATTERN.source}`);
  }
  return name;
}

// An attachment to open: at most 200 MB, under a sanitised bare name with an image or PDF
// extension (shared/attachments.ts); anything else is never written or opened.
export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;

function openAttachmentRequest(channel: string, req: unknown): OpenAttachmentRequest {
  const { name, data } = objectWithKeys(channel, req, ['name', 'data']);
  const clean = sanitizeFileName(requiredString(channel, name, 'name'));
  if (!isOpenableAttachmentName(clean))
    throw new IpcRequestError(channel, 'name must end in an image or PDF extension');
  const content = bytes(channel, data);
  if (content.byteLength > MAX_ATTACHMENT_BYTES)
    throw new IpcRequestError(channel, `data must be at most ${MAX_ATTACHMENT_BYTES} bytes`);
  return { name: clean, data: content };
}

// The sync hub's address: a string ('' forgets the hub); whether it is a plain http(s)://host[:port]
// is the handler's answer (hub.ts), not a malformed request.
function setSyncHubRequest(channel: string, req: unknown): SetSyncHubRequest {
  const { url } = objectWithKeys(channel, req, ['url']);
  if (typeof url !== 'string' || url.length > 500)
    throw new IpcRequestError(channel, 'url must be a string of at most 500 characters');
  return { url };
}

const VALIDATORS: { [C in IpcChannel]: (req: unknown) => IpcRequest<C> } = {
  'file:save': (req): SaveFileRequest => {
    const channel = 'file:save';
    const { suggestedName, data, filters } = objectWithKeys(channel, req, [
      'suggestedName',
      'data',
      'filters',
    ]);
    const checkedFilters = fileFilters(channel, filters);
    return {
      suggestedName: sanitizeFileName(requiredString(channel, suggestedName, 'suggestedName')),
      data: bytes(channel, data),
      ...(checkedFilters ? { filters: checkedFilters } : {}),
    };
  },
  'print:show-dialog': (req) => {
    const channel = 'print:show-dialog';
    return printRequest(channel, objectWithKeys(channel, req, ['title', 'pageSize', 'landscape']));
  },
  'print:save-pdf': (req): SavePdfRequest => {
    const channel = 'print:save-pdf';
    const checked = objectWithKeys(channel, req, ['title', 'pageSize', 'landscape', 'suggestedName']);
    const { suggestedName, ...print } = checked;
    return {
      ...printRequest(channel, print),
      suggestedName: sanitizeFileName(requiredString(channel, suggestedName, 'suggestedName')),
    };
  },
  'backup:write': (req): BackupWriteRequest => {
    const channel = 'backup:write';
    const { fileName, data } = objectWithKeys(channel, req, ['fileName', 'data']);
    return { fileName: backupFileName(channel, fileName), data: bytes(channel, data) };
  },
  'backup:choose-folder': (req) => emptyRequest('backup:choose-folder', req),
  'backup:get-folder': (req) => emptyRequest('backup:get-folder', req),
  'backup:list': (req) => emptyRequest('backup:list', req),
  'app:open-data-folder': (req) => emptyRequest('app:open-data-folder', req),
  'app:info': (req) => emptyRequest('app:info', req),
  'attachment:open': (req) => openAttachmentRequest('attachment:open', req),
  'sync:set-hub': (req) => setSyncHubRequest('sync:set-hub', req),
};

export function validateRequest<C extends IpcChannel>(channel: C, req: unknown): IpcRequest<C> {
  if (!isIpcChannel(channel)) throw new IpcRequestError(String(channel), 'unknown channel');
  const validate = VALIDATORS[channel] as (request: unknown) => IpcRequest<C>;
  return validate(req);
}

function senderFrameUrl(event: IpcMainInvokeEvent): string | undefined {
  try {
    // senderFrame is null once the frame has navigated away or been destroyed.
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}

export type IpcOptions = { devUrl?: string };

// The one path every invoke takes: channel, then sender, then request shape, then the handler.
export function createIpcDispatcher(
  handlers: IpcHandlers,
  { devUrl }: IpcOptions = {},
): (channel: unknown, event: IpcMainInvokeEvent, req: unknown) => Promise<unknown> {
  return async (channel, event, req) => {
    if (!isIpcChannel(channel)) throw new IpcRequestError(String(channel), 'unknown channel');
    if (!isTrustedSender(senderFrameUrl(event), devUrl)) {
      throw new IpcRequestError(channel, 'refused: the sender is not a page of this app');
    }
    const handler = handlers[channel] as IpcHandler<typeof channel>;
    return handler(validateRequest(channel, req), event);
  };
}

// Registers one handler per contract channel; returns a function that removes them again.
export function registerIpc(handlers: IpcHandlers, options: IpcOptions = {}): () => void {
  const dispatch = createIpcDispatcher(handlers, options);
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (args.length > 1) throw new IpcRequestError(channel, 'expected a single request argument');
      return dispatch(channel, event, args[0]);
    });
  }
  return () => {
    for (const channel of IPC_CHANNELS) ipcMain.removeHandler(channel);
  };
}
