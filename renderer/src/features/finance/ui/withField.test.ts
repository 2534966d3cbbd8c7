import { describe, expect, it } from 'vitest';

import { DomainError } from '../../../db/repo';

import { withField } from './withField';

describe('withField', () => {
  it('passes the result through', async () => {
    expect(await withField(Promise.resolve(3), 'purpose')).toBe(3);
  });
  it('puts a refusal without a field at the given field, keeping message and rule', async () => {
    const e = await withField(Promise.reject(new DomainError('不行', undefined, 'FIN-4')), 'purpose').catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ message: '不行', field: 'purpose', ruleId: 'FIN-4' });
  });
  it('leaves a refusal with its own field and other errors alone', async () => {
    const own = new DomainError('日期不对', 'paidOn');
    await expect(withField(Promise.reject(own), 'purpose')).rejects.toBe(own);
    const other = new Error('x');
    await expect(withField(Promise.reject(other), 'purpose')).rejects.toBe(other);
  });
});
