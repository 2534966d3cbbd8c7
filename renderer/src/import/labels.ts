// What the shared spreadsheet reader says to the user (every .xlsx import: petitions, staff, calendar).
export const READ_MSG = {
  empty: '该文件不是Excel工作簿（.xlsx）：文件是空的',
  notWorkbook: '该文件不是Excel工作簿（.xlsx）：请选择用Excel或WPS保存的 .xlsx 文件',
  legacyOrEncrypted:
    '该文件不是Excel工作簿（.xlsx）：它是旧版 .xls 文件或设了打开密码的文件，请在Excel中另存为 .xlsx（不设密码）后再选择',
  unreadable: (why: string) => `该文件不是可读取的Excel工作簿（.xlsx）：${why}`,
  noSheet: '工作簿中没有工作表',
  reading: '正在读取文件…',
  readRows: (done: number, total: number) => `已读取 ${done} / ${total} 行`,
  // A formula is refused: the file shows its last result, which the import cannot check (a link, a sum).
  formula: (address: string, formula: string, shown: string) =>
    `单元格 ${address} 是公式“=${formula.length > 40 ? `${formula.slice(0, 40)}…` : formula}”${shown ? `（显示为“${shown}”）` : ''}：导入只接受数值，请在Excel中把公式转为数值（复制后“选择性粘贴 → 值”）后再导入`,
  formulasInFile: (addresses: string[]) =>
    `文件中有公式单元格（${addresses.slice(0, 10).join('、')}${addresses.length > 10 ? ` 等 ${addresses.length} 处` : ''}）：导入只接受数值，请在Excel中把公式转为数值（复制后“选择性粘贴 → 值”）后再导入`,
};
