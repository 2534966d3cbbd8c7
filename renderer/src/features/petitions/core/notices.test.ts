// 督办通知 numbers (督〔2026〕N号): issued once, the same again for the same notice, never reused.
import { describe, expect, it } from 'vitest';

import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { DomainError, softDelete, SYSTEM_ACTOR } from '../../../db/repo';
import { withSeededOrg } from '../../../db/testing';

import { makeIdNo } from './idgen';
import { issuedNotice, issueSupervisionNotice } from './notices';
import { registerPetition } from './registration';
import type { RegistrationInput } from './validate';

const letter = (n: number): RegistrationInput => ({
  channel: 'letter',
  receivedOn: '2026-05-06',
  letterSource: '群众来信',
  name: `王大明${n}`,
  idNo: makeIdNo('1970-03-15', 10 + n),
  phone: `1380739000${n}`,
  address: '金石镇黄家村3组',
  township: '金石镇',
  category: '劳动社保',
  summary: `反映某建筑公司拖欠农民工工资第${n}件`,
});

const org = withSeededOrg('2026-05-20T10:00:00');

describe('督办通知 numbers', () => {
  it('issues 督〔year〕N号 once per notice, the same again for the same unit and cases', async () => {
    const actor = org.actor(org.staff);
    const a = await registerPetition(letter(1), actor);
    const b = await registerPetition(letter(2), actor);
    const first = await issueSupervisionNotice('县人社局', [a.id], actor);
    expect(first).toMatchObject({ no: '督〔2026〕1号', on: '2026-05-20', seq: 1 });
    expect(await issueSupervisionNotice('县人社局', [a.id], actor)).toEqual(first);
    expect(await issuedNotice('县人社局', [a.id])).toEqual(first);
    const second = await issueSupervisionNotice('县人社局', [b.id, a.id], actor);
    expect(second.no).toBe('督〔2026〕2号');
    const steps = await db.petitionSteps.where('petitionId').equals(b.id).toArray();
    expect(steps.filter((s) => s.kind === 'supervise').map((s) => s.text)).toEqual([
      '督办通知 督〔2026〕2号（县人社局）',
    ]);
    expect(await issuedNotice('县公安局', [a.id])).toBeNull();
  });

  it('never gives a number twice, even when the notice’s records are deleted', async () => {
    const actor = org.actor(org.staff);
    const a = await registerPetition(letter(1), actor);
    const b = await registerPetition(letter(2), actor);
    await issueSupervisionNotice('县人社局', [a.id], actor);
    for (const s of await db.petitionSteps.where('petitionId').equals(a.id).toArray())
      if (s.kind === 'supervise') await softDelete(db.petitionSteps, s.id, SYSTEM_ACTOR);
    expect((await issueSupervisionNotice('县人社局', [a.id], actor)).no).toBe('督〔2026〕2号');
    expect((await issueSupervisionNotice('县公安局', [b.id], actor)).no).toBe('督〔2026〕3号');
    pinClock(new Date(2027, 0, 4, 9, 0, 0));
    expect((await issueSupervisionNotice('县公安局', [b.id, a.id], actor)).no).toBe('督〔2027〕1号');
  });

  it('is issued only by whoever supervises, and only for cases', async () => {
    const a = await registerPetition(letter(1), org.actor(org.staff));
    await expect(issueSupervisionNotice('县人社局', [a.id], org.actor(org.finance))).rejects.toThrow(
      '没有权限：签发督办通知',
    );
    await expect(issueSupervisionNotice('县人社局', [], org.actor(org.staff))).rejects.toBeInstanceOf(
      DomainError,
    );
    await expect(issueSupervisionNotice(' ', [a.id], org.actor(org.staff))).rejects.toBeInstanceOf(
      DomainError,
    );
    await expect(issueSupervisionNotice('县人社局', ['nope'], org.actor(org.staff))).rejects.toThrow(
      '不存在',
    );
  });
});
