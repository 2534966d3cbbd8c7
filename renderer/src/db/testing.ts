// Test helpers for repository tests on fake-indexeddb (imported by *.test.ts only).
import { afterEach, beforeEach } from 'vitest';

import type { Role } from '../../../shared/permissions';
import type { Rank } from '../../../shared/rules';
import { BUNDLED_CALENDAR } from '../../../shared/rules';
import type { SessionUser } from '../auth/service';
import { DEFAULT_SECTIONS } from '../org/defaults';

import { pinClock } from './clock';
import { createDb, switchDb } from './db';
import { DomainError, insert, SYSTEM_ACTOR, update } from './repo';
import type { Actor } from './repo';
import type { Staff } from './schema/core';
import { setSetting } from './settings';

let counter = 0;

// The real calendars and the unit's name (新宁县信访局).
async function seedUnitAndCalendars() {
  const { db } = await import('./db');
  for (const [year, cal] of Object.entries(BUNDLED_CALENDAR)) {
    await insert(
      db.calendars,
      { year: Number(year), holidays: cal.holidays, workdays: cal.workdays, source: 'test' },
      SYSTEM_ACTOR,
    );
  }
  await setSetting('unitName', '新宁县信访局', SYSTEM_ACTOR);
}

// What the first-run set-up leaves before any staff: the calendars, the unit's name and the six
// default sections (the demo generators add the people).
export async function seedFirstRun() {
  const { db } = await import('./db');
  await seedUnitAndCalendars();
  for (const [i, name] of DEFAULT_SECTIONS.entries()) {
    await insert(db.sections, { name, order: i, headId: null, deputyId: null }, SYSTEM_ACTOR);
  }
}

// A fresh, empty database for each test (a new name, so nothing leaks between tests).
export async function resetDb() {
  const d = createDb(`test-${Date.now()}-${counter++}`);
  await d.open();
  switchDb(d);
  return d;
}

export type TestOrg = {
  director: Staff;
  deputy: Staff; // 分管 the section; also 分管财务 and 分管办公室
  head: Staff; // section head
  staff: Staff; // an ordinary member of the section
  clerk: Staff; // office clerk
  finance: Staff;
  discipline: Staff;
  sectionId: string;
  officeSectionId: string;
  actor(s: Staff): Actor;
};

// A small bureau: one business section and the office, with a director, a deputy in charge of
// both, section heads, staff, the office clerk, finance and discipline, and the real calendars.
export async function seedOrg(): Promise<TestOrg> {
  const { db } = await import('./db');
  await seedUnitAndCalendars();
  const sec = await insert(
    db.sections,
    { name: '办信股', order: 0, headId: null, deputyId: null },
    SYSTEM_ACTOR,
  );
  const office = await insert(
    db.sections,
    { name: '办公室', order: 1, headId: null, deputyId: null },
    SYSTEM_ACTOR,
  );
  const mk = (name: string, rank: Rank, roles: Role[], sectionId: string | null) =>
    insert(db.staff, { name, rank, roles, sectionId, active: true }, SYSTEM_ACTOR);
  const director = await mk('刘局长', 'director', ['director'], null);
  const deputy = await mk('陈副局长', 'deputy', ['deputy'], null);
  const head = await mk('孙股长', 'section_head', ['section_head', 'petition'], sec.id);
  const staff = await mk('钱科员', 'staff', ['petition'], sec.id);
  const clerk = await mk('周文书', 'staff', ['office'], office.id);
  const finance = await mk('吴会计', 'staff', ['finance'], office.id);
  const discipline = await mk('赵组长', 'deputy', ['deputy', 'discipline'], null);
  await update(db.sections, sec.id, { headId: head.id, deputyId: deputy.id }, SYSTEM_ACTOR);
  await update(db.sections, office.id, { headId: clerk.id, deputyId: deputy.id }, SYSTEM_ACTOR);
  await setSetting('directorId', director.id, SYSTEM_ACTOR);
  await setSetting('financeDeputyId', deputy.id, SYSTEM_ACTOR);
  await setSetting('officeDeputyId', deputy.id, SYSTEM_ACTOR);
  return {
    director,
    deputy,
    head,
    staff,
    clerk,
    finance,
    discipline,
    sectionId: sec.id,
    officeSectionId: office.id,
    actor: (s) => ({ id: s.id, name: s.name }),
  };
}

// Every test of the calling file starts on a fresh database with the seeded bureau (seedOrg), the
// clock pinned at `now` first (unpinned after each test). The object returned is filled in before
// each test, so a file keeps writing `org.staff.id`. `then` runs after the seeding (units, handlers).
export function withSeededOrg(now?: Date | string, then?: (org: TestOrg) => unknown): TestOrg {
  const org = {} as TestOrg;
  beforeEach(async () => {
    if (now !== undefined) pinClock(new Date(now));
    await resetDb();
    Object.assign(org, await seedOrg());
    await then?.(org);
  });
  afterEach(() => pinClock(null));
  return org;
}

// The DomainError a command refuses with (fails the test when it succeeds or throws anything else).
export async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

// A staff member added to the seeded bureau (SYSTEM_ACTOR), e.g. an administrator.
export async function addStaff(name: string, roles: Role[], sectionId: string | null, rank: Rank = 'staff') {
  const { db } = await import('./db');
  return insert(db.staff, { name, rank, roles, sectionId, active: true }, SYSTEM_ACTOR);
}

// A staff member signed in, as the to-do and deadline providers see the user.
export const sessionUserOf = (s: Staff): SessionUser => ({
  staffId: s.id,
  accountId: `account-${s.id}`,
  name: s.name,
  loginName: s.name,
  roles: s.roles,
  sectionId: s.sectionId,
  rank: s.rank,
});
