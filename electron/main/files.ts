// 'file:save': the page hands over finished bytes (an Excel ledger, a Word notice) and a suggested
// name; the user picks the place in a native dialog. The page never learns or chooses a path itself.

import path from 'node:path';

import { app, BrowserWindow, dialog } from 'electron';
import type { FileFilter as DialogFileFilter, IpcMainInvokeEvent, SaveDialogOptions } from 'electron';

import type { FileFilter, SaveFileRequest, SaveFileResult } from '../../shared/ipc';

import { writeFileAtomic } from './atomic-write';
import { extensionOf } from './file-names';
import type { IpcHandlers } from './ipc';
import { DIALOG, FILE_FILTER_NAMES } from './labels';

export function filtersFor(suggestedName: string, filters?: readonly FileFilter[]): DialogFileFilter[] {
  if (filters && filters.length > 0)
    return filters.map((filter) => ({ ...filter, extensions: [...filter.extensions] }));
  const extension = extensionOf(suggestedName);
  const name = FILE_FILTER_NAMES[extension];
  return name ? [{ name, extensions: [extension] }] : [];
}

export async function showSaveDialog(
  event: IpcMainInvokeEvent,
  options: SaveDialogOptions,
): Promise<string | null> {
  const owner = BrowserWindow.fromWebContents(event.sender);
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

export async function saveFile(req: SaveFileRequest, event: IpcMainInvokeEvent): Promise<SaveFileResult> {
  const filePath = await showSaveDialog(event, {
    title: DIALOG.saveFileTitle,
    defaultPath: path.join(app.getPath('documents'), req.suggestedName),
    filters: filtersFor(req.suggestedName, req.filters),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (!filePath) return { saved: false };
  await writeFileAtomic(filePath, req.data);
  return { saved: true, path: filePath };
}

export const fileHandlers: Pick<IpcHandlers, 'file:save'> = {
  'file:save': (req, event) => saveFile(req, event),
};
