import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { pinClock } from '../../../db/clock';
import { resetDb, seedOrg } from '../../../db/testing';
import type { TestOrg } from '../../../db/testing';

import { registerPiece, updatePiece } from './pieces';
import type { PieceInput } from './pieces';

let org: TestOrg;

beforeEach(async () => {
  pinClock(new Date('2026-03-16T10:00:00'));
  await resetDb();
  org = await seedOrg();
});
afterEach(() => pinClock(null));

describe('a claim corrected before review', () => {
  it('stores the corrected fields and the reward computed again (PUB-1), the claim state kept', async () => {
    const input: PieceInput = {
      staffId: org.staff.id,
      title: ' 简讯 ',
      outlet: '新宁日报',
      level: 'county',
      publishedOn: '2026-02-11',
      chars: 300,
      kind: 'info',
      originalSubmitted: true,
    };
    const p = await registerPiece(input, org.actor(org.staff));
    expect(p).toMatchObject({ title: '简讯', rewardFen: 5000, year: 2026, claimState: 'claimed' });
    const u = await updatePiece(
      p.id,
      { ...input, title: '调研', outlet: '湖南信访', level: 'province', chars: '1500', kind: 'research' },
      org.actor(org.staff),
    );
    expect(u).toMatchObject({
      title: '调研',
      outlet: '湖南信访',
      level: 'province',
      chars: 1500,
      kind: 'research',
      rewardFen: 60000,
      rewardRow: 'research',
      claimState: 'claimed',
      claimedOn: p.claimedOn,
    });
  });
});
