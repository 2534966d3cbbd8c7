// The staff list and the work calendar read .xlsx through the shared reader (issue 13, points 23 and
// 25): a file that is not a workbook, or one holding formulas, is refused with the reason.
import { describe, expect, it } from 'vitest';

import { xlsxOf, zipOf } from '../../../import/testing';

import { parseCalendarRows } from './calendar';
import { readXlsxTable } from './staffImport';

describe('reading .xlsx for the staff and calendar imports', () => {
  it('says a zip renamed to .xlsx is not an Excel workbook (instead of an empty table)', async () => {
    await expect(readXlsxTable(zipOf({ 'names.txt': '张三' }))).rejects.toThrow(
      '该文件不是Excel工作簿（.xlsx）',
    );
  });

  it('refuses formula cells, naming them', async () => {
    const staff = await xlsxOf([
      ['姓名', '股室', '职级'],
      [{ formula: 'HYPERLINK("http://example.com","李四")', result: '李四' }, '办信股', '一般干部职工'],
    ]);
    await expect(readXlsxTable(staff)).rejects.toThrow('文件中有公式单元格（A2）');
    const calendar = await xlsxOf([
      ['日期', '类型'],
      ['2027-01-01', '休'],
      [{ formula: 'DATE(2027,2,14)', result: new Date(Date.UTC(2027, 1, 14)) }, '班'],
    ]);
    await expect(readXlsxTable(calendar)).rejects.toThrow('文件中有公式单元格（A3）');
  });

  it('reads a plain calendar sheet, dates as the day the cell shows', async () => {
    const bytes = await xlsxOf([
      ['日期', '类型'],
      [new Date(Date.UTC(2027, 0, 1)), '休'],
      ['2027-02-14', '班'],
    ]);
    const imp = parseCalendarRows(await readXlsxTable(bytes));
    expect(imp.problems).toEqual([]);
    expect(imp.years.get(2027)).toEqual({ holidays: ['2027-01-01'], workdays: ['2027-02-14'] });
  });
});
