// Every write of the module is a command of db/command.ts (one permission check and wording, one
// transaction with the audit trail): the module's writes are listed with their permission.
import { describe, expect, it } from 'vitest';

import { allCommands } from '../../../db/command';

import './commands';
import './import';

describe('petition writes are commands', () => {
  it('lists each write with what it does and its permission', () => {
    const byWhat = new Map(allCommands().map((c) => [c.what, c.perm]));
    expect(byWhat.get('登记信访事项')).toBe('petition.register');
    expect(byWhat.get('分类处理信访事项')).toBe('petition.handle');
    expect(byWhat.get('报告重大紧急事项')).toBe('petition.handle');
    expect(byWhat.get('登记领导接访')).toBe('petition.register');
    expect(byWhat.get('导入信访件')).toBe('petition.register');
    // checked inside the command (the 局长 or 分管领导; the 局长; an administrator or the 局长)
    expect(byWhat.get('延长办理期限')).toBeNull();
    expect(byWhat.get('局长阅知')).toBeNull();
    expect(byWhat.get('修改信访设置')).toBeNull();
  });
});
