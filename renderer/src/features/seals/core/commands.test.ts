import { describe, expect, it } from 'vitest';

import { collectTodos } from '../../../app/registry';
import { approvalFor, decide } from '../../../approvals/engine';
import { loadCalendar } from '../../../calendar/calendar';
import { db } from '../../../db/db';
import { sessionUserOf, withSeededOrg } from '../../../db/testing';

import '../contributions';
import { createSeal, logSealUse, registerSealUse, requestSealUse, voidSeal } from './commands';

const org = withSeededOrg('2026-11-20T09:00:00');

// seals registered by the office: an official seal kept by the clerk, a finance seal by finance
const adminSeal = (name: string) =>
  createSeal({ name, kind: 'admin', keeperId: org.clerk.id }, org.actor(org.clerk));
const financeSeal = (name: string) =>
  createSeal({ name, kind: 'finance', keeperId: org.finance.id }, org.actor(org.clerk));

const use = (sealId: string, requesterId: string) => ({
  sealId,
  requestedOn: '2026-11-20',
  document: '关于报送信访工作情况的函',
  copies: 3,
  purpose: '报送县委办',
  requesterId,
});

describe('seals (SEAL-1)', () => {
  it('have a keeper in the office', async () => {
    await expect(
      createSeal({ name: '新宁县信访局', kind: 'admin', keeperId: null }, org.actor(org.clerk)),
    ).rejects.toMatchObject({
      field: 'keeperId',
      ruleId: 'SEAL-1',
    });
    await expect(
      createSeal({ name: '新宁县信访局', kind: 'admin', keeperId: org.staff.id }, org.actor(org.clerk)),
    ).rejects.toMatchObject({
      message: '印章由办公室专人保管',
    });
    await expect(
      createSeal({ name: 'x', kind: 'admin', keeperId: org.clerk.id }, org.actor(org.staff)),
    ).rejects.toMatchObject({ field: 'permission' });
  });
});

describe('seal use (SEAL-2)', () => {
  it('needs the 局长’s consent for the administrative seal before the keeper can log it', async () => {
    const seal = await adminSeal('新宁县信访局');
    const u = await requestSealUse(use(seal.id, org.staff.id), org.actor(org.staff));
    expect(u.status).toBe('pending');
    await expect(logSealUse(u.id, '2026-11-20', org.actor(org.clerk))).rejects.toMatchObject({
      ruleId: 'SEAL-2',
    });
    const req = (await approvalFor('sealUses', u.id))!;
    expect(req.steps.map((s) => [s.label, s.approverId])).toEqual([['局长同意用印', org.director.id]]);
    await decide({ requestId: req.id, decision: 'approved' }, org.actor(org.director));
    const approved = (await db.sealUses.get(u.id))!;
    expect([approved.status, approved.approverName]).toEqual(['approved', '刘局长']);
    const logged = await logSealUse(u.id, '2026-11-20', org.actor(org.clerk));
    expect([logged.status, logged.keeperId, logged.usedOn]).toEqual(['used', org.clerk.id, '2026-11-20']);
  });

  it('keeps a refused request unusable', async () => {
    const seal = await adminSeal('新宁县信访局');
    const u = await requestSealUse(use(seal.id, org.staff.id), org.actor(org.staff));
    await decide(
      { requestId: u.approvalId!, decision: 'rejected', comment: '内容不妥' },
      org.actor(org.director),
    );
    expect((await db.sealUses.get(u.id))!.status).toBe('rejected');
    await expect(logSealUse(u.id, '2026-11-20', org.actor(org.clerk))).rejects.toMatchObject({
      ruleId: 'SEAL-2',
    });
  });

  it('lets the financial seal be used without the 局长, and the 局长’s own request is his consent', async () => {
    const fin = await financeSeal('新宁县信访局财务专用章');
    const logged = await registerSealUse(use(fin.id, org.finance.id), '2026-11-20', org.actor(org.clerk));
    expect(logged.status).toBe('used');
    const admin = await adminSeal('新宁县信访局');
    const own = await requestSealUse(use(admin.id, org.director.id), org.actor(org.director));
    expect(own.status).toBe('approved');
    expect((await logSealUse(own.id, '2026-11-20', org.actor(org.clerk))).approverId).toBe(org.director.id);
  });

  it('refuses bad input at the field', async () => {
    const seal = await adminSeal('新宁县信访局');
    await expect(
      requestSealUse({ ...use(seal.id, org.staff.id), document: '' }, org.actor(org.staff)),
    ).rejects.toMatchObject({ field: 'document' });
    await expect(
      requestSealUse({ ...use(seal.id, org.staff.id), copies: 0 }, org.actor(org.staff)),
    ).rejects.toMatchObject({ field: 'copies' });
    await expect(requestSealUse({ ...use('', org.staff.id) }, org.actor(org.staff))).rejects.toMatchObject({
      field: 'sealId',
    });
  });
});

describe('void seals (SEAL-3)', () => {
  it('cannot be requested or logged, even when the consent came before the seal was voided', async () => {
    const seal = await adminSeal('新宁县信访局（旧）');
    const u = await requestSealUse(use(seal.id, org.staff.id), org.actor(org.staff));
    await decide({ requestId: u.approvalId!, decision: 'approved' }, org.actor(org.director));
    await voidSeal(seal.id, '2026-11-20', '印章更换', org.actor(org.clerk));
    await expect(logSealUse(u.id, '2026-11-20', org.actor(org.clerk))).rejects.toMatchObject({
      field: 'sealId',
      ruleId: 'SEAL-3',
    });
    await expect(requestSealUse(use(seal.id, org.staff.id), org.actor(org.staff))).rejects.toMatchObject({
      field: 'sealId',
      ruleId: 'SEAL-3',
      message: '“新宁县信访局（旧）”已作废，严禁使用',
    });
    const fin = await financeSeal('财务章（旧）');
    await voidSeal(fin.id, '2026-11-20', '更换', org.actor(org.clerk));
    await expect(
      registerSealUse(use(fin.id, org.finance.id), '2026-11-20', org.actor(org.clerk)),
    ).rejects.toMatchObject({ ruleId: 'SEAL-3' });
    await expect(voidSeal(fin.id, '2026-11-20', '再次', org.actor(org.clerk))).rejects.toMatchObject({
      field: 'status',
    });
  });
});

describe('voiding a seal closes its open requests (SEAL-3)', () => {
  it('closes approved-not-used and pending requests with the reason, leaving used ones as they were', async () => {
    const seal = await adminSeal('新宁县信访局（旧）');
    const approved = await requestSealUse(use(seal.id, org.staff.id), org.actor(org.staff));
    await decide({ requestId: approved.approvalId!, decision: 'approved' }, org.actor(org.director));
    const pending = await requestSealUse(use(seal.id, org.head.id), org.actor(org.head));
    const used = await requestSealUse(use(seal.id, org.staff.id), org.actor(org.staff));
    await decide({ requestId: used.approvalId!, decision: 'approved' }, org.actor(org.director));
    await logSealUse(used.id, '2026-11-20', org.actor(org.clerk));

    await voidSeal(seal.id, '2026-11-20', '印章更换', org.actor(org.clerk));

    for (const id of [approved.id, pending.id]) {
      expect(await db.sealUses.get(id)).toMatchObject({
        status: 'closed',
        closedOn: '2026-11-20',
        closedReason: '印章已于2026-11-20作废：印章更换',
      });
    }
    expect((await db.sealUses.get(used.id))!.status).toBe('used');
    // The consent still awaited is off the 局长's list; nothing is pending on the void seal.
    const req = (await db.approvals.get(pending.approvalId!))!;
    expect(req).toMatchObject({ status: 'withdrawn', pendingApproverId: null });
    const open = (await db.sealUses.where('sealId').equals(seal.id).toArray()).filter(
      (u) => u.status === 'pending' || u.status === 'approved',
    );
    expect(open).toEqual([]);
    // The keeper's 待用印 to-do is gone, and the closed request is refused at the seal.
    const user = sessionUserOf(org.clerk);
    const todos = await collectTodos({ user, today: '2026-11-20', cal: await loadCalendar() });
    expect(todos.filter((t) => t.category === '待用印')).toEqual([]);
    await expect(logSealUse(approved.id, '2026-11-20', org.actor(org.clerk))).rejects.toMatchObject({
      field: 'sealId',
      ruleId: 'SEAL-3',
    });
  });
});

describe('act dates are never in the future', () => {
  it('refuses a use, a request or a void dated after today, at the field', async () => {
    const seal = await financeSeal('财务专用章');
    await expect(
      requestSealUse({ ...use(seal.id, org.finance.id), requestedOn: '2026-11-21' }, org.actor(org.finance)),
    ).rejects.toMatchObject({ field: 'requestedOn', message: '申请日期不能晚于今天' });
    const u = await requestSealUse(use(seal.id, org.finance.id), org.actor(org.finance));
    await expect(logSealUse(u.id, '2026-11-25', org.actor(org.clerk))).rejects.toMatchObject({
      field: 'usedOn',
      message: '用印日期不能晚于今天',
    });
    await expect(voidSeal(seal.id, '2026-11-21', '更换', org.actor(org.clerk))).rejects.toMatchObject({
      field: 'voidedOn',
      message: '作废日期不能晚于今天',
    });
    expect((await logSealUse(u.id, '2026-11-20', org.actor(org.clerk))).status).toBe('used');
  });
});
