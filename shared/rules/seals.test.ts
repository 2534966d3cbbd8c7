import { describe, expect, it } from 'vitest';

import { closedBySealVoid, SEAL_KIND_LABELS, sealUseOk } from './seals';

describe('sealUseOk', () => {
  it('the administrative seal with the director’s consent', () => {
    expect(sealUseOk({ seal: 'admin', status: 'active', directorApproved: true })).toBe(true);
  });
  it('the administrative seal without it is refused', () => {
    expect(sealUseOk({ seal: 'admin', status: 'active', directorApproved: false })).toBe(false);
  });
  it('the finance seal does not need the director', () => {
    expect(sealUseOk({ seal: 'finance', status: 'active', directorApproved: false })).toBe(true);
  });
  it('a void seal is never used, whoever consents', () => {
    expect(sealUseOk({ seal: 'admin', status: 'void', directorApproved: true })).toBe(false);
    expect(sealUseOk({ seal: 'finance', status: 'void', directorApproved: false })).toBe(false);
  });
  it('refuses unknown values naming the field', () => {
    expect(() => sealUseOk(null as never)).toThrow(/^s: /);
    expect(() => sealUseOk({ seal: 'steel' as never, status: 'active', directorApproved: true })).toThrow(
      /^seal: /,
    );
    expect(() => sealUseOk({ seal: 'admin', status: 'lost' as never, directorApproved: true })).toThrow(
      /^status: /,
    );
    expect(() => sealUseOk({ seal: 'admin', status: 'active', directorApproved: 'y' as never })).toThrow(
      /^directorApproved: /,
    );
  });
  it('labels', () => {
    expect(SEAL_KIND_LABELS.finance).toBe('财务专用章');
  });
});

describe('closedBySealVoid', () => {
  it('closes the requests still open: awaiting consent, or consented and not used', () => {
    expect(closedBySealVoid('pending')).toBe(true);
    expect(closedBySealVoid('approved')).toBe(true);
  });
  it('leaves what is finished as it is', () => {
    for (const s of ['rejected', 'withdrawn', 'used', 'closed'] as const)
      expect(closedBySealVoid(s)).toBe(false);
  });
  it('refuses an unknown state', () => {
    expect(() => closedBySealVoid('lost' as never)).toThrow(/^state: /);
  });
});
