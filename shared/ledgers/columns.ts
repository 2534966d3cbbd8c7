// A ledger's columns written as a table: one entry a column, `key=表头` then any of `/date`,
// `/int`, `/number`, `/money` (the cell type), `/nowrap`, `/24` (the width) or `/12-12` (width and
// least width), entries separated by spaces or new lines (a header holds no space; a `/` in it
// followed by anything but these stays in the header: 住址/所属乡镇):
//   columns(`seq=序号/int/6 regNo=收文编号/nowrap receivedOn=收文日期/date title=文件标题/40`)
import type { LedgerCellType, LedgerColumn } from '../ledger';

const TYPES: readonly string[] = ['text', 'date', 'int', 'number', 'money'] satisfies LedgerCellType[];
const SIZE = /^(\d+)(?:-(\d+))?$/;

function column(entry: string): LedgerColumn {
  const eq = entry.indexOf('=');
  if (eq < 1 || eq === entry.length - 1) throw new Error(`ledger column "${entry}": key=表头 expected`);
  const parts = entry.slice(eq + 1).split('/');
  const col: LedgerColumn = { key: entry.slice(0, eq), header: '' };
  // The modifiers are read from the end, in any order; what is left is the header.
  for (let m = parts[parts.length - 1]; parts.length > 1; m = parts[parts.length - 1]) {
    const size = SIZE.exec(m);
    if (size) {
      col.width = Number(size[1]);
      if (size[2] !== undefined) col.minWidth = Number(size[2]);
    } else if (m === 'nowrap') col.wrap = false;
    else if (TYPES.includes(m)) col.type = m as LedgerCellType;
    else break;
    parts.pop();
  }
  col.header = parts.join('/');
  return col;
}

export function columns(table: string): LedgerColumn[] {
  return table.split(/\s+/).filter(Boolean).map(column);
}
