import { describe, expect, it } from 'vitest';

import { extensionOf, sanitizeFileName, withExtension } from './file-names';

describe('sanitizeFileName', () => {
  it.each([
    ['信访登记簿2024.xlsx', '信访登记簿2024.xlsx'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['..\\..\\Windows\\win.ini', '_.._Windows_win.ini'],
    ['C:\\temp\\a.docx', 'C__temp_a.docx'],
    ['a<b>c:"d"|e?f*.txt', 'a_b_c__d__e_f_.txt'],
    ['tab\there\u0000.pdf', 'tab_here_.pdf'],
    ['  .hidden  ', 'hidden'],
    ['ends with dots...', 'ends with dots'],
    ['CON', '_CON'],
    ['com1.txt', '_com1.txt'],
    ['...', '未命名'],
    ['', '未命名'],
  ])('%j becomes %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('shortens very long names but keeps the extension', () => {
    const long = `${'很长的文件名'.repeat(60)}.xlsx`;
    const clean = sanitizeFileName(long);
    expect(Array.from(clean).length).toBeLessThanOrEqual(180);
    expect(clean.endsWith('.xlsx')).toBe(true);
  });
});

describe('withExtension and extensionOf', () => {
  it('adds an extension only when missing', () => {
    expect(withExtension('请假单', 'pdf')).toBe('请假单.pdf');
    expect(withExtension('请假单.PDF', 'pdf')).toBe('请假单.PDF');
  });

  it('reads the extension in lower case', () => {
    expect(extensionOf('a.XLSX')).toBe('xlsx');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('none')).toBe('');
  });
});
