import { describe, expect, it } from 'vitest';

import { isInformantCase, mayViewInformant } from './informants';

describe('isInformantCase (PET-6)', () => {
  it('is an informant case when marked itself', () => {
    expect(isInformantCase({ informant: true })).toBe(true);
    expect(isInformantCase({ informant: true }, { informant: false })).toBe(true);
  });
  it('is one when linked into an informant case, marked or not itself', () => {
    expect(isInformantCase({ informant: false }, { informant: true })).toBe(true);
  });
  it('is not when neither it nor the case it is linked into is marked', () => {
    expect(isInformantCase({ informant: false })).toBe(false);
    expect(isInformantCase({ informant: false }, null)).toBe(false);
    expect(isInformantCase({ informant: false }, { informant: false })).toBe(false);
  });
  it('refuses bad input', () => {
    expect(() => isInformantCase(null as never)).toThrow(/^c: /);
    expect(() => isInformantCase({ informant: 'yes' } as never)).toThrow(/^informant: /);
    expect(() => isInformantCase({ informant: false }, 1 as never)).toThrow(/^linkedInto: /);
    expect(() => isInformantCase({ informant: false }, {} as never)).toThrow(/^linkedInto.informant: /);
  });
});

describe('mayViewInformant (PET-6)', () => {
  const policy = { roles: ['director', 'deputy', 'discipline'], assignee: true };
  const none = { assigneeIds: [], recusedIds: [] };
  it('lets the roles of the setting see every informant case', () => {
    expect(mayViewInformant({ id: 's1', roles: ['deputy'] }, none, policy)).toBe(true);
    expect(mayViewInformant({ id: 's1', roles: ['petition', 'discipline'] }, none, policy)).toBe(true);
  });
  it('refuses other roles', () => {
    expect(mayViewInformant({ id: 's1', roles: ['petition', 'admin'] }, none, policy)).toBe(false);
    expect(mayViewInformant({ id: 's1', roles: [] }, none, policy)).toBe(false);
  });
  it('lets the case’s 承办人 see it when the setting allows, and only then', () => {
    const c = { assigneeIds: [null, 's7'], recusedIds: [] };
    expect(mayViewInformant({ id: 's7', roles: ['petition'] }, c, policy)).toBe(true);
    expect(mayViewInformant({ id: 's8', roles: ['petition'] }, c, policy)).toBe(false);
    expect(mayViewInformant({ id: 's7', roles: ['petition'] }, c, { ...policy, assignee: false })).toBe(
      false,
    );
    expect(mayViewInformant({ id: '', roles: [] }, { assigneeIds: [''], recusedIds: [] }, policy)).toBe(
      false,
    );
  });
  it('never lets someone recused from the case see it, whatever the role', () => {
    const c = { assigneeIds: ['s1'], recusedIds: ['s1'] };
    expect(mayViewInformant({ id: 's1', roles: ['director'] }, c, policy)).toBe(false);
  });
  it('follows the setting’s roles', () => {
    expect(
      mayViewInformant({ id: 's1', roles: ['deputy'] }, none, { roles: ['director'], assignee: false }),
    ).toBe(false);
  });
  it('refuses bad input', () => {
    expect(() => mayViewInformant(null as never, none, policy)).toThrow(/^viewer: /);
    expect(() => mayViewInformant({ id: 1, roles: [] } as never, none, policy)).toThrow(/^viewer.id: /);
    expect(() => mayViewInformant({ id: 'a', roles: 'x' } as never, none, policy)).toThrow(/^viewer.roles: /);
    expect(() => mayViewInformant({ id: 'a', roles: [] }, null as never, policy)).toThrow(/^c: /);
    expect(() => mayViewInformant({ id: 'a', roles: [] }, { recusedIds: [] } as never, policy)).toThrow(
      /^assigneeIds: /,
    );
    expect(() => mayViewInformant({ id: 'a', roles: [] }, { assigneeIds: [] } as never, policy)).toThrow(
      /^recusedIds: /,
    );
    expect(() => mayViewInformant({ id: 'a', roles: [] }, none, null as never)).toThrow(/^policy: /);
    expect(() => mayViewInformant({ id: 'a', roles: [] }, none, { assignee: true } as never)).toThrow(
      /^policy.roles: /,
    );
    expect(() => mayViewInformant({ id: 'a', roles: [] }, none, { roles: [] } as never)).toThrow(
      /^policy.assignee: /,
    );
  });
});
