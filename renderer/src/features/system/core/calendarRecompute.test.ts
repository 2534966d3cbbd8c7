// A year's calendar imported or edited: every stored deadline of that year is counted again in the
// same transaction, audited with a summary of what moved (issue 13, point 7).
import { afterEach, describe, expect, it } from 'vitest';

import type { Role } from '../../../../../shared/permissions';
import { deadlineProvisional } from '../../../../../shared/rules';
import { useSession } from '../../../auth/session';
import { loadCalendar } from '../../../calendar/calendar';
import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { insert, SYSTEM_ACTOR } from '../../../db/repo';
import type { Staff } from '../../../db/schema/core';
import { withSeededOrg } from '../../../db/testing';
import { circulate, proposeHandling, recordDecision, registerIncoming } from '../../documents';
import { registerPetition } from '../../petitions';
import { letter as petitionLetter } from '../../petitions/core/testing';
import '../../register';

import { addCalendarDate, importCalendar, parseCalendarNotice, removeCalendarDate } from './calendar';

let admin: Staff;

const NOTICE_2027 =
  '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。';

const letter = (receivedOn: string, summary: string) => petitionLetter({ receivedOn, summary });

const org = withSeededOrg('2026-12-28T10:00:00', async () => {
  await insert(db.units, { name: '金石镇人民政府', kind: 'township', active: true }, SYSTEM_ACTOR);
  admin = await insert(
    db.staff,
    { name: '管理员', rank: 'staff', roles: ['admin'], sectionId: org.officeSectionId, active: true },
    SYSTEM_ACTOR,
  );
  useSession.getState().signIn({
    staffId: admin.id,
    accountId: 'acc',
    name: admin.name,
    loginName: 'admin',
    roles: ['admin'] as Role[],
    sectionId: admin.sectionId,
    rank: admin.rank,
  });
});
afterEach(() => {
  useSession.getState().signOut();
  pinClock(null);
});

describe('recomputing stored deadlines when a year is imported or edited', () => {
  it('moves the petitions and circulation deadlines of 2027 past 元旦, audited with the list', async () => {
    // Received 2026-12-17: the 15 days end on Friday 2027-01-01, counted as a working day while
    // 2027's holidays are not loaded (暂定).
    const moves = await registerPetition(letter('2026-12-17', '反映拖欠工资'), org.actor(org.staff));
    const stays = await registerPetition(letter('2026-12-20', '反映道路损坏'), org.actor(org.staff));
    const before = await registerPetition(letter('2026-12-01', '反映噪声扰民'), org.actor(org.staff));
    expect([moves.dueOn, stays.dueOn, before.dueOn]).toEqual(['2027-01-01', '2027-01-04', '2026-12-16']);
    expect(deadlineProvisional(moves.dueOn!, await loadCalendar())).toEqual({
      provisional: true,
      years: [2027],
    });

    // An incoming document received 2026-12-27: circulated within 5 days, to 2027-01-01.
    const d = await registerIncoming(
      {
        kind: 'document',
        receivedOn: '2026-12-27',
        issuer: '邵阳市信访局',
        issuerNumber: '邵信发〔2026〕30号',
        title: '关于做好元旦期间信访工作的通知',
        urgency: 'normal',
        secrecy: 'none',
        copies: 1,
      },
      org.actor(org.clerk),
    );
    await proposeHandling(d.id, '请局长阅示', org.actor(org.clerk));
    await recordDecision(d.id, '请各股室落实', org.director.id, org.actor(org.clerk));
    const [c] = await circulate(d.id, { readers: [org.staff.id], handlers: [] }, org.actor(org.clerk));
    expect(c.due).toBe('2027-01-01');

    const change = await importCalendar(parseCalendarNotice(NOTICE_2027), '国办发明电');
    expect(change.years).toEqual([2027]);
    expect(change.recompute.checked).toBe(3); // two cases and one document touch 2027
    // in the modules' registration order (features/register.ts)
    const byModule = [...change.recompute.moved].sort((a, b) =>
      a.module === '信访' ? -1 : b.module === '信访' ? 1 : 0,
    );
    expect(byModule).toEqual([
      {
        module: '信访',
        title: moves.regNo,
        before: '2027-01-01',
        after: '2027-01-04',
        link: `#/petitions/case/${moves.id}`,
      },
      {
        module: '公文',
        title: `${d.regNo} ${d.title}`,
        before: '2027-01-01',
        after: '2027-01-04',
        link: `#/documents/incoming/${d.id}`,
      },
    ]);
    expect((await db.petitions.get(moves.id))!.dueOn).toBe('2027-01-04');
    expect((await db.petitions.get(stays.id))!.dueOn).toBe('2027-01-04');
    expect((await db.docCirculations.get(c.id))!.due).toBe('2027-01-04');
    expect((await db.incomingDocs.get(d.id))!.circulationDue).toBe('2027-01-04');
    expect(deadlineProvisional('2027-01-04', await loadCalendar()).provisional).toBe(false);

    const audit = await db.audit.toArray();
    const summary = audit.find((a) => a.table === 'calendars' && a.action === 'event')!;
    expect(summary.summary).toBe('2027年工作日历变更，重算期限：3 件，其中 2 件变动');
    expect(summary.actorName).toBe('管理员');
    expect((summary.after as { moved: unknown[] }).moved).toHaveLength(2);
    expect(
      audit.find(
        (a) => a.table === 'petitions' && a.recordId === moves.id && a.summary?.startsWith('工作日历变更'),
      )!.summary,
    ).toBe('工作日历变更，重算期限：2027-01-01 → 2027-01-04');
  });

  it('counts again on a hand edit too (adding and removing a day)', async () => {
    const p = await registerPetition(letter('2026-12-20', '反映道路损坏'), org.actor(org.staff));
    expect(p.dueOn).toBe('2027-01-04');
    const added = await addCalendarDate('2027-01-04', 'holiday');
    expect(added.recompute).toMatchObject({
      checked: 1,
      moved: [{ before: '2027-01-04', after: '2027-01-05' }],
    });
    expect((await db.petitions.get(p.id))!.dueOn).toBe('2027-01-05');
    const removed = await removeCalendarDate('2027-01-04');
    expect(removed.recompute.moved).toEqual([
      expect.objectContaining({ before: '2027-01-05', after: '2027-01-04' }),
    ]);
    expect((await db.petitions.get(p.id))!.dueOn).toBe('2027-01-04');
  });

  it('writes nothing when the calendar is refused', async () => {
    const p = await registerPetition(letter('2026-12-17', '反映拖欠工资'), org.actor(org.staff));
    await expect(
      importCalendar(parseCalendarNotice(`${NOTICE_2027}\n1月1日（周五）上班。`), 't'),
    ).rejects.toThrow('第2行列为“休”，第3行列为“班”：2027-01-01 不能同时是节假日和调休上班日');
    expect((await db.petitions.get(p.id))!.dueOn).toBe('2027-01-01');
    expect(await db.calendars.where('year').equals(2027).count()).toBe(0);
  });
});
