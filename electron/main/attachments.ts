// 'attachment:open': an attachment (a scanned letter, a photo, a PDF) is opened by the operating
// system's own viewer. The page cannot open windows (window.open is denied, see window.ts), so the
// bytes come here: written as a temporary copy under the app's own folder in the system temp
// directory, one fresh sub-folder per opening (same names never collide), under a sanitised name,
// then handed to shell.openPath. Only images and PDF (shared/attachments.ts) are opened; the
// request validator refuses anything else before this runs. The copies are removed when the app
// starts and when it quits (a copy still open in a viewer on Windows is left for the next start).

import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { app, shell } from 'electron';

import { isOpenableAttachmentName } from '../../shared/attachments';
import type { OpenAttachmentRequest, OpenAttachmentResult } from '../../shared/ipc';

import type { IpcHandlers } from './ipc';
import { ATTACHMENT_ERRORS } from './labels';

export const ATTACHMENT_TEMP_FOLDER = 'xinfang-office-attachments';

export function attachmentTempRoot(): string {
  return path.join(app.getPath('temp'), ATTACHMENT_TEMP_FOLDER);
}

export async function openAttachment(req: OpenAttachmentRequest): Promise<OpenAttachmentResult> {
  // The validator has sanitised the name and checked the type; checked again here, where it counts.
  if (path.basename(req.name) !== req.name || !isOpenableAttachmentName(req.name))
    return { opened: false, error: ATTACHMENT_ERRORS.notOpenable };
  const folder = path.join(attachmentTempRoot(), randomUUID());
  const file = path.join(folder, req.name);
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await writeFile(file, req.data, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    return { opened: false, error: ATTACHMENT_ERRORS.writeFailed(String((error as Error).message ?? error)) };
  }
  // shell.openPath resolves to an error message, or '' when the file was opened.
  const failure = await shell.openPath(file);
  return failure === '' ? { opened: true } : { opened: false, error: ATTACHMENT_ERRORS.openFailed(failure) };
}

// Synchronous: it runs in 'will-quit', where nothing asynchronous is waited for.
export function clearAttachmentCopies(): void {
  try {
    rmSync(attachmentTempRoot(), { recursive: true, force: true });
  } catch {
    // A copy still open in a viewer (Windows locks it) stays until the next start.
  }
}

export const attachmentHandlers: Pick<IpcHandlers, 'attachment:open'> = {
  'attachment:open': (req) => openAttachment(req),
};
