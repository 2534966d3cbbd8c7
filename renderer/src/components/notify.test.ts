import { describe, expect, it } from 'vitest';

import { DomainError } from '../db/repo';

import { errorMessage } from './notify';

describe('errorMessage', () => {
  it('cites a refusal’s rule with the regulation’s clause', () => {
    expect(errorMessage(new DomainError('上午已签到（08:05）', 'signIn', 'ATT-1'))).toBe(
      '上午已签到（08:05）（ATT-1，制度 二、(一)1）',
    );
    expect(errorMessage(new DomainError('严禁使用', 'sealId', 'SEAL-3'))).toBe(
      '严禁使用（SEAL-3，制度 七、(四)）',
    );
  });

  it('shows a refusal without a rule as it is, and other faults as 操作失败', () => {
    expect(errorMessage(new DomainError('请选择接待人', 'receptionistId'))).toBe('请选择接待人');
    expect(errorMessage(new RangeError('x'))).toBe('输入有误：x');
    expect(errorMessage(new Error('x'))).toBe('操作失败：x');
    expect(errorMessage('x')).toBe('操作失败：x');
  });
});
