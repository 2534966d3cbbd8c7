// A registration's refusals carry the rule they keep, written at each check (the rule was guessed
// from the field's name before: every field but two cited PET-1).
import { describe, expect, it } from 'vitest';

import { registrationProblems, validateRegistration } from './validate';
import type { RegistrationInput } from './validate';

const ctx = { today: '2026-06-01', townships: ['城关镇'] };
const letter: RegistrationInput = {
  channel: 'letter',
  receivedOn: '2026-06-01',
  name: '张三',
  township: '城关镇',
  category: '城乡建设',
  summary: '反映道路破损',
};

describe('registrationProblems', () => {
  it('finds nothing wrong with a complete letter', () => {
    expect(registrationProblems(letter, ctx)).toEqual([]);
  });

  it.each([
    ['a missing name', { name: ' ' }, 'name', 'PET-1'],
    ['a township not in the list', { township: '火星乡' }, 'township', 'PET-1'],
    ['a date after today', { receivedOn: '2026-06-02' }, 'receivedOn', 'PET-1'],
    ['an informant letter naming nobody', { informant: true }, 'accused', 'PET-6'],
    [
      'a group of 6 with no representative',
      { channel: 'visit', visitors: 6, receptionistId: 's1' },
      'representatives',
      'PET-12',
    ],
    [
      'more representatives than visitors',
      {
        channel: 'visit',
        visitors: 1,
        receptionistId: 's1',
        representatives: [{ name: '甲' }, { name: '乙' }],
      },
      'representatives',
      'PET-12',
    ],
  ] as const)('refuses %s at its field with its rule', (_what, change, field, ruleId) => {
    const [first] = registrationProblems({ ...letter, ...change } as RegistrationInput, ctx);
    expect(first).toMatchObject({ field, ruleId });
    expect(first.message).not.toBe('');
  });

  it('gives the form each field once, with its first message', () => {
    const e = validateRegistration({ ...letter, name: '', summary: '' }, ctx);
    expect(Object.keys(e)).toEqual(['name', 'summary']);
  });
});
