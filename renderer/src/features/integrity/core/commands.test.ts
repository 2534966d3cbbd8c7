import { describe, expect, it } from 'vitest';

import { db } from '../../../db/db';
import { withSeededOrg } from '../../../db/testing';

import type { GiftInput } from './integrity';
import { handOverGift, registerGift, signPledge } from './integrity';

const org = withSeededOrg('2026-09-20T10:00:00');

const gift = (over: Partial<GiftInput> = {}): GiftInput => ({
  staffId: org.staff.id,
  receivedOn: '2026-09-18',
  giver: '某村民',
  description: '土鸡蛋一篮',
  kind: 'gift',
  valueFen: 8000,
  handling: '当面无法退回',
  ...over,
});

describe('INT-1 gift value', () => {
  it('keeps a value left blank as not valued (null), apart from a value of 0.00', async () => {
    const blank = await registerGift(gift({ valueFen: null }), org.actor(org.staff));
    const zero = await registerGift(gift({ valueFen: 0, description: '贺卡一张' }), org.actor(org.staff));
    expect((await db.gifts.get(blank.id))!.valueFen).toBeNull();
    expect((await db.gifts.get(zero.id))!.valueFen).toBe(0);
  });
  it('still refuses a value that is not a sum of money', async () => {
    await expect(registerGift(gift({ valueFen: -1 }), org.actor(org.staff))).rejects.toMatchObject({
      field: 'value',
    });
    await expect(registerGift(gift({ valueFen: 1.5 }), org.actor(org.staff))).rejects.toMatchObject({
      field: 'value',
    });
  });
});

describe('act dates are never in the future', () => {
  it('refuses a gift received, handed over or a pledge signed after today, at the field', async () => {
    await expect(
      registerGift(gift({ receivedOn: '2026-09-21' }), org.actor(org.staff)),
    ).rejects.toMatchObject({
      field: 'receivedOn',
      message: '收受日期不能晚于今天',
    });
    const g = await registerGift(gift(), org.actor(org.staff));
    await expect(handOverGift(g.id, '2026-09-25', org.actor(org.discipline))).rejects.toMatchObject({
      field: 'handedOverOn',
      message: '上交日期不能晚于今天',
    });
    expect((await handOverGift(g.id, '2026-09-20', org.actor(org.discipline))).status).toBe('handed_over');
    await expect(signPledge(org.staff.id, 2026, '2026-09-21', org.actor(org.staff))).rejects.toMatchObject({
      field: 'signedOn',
      message: '签订日期不能晚于今天',
    });
  });
});
