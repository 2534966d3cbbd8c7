import { describe, expect, it } from 'vitest';

import { columns } from './columns';

describe('columns', () => {
  it('reads key=表头 with its type, width, least width and wrapping, in order', () => {
    expect(
      columns(`
        seq=序号/int/6 regNo=收文编号/nowrap
        due=传阅期限/date sign=借阅人签字/12-12 amount=金额(元)/money score=月考核分/number title=标题/40`),
    ).toEqual([
      { key: 'seq', header: '序号', type: 'int', width: 6 },
      { key: 'regNo', header: '收文编号', wrap: false },
      { key: 'due', header: '传阅期限', type: 'date' },
      { key: 'sign', header: '借阅人签字', width: 12, minWidth: 12 },
      { key: 'amount', header: '金额(元)', type: 'money' },
      { key: 'score', header: '月考核分', type: 'number' },
      { key: 'title', header: '标题', width: 40 },
    ]);
  });
  it('refuses an entry it cannot read', () => {
    expect(() => columns('title')).toThrow('key=表头');
    expect(() => columns('=标题')).toThrow('key=表头');
    expect(() => columns('title=')).toThrow('key=表头');
  });
  it('keeps a / in the header that no modifier follows', () => {
    expect(columns('address=住址/所属乡镇/24 handledBy=接返/劝返人员')).toEqual([
      { key: 'address', header: '住址/所属乡镇', width: 24 },
      { key: 'handledBy', header: '接返/劝返人员' },
    ]);
  });
});
