import { describe, expect, it } from 'vitest';

import { decide, registerApprovalHandler } from '../../../approvals/engine';
import { db } from '../../../db/db';
import { refusal, withSeededOrg } from '../../../db/testing';
import { handOverGift, registerGift, signPledge } from '../../integrity/core/integrity';

import { publishRoster, saveRoster } from './rosters';
import {
  logDeparture,
  logReturn,
  onVehicleFinished,
  requestVehicle,
  saveVehicle,
  vehicleHandlerTables,
} from './vehicles';

const org = withSeededOrg('2026-09-20T10:00:00', async () => {
  registerApprovalHandler('vehicle', { tables: vehicleHandlerTables, onFinished: onVehicleFinished });
});

describe('duty rosters', () => {
  it('publishes only when every day has a leader and staff', async () => {
    const r = await saveRoster(
      {
        title: '2026年国庆节值班表',
        kind: 'holiday',
        startDate: '2026-10-01',
        endDate: '2026-10-02',
        requirements: '24小时值班',
        entries: [
          { date: '2026-10-01', leaderId: org.deputy.id, staffIds: [org.staff.id], phone: '4822378' },
        ],
      },
      org.actor(org.clerk),
    );
    expect((await refusal(publishRoster(r.id, org.actor(org.clerk)))).message).toContain('2026-10-02');
    expect(
      (
        await refusal(
          saveRoster(
            {
              ...r,
              entries: [{ date: '2026-10-03', leaderId: org.deputy.id, staffIds: [org.staff.id], phone: '' }],
            },
            org.actor(org.clerk),
            r.id,
          ),
        )
      ).field,
    ).toBe('entries.0.date');
    await saveRoster(
      {
        ...r,
        entries: [
          ...r.entries,
          { date: '2026-10-02', leaderId: org.director.id, staffIds: [org.head.id], phone: '' },
        ],
      },
      org.actor(org.clerk),
      r.id,
    );
    expect((await publishRoster(r.id, org.actor(org.clerk))).status).toBe('published');
  });
  it('is the office’s job', async () => {
    const err = await refusal(
      saveRoster(
        {
          title: 'x',
          kind: 'holiday',
          startDate: '2026-10-01',
          endDate: '2026-10-01',
          requirements: '',
          entries: [],
        },
        org.actor(org.staff),
      ),
    );
    expect(err.message).toContain('权限');
  });
});

describe('vehicle dispatch', () => {
  it('is approved by the office’s deputy, logged out and back with the mileage', async () => {
    const v = await saveVehicle(
      { plate: '湘e12345', model: '别克GL8', seats: 7, driver: '老李', active: true },
      org.actor(org.clerk),
    );
    expect(v.plate).toBe('湘E12345');
    const t = await requestVehicle(
      {
        vehicleId: v.id,
        destination: '金石镇',
        purpose: '下访',
        passengers: '钱科员',
        plannedStart: '2026-09-21',
        plannedEnd: '2026-09-21',
      },
      org.actor(org.staff),
    );
    const req = (await db.approvals.get(t.approvalId!))!;
    expect(req.kind).toBe('vehicle');
    expect(req.steps.map((s) => s.approverId)).toEqual([org.deputy.id]);
    // The same car on the same day is refused.
    const clash = await refusal(
      requestVehicle(
        {
          vehicleId: v.id,
          destination: '回龙镇',
          purpose: 'x',
          passengers: '',
          plannedStart: '2026-09-21',
          plannedEnd: '2026-09-22',
        },
        org.actor(org.head),
      ),
    );
    expect(clash.field).toBe('vehicleId');
    expect(
      (await refusal(logDeparture(t.id, '2026-09-21 08:30', 1000, '', org.actor(org.clerk)))).field,
    ).toBe('departedAt');
    await decide({ requestId: t.approvalId!, decision: 'approved' }, org.actor(org.deputy));
    await logDeparture(t.id, '2026-09-21 08:30', 1000, '', org.actor(org.clerk));
    expect((await refusal(logReturn(t.id, '2026-09-21 17:00', 900, org.actor(org.clerk)))).field).toBe(
      'odometerIn',
    );
    const back = await logReturn(t.id, '2026-09-21 17:00', 1086, org.actor(org.clerk));
    expect(back.mileage).toBe(86);
    expect(back.status).toBe('returned');
  });
});

describe('INT-1 gifts and pledges', () => {
  it('registers a gift and records its hand-over to 纪检', async () => {
    const g = await registerGift(
      {
        staffId: org.staff.id,
        receivedOn: '2026-09-01',
        giver: '某村民',
        description: '茶叶两盒',
        kind: 'gift',
        valueFen: 30000,
        handling: '当面无法退回',
      },
      org.actor(org.staff),
    );
    expect((await refusal(handOverGift(g.id, '2026-09-02', org.actor(org.clerk)))).message).toContain('权限');
    const done = await handOverGift(g.id, '2026-09-02', org.actor(org.discipline));
    expect(done).toMatchObject({
      status: 'handed_over',
      receiverId: org.discipline.id,
      handedOverOn: '2026-09-02',
    });
  });
  it('keeps one pledge per person per year', async () => {
    await signPledge(org.staff.id, 2026, '2026-01-05', org.actor(org.staff));
    expect((await refusal(signPledge(org.staff.id, 2026, '2026-01-06', org.actor(org.clerk)))).field).toBe(
      'staffId',
    );
    expect(
      (await refusal(signPledge(org.head.id, 2026, '2026-01-06', org.actor(org.staff)))).message,
    ).toContain('权限');
  });
});
