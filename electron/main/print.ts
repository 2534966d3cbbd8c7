// Printing the page that asked: the system print dialog, or straight to a PDF file the user places.

import path from 'node:path';

import { app } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';

import type { PrintRequest, PrintResult, SaveFileResult, SavePdfRequest } from '../../shared/ipc';

import { writeFileAtomic } from './atomic-write';
import { withExtension } from './file-names';
import { showSaveDialog } from './files';
import type { IpcHandlers } from './ipc';
import { DIALOG, PRINT_ERRORS } from './labels';

export function printFailureMessage(reason: string): string {
  return PRINT_ERRORS[reason] ?? reason;
}

export function printPage(contents: WebContents, req: PrintRequest): Promise<PrintResult> {
  return new Promise((resolve) => {
    contents.print(
      {
        silent: false,
        printBackground: true,
        pageSize: req.pageSize ?? 'A4',
        landscape: req.landscape ?? false,
      },
      (success, failureReason) =>
        resolve(success ? { ok: true } : { ok: false, error: printFailureMessage(failureReason) }),
    );
  });
}

export async function savePdf(req: SavePdfRequest, event: IpcMainInvokeEvent): Promise<SaveFileResult> {
  const suggestedName = withExtension(req.suggestedName, 'pdf');
  const filePath = await showSaveDialog(event, {
    title: DIALOG.savePdfTitle,
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters: [{ name: DIALOG.pdfFilter, extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (!filePath) return { saved: false };
  const pdf = await event.sender.printToPDF({
    pageSize: req.pageSize ?? 'A4',
    landscape: req.landscape ?? false,
    printBackground: true,
    // the page's @page margins (each form's own, components/FormPrint.tsx), as the print dialog uses
    preferCSSPageSize: true,
  });
  await writeFileAtomic(filePath, pdf);
  return { saved: true, path: filePath };
}

export const printHandlers: Pick<IpcHandlers, 'print:show-dialog' | 'print:save-pdf'> = {
  'print:show-dialog': (req, event) => printPage(event.sender, req),
  'print:save-pdf': (req, event) => savePdf(req, event),
};
