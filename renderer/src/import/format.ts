// Is this file an .xlsx workbook at all? Decided from its bytes before exceljs reads it: an .xlsx is
// a zip holding xl/workbook.xml. A zip of anything else (renamed to .xlsx) would otherwise load as a
// workbook without sheets, and an old .xls or a password-protected file (both OLE2 compound files)
// would fail with a message about zip internals.
import { READ_MSG } from './labels';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOCD = 0x06054b50; // end of central directory
const CENTRAL = 0x02014b50; // central directory file header

// The names of the files a zip holds, from its central directory; null when the bytes are no zip.
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 bytes plus a comment of at most 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen)));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

// null when the bytes look like an .xlsx workbook; else what to tell the user, in Chinese.
export function notWorkbookProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return READ_MSG.empty;
  if (OLE2.every((b, i) => bytes[i] === b)) return READ_MSG.legacyOrEncrypted;
  const names = zipEntryNames(bytes);
  if (!names) return READ_MSG.notWorkbook;
  const lower = new Set(names.map((n) => n.replace(/^\//, '').toLowerCase()));
  return lower.has('xl/workbook.xml') ? null : READ_MSG.notWorkbook;
}
