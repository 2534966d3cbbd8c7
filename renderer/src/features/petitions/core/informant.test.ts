// PET-6 (《信访工作条例》第30条第3款), issue 13 points 1–4: a case linked into an informant case is
// masked everywhere; the duplicate check never confirms an informant to someone who may not see
// them (a 重复件待核 goes to someone who may); masking is decided from the session at the queries;
// who may see is a setting, and every identity shown is in the audit trail.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';

import '../contributions';
import { INFORMANT_MASK } from '../../../../../shared/ledgers/petitions';
import { collectTodos } from '../../../app/registry';
import { useSession } from '../../../auth/session';
import type { RawRead } from '../../../bench/rawReads';
import { recordReads } from '../../../bench/rawReads';
import { loadCalendar } from '../../../calendar/calendar';
import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { insert, SYSTEM_ACTOR, update } from '../../../db/repo';
import type { Staff, Unit } from '../../../db/schema/core';
import { withSeededOrg } from '../../../db/testing';
import { auditPage } from '../../system';

import {
  addAttachments,
  assignHandler,
  closeIdentityReview,
  correctRegistration,
  linkDuplicate,
  loadCtx,
  recordRecusal,
  recordReply,
  registerPetition,
  savePetitionSettings,
} from './commands';
import { makeIdNo } from './idgen';
import { flushReveals, IDENTITY_REVIEWS_KEY, informantAccess, maskForOutside } from './informant';
import { buildLedger } from './ledgers';
import {
  caseAudit,
  caseSteps,
  duplicatesOf,
  findDuplicates,
  identityReviewOf,
  listPetitions,
  openCase,
  petitionsInRange,
} from './queries';
import { loadPetitionSettings } from './settings';
import { expectRefusal, letter } from './testing';
import { signInAs, signOut } from './testing-session';
import type { RegistrationInput } from './validate';

let police: Unit;
let admin: Staff;

const INFORMANT = { name: '钱检举', phone: '13907390123', idNo: makeIdNo('1975-06-01', 31) };
const ACCUSATION = '检举县公安局某派出所所长在办理治安案件时收受当事人财物五万元，并为其违规撤案';

const informantLetter = (o: Partial<RegistrationInput> = {}) =>
  letter({
    ...INFORMANT,
    address: '回龙镇石门村8组',
    category: '纪检监察',
    summary: ACCUSATION,
    informant: true,
    accusedUnitIds: [police.id],
    ...o,
  });

// The informant's second letter, with the same name and phone and a similar text, not marked.
const secondLetter = (o: Partial<RegistrationInput> = {}) =>
  letter({
    name: INFORMANT.name,
    phone: INFORMANT.phone,
    idNo: null,
    address: '回龙镇石门村8组',
    receivedOn: '2026-05-12',
    summary: '再次检举县公安局某派出所所长办理治安案件收受当事人财物五万元并违规撤案，要求查处',
    ...o,
  });

async function reveals() {
  await flushReveals();
  return (await db.audit.where('table').equals('petitions').toArray()).filter(
    (e) => e.action === 'event' && e.summary?.startsWith('查看检举人身份'),
  );
}

async function todosOf(s: Staff) {
  signInAs(s);
  const user = useSession.getState().user!;
  return (await collectTodos({ user, today: '2026-05-20', cal: await loadCalendar() })).filter(
    (t) => t.category === '重复件待核',
  );
}

const org = withSeededOrg('2026-05-20T10:00:00', async () => {
  await insert(db.units, { name: '金石镇人民政府', kind: 'township', active: true }, SYSTEM_ACTOR);
  await insert(db.units, { name: '回龙镇人民政府', kind: 'township', active: true }, SYSTEM_ACTOR);
  police = await insert(db.units, { name: '县公安局', kind: 'department', active: true }, SYSTEM_ACTOR);
  admin = await insert(
    db.staff,
    { name: '管理员甲', rank: 'staff', roles: ['admin'], sectionId: null, active: true },
    SYSTEM_ACTOR,
  );
});
afterEach(async () => {
  await flushReveals();
  pinClock(null);
  signOut();
});

describe('point 1: a case linked into an informant case is an informant case, everywhere', () => {
  async function linkedPair() {
    const first = await registerPetition(informantLetter(), org.actor(org.director));
    const second = await registerPetition(secondLetter(), org.actor(org.staff), {
      duplicate: { kind: 'link', caseId: first.id, note: '同一人再次来信' },
    });
    return { first, second };
  }

  it('masks the linked letter in the list, the case, the 来信台帐 and its print for the 办信股 clerk', async () => {
    const { first, second } = await linkedPair();
    signInAs(org.staff);
    const rows = (await listPetitions({}, null)).rows;
    for (const p of rows) {
      expect([p.name, p.phone, p.address]).toEqual([INFORMANT_MASK, INFORMANT_MASK, INFORMANT_MASK]);
      expect([null, INFORMANT_MASK]).toContain(p.idNo);
      expect(p.nameKeys).toEqual([]);
    }
    expect(rows.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    const shown = (await openCase(second.id))!;
    expect(shown.informant).toBe(false); // its own mark is untouched
    expect(shown.informantCase).toBe(true);
    expect(shown.identityMasked).toBe(true);
    expect(shown.name).toBe(INFORMANT_MASK);
    expect(shown.phone).toBe(INFORMANT_MASK);
    expect(shown.nameKeys).toEqual([]); // the name's pinyin (qjj, qianjianju) would tell it too
    for (const purpose of ['ledgerExport', 'ledgerPrint'] as const) {
      const spec = await buildLedger('letter', '2026-05-01', '2026-05-31', '2026年5月', purpose);
      const row = spec.rows.find((r) => r.regNo === second.regNo)!;
      expect([row.name, row.phone, row.address]).toEqual([
        INFORMANT_MASK,
        INFORMANT_MASK,
        `${INFORMANT_MASK}/金石镇`,
      ]);
      expect(JSON.stringify(spec.rows)).not.toContain(INFORMANT.name);
      expect(JSON.stringify(spec.rows)).not.toContain(INFORMANT.phone);
    }
    // and an identity search does not find it
    expect((await listPetitions({ phone: INFORMANT.phone }, null)).rows).toEqual([]);
    expect((await listPetitions({ name: INFORMANT.name }, null)).rows).toEqual([]);
    // nor a search by the informant's pinyin: initials, full, mixed with characters (钱检举)
    for (const name of ['qjj', 'QJJ', 'qianjianju', 'qian jian', 'qianjj', '钱jj'])
      expect((await listPetitions({ name }, null)).rows, name).toEqual([]);
  });

  it('shows it to a viewer who may see it', async () => {
    const { second } = await linkedPair();
    signInAs(org.deputy);
    const p = (await openCase(second.id))!;
    expect([p.name, p.phone, p.identityMasked]).toEqual([INFORMANT.name, INFORMANT.phone, false]);
    expect((await listPetitions({ phone: INFORMANT.phone }, null)).rows).toHaveLength(2);
    expect((await listPetitions({ name: 'qjj' }, null)).rows).toHaveLength(2);
    expect((await listPetitions({ name: '钱jj' }, null)).rows).toHaveLength(2);
  });

  it('holds for a case linked before this fix (stored without any mark of its own)', async () => {
    const first = await registerPetition(informantLetter(), org.actor(org.director));
    // as the old code stored a 重复件: only duplicateOf points at the informant case
    const old = await registerPetition(secondLetter(), SYSTEM_ACTOR);
    await db.petitions.update(old.id, {
      state: 'duplicate',
      duplicateOf: first.id,
      duplicateOfRegNo: first.regNo,
      dueOn: null,
    });
    signInAs(org.staff);
    expect((await openCase(old.id))!.name).toBe(INFORMANT_MASK);
    const items = await petitionsInRange(['letter'], '2026-05-01', '2026-05-31');
    expect(items.find((p) => p.id === old.id)!.name).toBe(INFORMANT_MASK);
  });

  it('holds for a letter linked later (重复件待核 › 并入), and when the case it is linked into is marked later', async () => {
    const plain = await registerPetition(letter(), org.actor(org.director));
    const dup = await registerPetition(letter({ receivedOn: '2026-05-12' }), org.actor(org.director));
    await linkDuplicate(dup.id, { caseId: plain.id, note: '同一事项' }, org.actor(org.director));
    signInAs(org.staff);
    expect((await openCase(dup.id))!.name).toBe('王大明');
    // the first letter turns out to be an accusation: its duplicate is masked with it
    await correctRegistration(
      plain.id,
      { informant: true, accusedUnitIds: [police.id] },
      '实为检举揭发件',
      org.actor(org.director),
    );
    expect((await openCase(dup.id))!.name).toBe(INFORMANT_MASK);
    expect((await duplicatesOf(plain.id)).map((d) => d.name)).toEqual([INFORMANT_MASK]);
  });

  it('keeps the identity of the linked case from a correction by someone who may not see it', async () => {
    const { second } = await linkedPair();
    await expectRefusal(
      correctRegistration(second.id, { phone: '13900000000' }, '电话抄错', org.actor(org.staff)),
      'PET-6',
      'phone',
    );
    // what is not the identity may still be corrected
    await correctRegistration(second.id, { category: '其他' }, '类别有误', org.actor(org.staff));
  });

  it('records a complaint made in answering the linked letter without naming the informant', async () => {
    const { second } = await linkedPair();
    await recordReply(
      second.id,
      {
        on: '2026-05-20',
        way: '电话',
        text: '已告知正在办理',
        complaint: { staffId: org.head.id, content: '答复态度生硬' },
      },
      org.actor(org.director),
    );
    const complaints = await db.staffComplaints.toArray();
    expect(complaints.map((c) => c.complainant)).toEqual(['检举人（身份保密）']);
  });

  it('never prints the identity on a form sent out, whoever prints it', async () => {
    const { second } = await linkedPair();
    signInAs(org.director);
    const p = (await openCase(second.id))!;
    expect(p.name).toBe(INFORMANT.name);
    expect(maskForOutside(p).name).toBe(INFORMANT_MASK);
    const plain = await registerPetition(letter({ summary: '道路损坏' }), org.actor(org.staff));
    expect(maskForOutside((await openCase(plain.id))!).name).toBe('王大明');
  });
});

describe('point 2: the duplicate check never reveals or confirms an informant to someone who may not see it', () => {
  const check = (o: { summary: string; name?: string; phone?: string | null; idNo?: string | null }) =>
    findDuplicates(
      {
        name: o.name ?? INFORMANT.name,
        phone: o.phone ?? INFORMANT.phone,
        idNo: o.idNo ?? null,
        summary: o.summary,
      },
      { today: '2026-05-20' },
    );

  it('does not match the informant case by identity for the clerk', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    signInAs(org.staff);
    // the name and phone typed, an unrelated text: nothing, exactly as for a stranger
    expect(await check({ summary: '要求解决孩子上学问题' })).toEqual([]);
    expect(await check({ summary: '要求解决孩子上学问题', idNo: INFORMANT.idNo })).toEqual([]);
    // a similar text finds it by its content alone, masked, and says nothing about the petitioner
    const byContent = await check({ summary: secondLetter().summary });
    expect(byContent.map((c) => c.petition.id)).toEqual([inf.id]);
    expect(byContent[0].samePetitioner).toBeNull();
    expect(byContent[0].petition.name).toBe(INFORMANT_MASK);
    // …the same answer whatever petitioner is typed
    const stranger = await check({ summary: secondLetter().summary, name: '路人甲', phone: '13100000000' });
    expect(stranger.map((c) => [c.petition.id, c.samePetitioner, c.similarity])).toEqual(
      byContent.map((c) => [c.petition.id, c.samePetitioner, c.similarity]),
    );
  });

  it('answers a viewer who may see informants in full', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    signInAs(org.discipline);
    const found = await check({ summary: '要求解决孩子上学问题' });
    expect(found.map((c) => [c.petition.id, c.samePetitioner, c.petition.name])).toEqual([
      [inf.id, true, INFORMANT.name],
    ]);
    // for an import: the same function, for an actor given instead of the session
    signOut();
    expect(
      (await findDuplicates({ ...INFORMANT, summary: '孩子上学' }, { actor: org.actor(org.staff) })).length,
    ).toBe(0);
    expect(
      (await findDuplicates({ ...INFORMANT, summary: '孩子上学' }, { actor: org.actor(org.director) }))[0]
        .samePetitioner,
    ).toBe(true);
  });

  it('turns the match into a 重复件待核 for those who may see it, and tells the clerk nothing', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    const again = await registerPetition(
      secondLetter({ summary: '要求解决孩子上学问题' }),
      org.actor(org.staff),
    );
    expect(Object.keys((await db.settings.get(IDENTITY_REVIEWS_KEY))!.value as object)).toEqual([again.id]);
    // nothing on the new case the clerk can see
    signInAs(org.staff);
    expect(await identityReviewOf(again.id)).toBeNull();
    expect((await caseSteps(again.id)).map((s) => s.kind)).toEqual(['register']);
    expect(await todosOf(org.staff)).toEqual([]);
    await expectRefusal(closeIdentityReview(again.id, '不是同一人', org.actor(org.staff)), 'PET-6');
    // the leaders who may see the informant get the to-do
    const todos = await todosOf(org.deputy);
    expect(todos.map((t) => [t.title, t.link])).toEqual([
      [`${again.regNo} 与检举揭发件 ${inf.regNo} 可能为同一信访人`, `#/petitions/case/${again.id}`],
    ]);
    expect((await todosOf(org.director)).length).toBe(1);
    signInAs(org.deputy);
    const review = (await identityReviewOf(again.id))!;
    expect(review.matches.map((m) => [m.id, m.name])).toEqual([[inf.id, INFORMANT.name]]);
    // linked: the review is done, and the new letter is masked for the clerk from now on
    await linkDuplicate(again.id, { caseId: inf.id, note: '同一检举人' }, org.actor(org.deputy));
    expect((await db.settings.get(IDENTITY_REVIEWS_KEY))!.value).toEqual({});
    expect(await todosOf(org.deputy)).toEqual([]);
    signInAs(org.staff);
    expect((await openCase(again.id))!.name).toBe(INFORMANT_MASK);
  });

  it('names the informant’s case once, not its 重复件 as well', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    await registerPetition(secondLetter(), org.actor(org.director), {
      duplicate: { kind: 'link', caseId: inf.id },
    });
    const again = await registerPetition(secondLetter({ summary: '孩子上学' }), org.actor(org.staff));
    signInAs(org.director);
    expect((await identityReviewOf(again.id))!.matches.map((m) => m.id)).toEqual([inf.id]);
    expect((await todosOf(org.director)).map((t) => t.title)).toEqual([
      `${again.regNo} 与检举揭发件 ${inf.regNo} 可能为同一信访人`,
    ]);
  });

  it('lets the reviewer close it without linking, with a note', async () => {
    await registerPetition(informantLetter(), org.actor(org.director));
    const again = await registerPetition(secondLetter({ summary: '孩子上学' }), org.actor(org.staff));
    await expectRefusal(closeIdentityReview(again.id, ' ', org.actor(org.director)), 'PET-10', 'note');
    await closeIdentityReview(again.id, '同名同电话，实为其家人反映另一事项', org.actor(org.director));
    expect(await todosOf(org.director)).toEqual([]);
    await expectRefusal(closeIdentityReview(again.id, '再次', org.actor(org.director)), 'PET-6');
  });

  it('opens no review when the registering user may see the informant, or linked the letter into that case', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    await registerPetition(secondLetter({ summary: '孩子上学' }), org.actor(org.director));
    await registerPetition(secondLetter(), org.actor(org.staff), {
      duplicate: { kind: 'link', caseId: inf.id },
    });
    expect(await db.settings.get(IDENTITY_REVIEWS_KEY)).toBeUndefined();
  });
});

describe('point 3: masking is decided at the queries, from the session', () => {
  it('masks for whoever is signed in, and for no one signed in, without the caller saying anything', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    signOut();
    expect((await listPetitions({}, null)).rows[0].name).toBe(INFORMANT_MASK);
    expect((await openCase(inf.id))!.name).toBe(INFORMANT_MASK);
    signInAs(org.director);
    expect((await listPetitions({}, null)).rows[0].name).toBe(INFORMANT.name);
    // a role taken away counts at once, whatever the session still says
    await update(db.staff, org.director.id, { roles: ['petition'] }, SYSTEM_ACTOR);
    expect((await openCase(inf.id))!.name).toBe(INFORMANT_MASK);
  });

  it('masks the case’s audit trail, its attachments’ names and the 审计日志 for someone who may not see it', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    await addAttachments(
      inf.id,
      [{ name: `${INFORMANT.name}检举信.pdf`, type: 'application/pdf', blob: new Blob(['x']) }],
      org.actor(org.director),
    );
    await correctRegistration(inf.id, { phone: '13907390999' }, '电话更正', org.actor(org.director));
    signInAs(org.staff);
    const trail = JSON.stringify(await caseAudit(inf.id));
    expect(trail).not.toContain(INFORMANT.name);
    expect(trail).not.toContain('qianjianju');
    expect(trail).not.toContain('13907390999');
    expect(trail).not.toContain(INFORMANT.phone);
    expect(JSON.stringify(await caseSteps(inf.id))).not.toContain(INFORMANT.name);
    // the administrator reads the whole 审计日志 but has no right to the identity
    signInAs(admin);
    const page = JSON.stringify((await auditPage({}, null, 200)).rows);
    expect(page).not.toContain(INFORMANT.name);
    expect(page).not.toContain(INFORMANT.phone);
    expect(page).toContain(inf.regNo);
    signInAs(org.discipline);
    expect(JSON.stringify(await caseAudit(inf.id))).toContain(INFORMANT.name);
    expect(JSON.stringify(await caseSteps(inf.id))).toContain(`${INFORMANT.name}检举信.pdf`);
  });

  it('reads and records the same way inside a screen’s live query', async () => {
    await registerPetition(informantLetter(), org.actor(org.director));
    signInAs(org.director);
    const rows = await new Promise<string[]>((resolve, reject) => {
      const sub = Dexie.liveQuery(() => listPetitions({}, null)).subscribe({
        next: (page) => {
          sub.unsubscribe();
          resolve(page.rows.map((r) => r.name));
        },
        error: reject,
      });
    });
    expect(rows).toEqual([INFORMANT.name]);
    expect((await reveals()).map((e) => e.summary)).toEqual([expect.stringContaining('信访件列表')]);
  });
});

describe('the signed-in user’s access is read once, until the staff or the settings change', () => {
  const accessReads = (reads: RawRead[]) => reads.filter((r) => r.table === 'staff' || r.table === 'settings');

  it('reads nothing the second time, and a role taken away or a setting changed counts at once', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    signInAs(org.deputy);
    const [first, readsFirst] = await recordReads(db, () => listPetitions({}, null));
    expect(accessReads(readsFirst).length).toBeGreaterThan(0);
    expect(first.rows.find((r) => r.id === inf.id)!.name).toBe(INFORMANT.name);
    const [, readsAgain] = await recordReads(db, () => listPetitions({}, null));
    expect(accessReads(readsAgain)).toEqual([]);

    // the setting no longer lets 分管领导 see informants: the next page masks
    const s = await loadPetitionSettings();
    await savePetitionSettings(
      { ...s, informantAccess: { roles: ['director', 'discipline'], assignee: true } },
      org.actor(org.director),
    );
    expect((await openCase(inf.id))!.name).toBe(INFORMANT_MASK);
    await savePetitionSettings(s, org.actor(org.director));
    expect((await openCase(inf.id))!.name).toBe(INFORMANT.name);

    // the role taken away in the staff record (the session still holds it): masked at once
    await update(db.staff, org.deputy.id, { roles: [] }, SYSTEM_ACTOR);
    expect((await openCase(inf.id))!.name).toBe(INFORMANT_MASK);
    expect((await listPetitions({}, null)).rows.find((r) => r.id === inf.id)!.name).toBe(INFORMANT_MASK);
  });

  it('is another user’s access once another user signs in', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    signInAs(org.director);
    expect((await openCase(inf.id))!.name).toBe(INFORMANT.name);
    signInAs(org.staff);
    expect((await openCase(inf.id))!.name).toBe(INFORMANT_MASK);
    signOut();
    expect((await listPetitions({}, null)).rows.find((r) => r.id === inf.id)!.name).toBe(INFORMANT_MASK);
  });

  it('an open list masks at once when the setting takes the viewer’s right away', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    signInAs(org.deputy);
    // the list open before: its access is in the cache when the screen's live query starts
    expect((await listPetitions({}, null)).rows.find((r) => r.id === inf.id)!.name).toBe(INFORMANT.name);
    const seen: string[] = [];
    let changed: () => void = () => undefined;
    const masked = new Promise<void>((ok) => (changed = ok));
    const sub = Dexie.liveQuery(() => listPetitions({}, null)).subscribe({
      next: (page) => {
        const name = page.rows.find((r) => r.id === inf.id)!.name;
        seen.push(name);
        if (name === INFORMANT_MASK) changed();
      },
    });
    try {
      await vi.waitFor(() => expect(seen).toEqual([INFORMANT.name]));
      const s = await loadPetitionSettings();
      await savePetitionSettings(
        { ...s, informantAccess: { roles: ['director', 'discipline'], assignee: true } },
        org.actor(org.director),
      );
      await masked;
      expect(seen).toEqual([INFORMANT.name, INFORMANT_MASK]);
    } finally {
      sub.unsubscribe();
    }
  });

  it('is read afresh inside a transaction, where a role taken away in it counts', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    signInAs(org.director);
    expect((await openCase(inf.id))!.name).toBe(INFORMANT.name);
    await db.transaction('rw', db.staff, db.petitions, db.settings, async () => {
      await db.staff.update(org.director.id, { roles: [] });
      const a = await informantAccess();
      expect(a.byRole).toBe(false);
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect((await informantAccess()).byRole).toBe(true);
  });
});

describe('point 4: who may see is a setting; every reveal is audited', () => {
  it('lets the case’s 承办人 see it (default), not someone recused, and follows the setting', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    signInAs(org.staff);
    expect((await openCase(inf.id))!.name).toBe(INFORMANT_MASK);
    await assignHandler(inf.id, org.staff.id, org.actor(org.director));
    expect((await openCase(inf.id))!.name).toBe(INFORMANT.name);
    expect((await findDuplicates({ ...INFORMANT, summary: '孩子上学' }, {}))[0].samePetitioner).toBe(true);
    // …and sees the 重复件待核 of a letter that matches their case
    const again = await registerPetition(secondLetter({ summary: '孩子上学' }), org.actor(org.head));
    expect((await todosOf(org.staff)).map((t) => t.link)).toEqual([`#/petitions/case/${again.id}`]);
    // the setting: 承办人 not allowed, 分管领导 no longer a role that sees
    const s = await loadPetitionSettings();
    await savePetitionSettings(
      { ...s, informantAccess: { roles: ['director', 'discipline'], assignee: false } },
      org.actor(org.director),
    );
    signInAs(org.staff);
    expect((await openCase(inf.id))!.name).toBe(INFORMANT_MASK);
    signInAs(org.deputy);
    expect((await openCase(inf.id))!.name).toBe(INFORMANT_MASK);
    signInAs(org.discipline); // 纪检组长 is also a deputy: the discipline role counts
    expect((await openCase(inf.id))!.name).toBe(INFORMANT.name);
    // a recused leader never sees it
    await recordRecusal(
      inf.id,
      { staffId: org.director.id, reason: 'relative', on: '2026-05-20' },
      org.actor(org.head),
    );
    signInAs(org.director);
    expect((await openCase(inf.id))!.name).toBe(INFORMANT_MASK);
  });

  it('lets only the 局长 change who may see informants', async () => {
    await update(db.staff, admin.id, { roles: ['admin'] }, SYSTEM_ACTOR);
    const s = await loadPetitionSettings();
    expect(s.informantAccess).toEqual({ roles: ['director', 'deputy', 'discipline'], assignee: true });
    await expectRefusal(
      savePetitionSettings(
        { ...s, informantAccess: { roles: [...s.informantAccess.roles, 'admin'], assignee: true } },
        {
          id: admin.id,
          name: admin.name,
        },
      ),
      'PET-6',
      'informantAccess',
    );
    // the administrator may still change the other settings
    await savePetitionSettings({ ...s, soonDays: 5 }, { id: admin.id, name: admin.name });
    expect((await loadPetitionSettings()).soonDays).toBe(5);
    expect((await loadCtx(org.actor(org.director))).settings.informantAccess.roles).toEqual([
      'director',
      'deputy',
      'discipline',
    ]);
  });

  it('writes one audit entry per reveal: a case opened, a list page, an export — and none for what stays masked', async () => {
    const inf = await registerPetition(informantLetter(), org.actor(org.director));
    const dup = await registerPetition(secondLetter(), org.actor(org.director), {
      duplicate: { kind: 'link', caseId: inf.id },
    });
    await registerPetition(letter({ summary: '道路损坏' }), org.actor(org.director));
    signInAs(org.staff);
    await listPetitions({}, null);
    await openCase(inf.id);
    await buildLedger('letter', '2026-05-01', '2026-05-31', '2026年5月', 'ledgerExport');
    expect(await reveals()).toEqual([]);

    signInAs(org.director);
    await openCase(inf.id);
    await openCase(inf.id); // the screen's query runs again: recorded once
    await listPetitions({}, null);
    await listPetitions({}, null);
    await buildLedger('letter', '2026-05-01', '2026-05-31', '2026年5月', 'ledgerExport');
    await buildLedger('letter', '2026-05-01', '2026-05-31', '2026年5月', 'ledgerExport'); // every time
    await buildLedger('letter', '2026-05-01', '2026-05-31', '2026年5月', 'ledgerPrint');
    const entries = await reveals();
    expect(entries.map((e) => [e.actorName, e.recordId, e.summary])).toEqual([
      ['刘局长', inf.id, `查看检举人身份（案件详情）：${inf.regNo}`],
      ['刘局长', 'PET-6', expect.stringMatching(/^查看检举人身份（信访件列表）：/)],
      ['刘局长', 'PET-6', expect.stringMatching(/^查看检举人身份（导出台帐）：/)],
      ['刘局长', 'PET-6', expect.stringMatching(/^查看检举人身份（导出台帐）：/)],
      ['刘局长', 'PET-6', expect.stringMatching(/^查看检举人身份（台帐打印预览）：/)],
    ]);
    expect(entries[1].after).toEqual({
      purpose: 'list',
      cases: [inf, dup]
        .map((p) => ({ id: p.id, regNo: p.regNo }))
        .sort((a, b) => a.regNo.localeCompare(b.regNo)),
    });
    // screens that show no petitioner reveal nothing
    const before = entries.length;
    await duplicatesOf(inf.id);
    await petitionsInRange(null, '2026-05-01', '2026-05-31');
    expect((await reveals()).length).toBe(before);
  });
});
