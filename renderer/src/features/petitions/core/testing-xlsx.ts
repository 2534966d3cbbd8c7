// Test helper: reads the first sheet of .xlsx bytes back with exceljs (values only).
import ExcelJS from 'exceljs';

export async function readWorkbookRows(bytes: Uint8Array): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const ws = wb.worksheets[0];
  const out: unknown[][] = [];
  ws.eachRow((row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1);
  });
  return out;
}
