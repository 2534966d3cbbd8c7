// Organisation look-ups used by routes and screens: who heads a section, who is its 分管领导,
// who is the 局长, who is 分管财务 / 分管办公室 (settings).
import { db } from '../db/db';
import { isLive } from '../db/live';
import type { Section, Staff } from '../db/schema/core';
import { getSetting } from '../db/settings';

export async function activeStaff(): Promise<Staff[]> {
  const all = await db.staff.orderBy('name').toArray();
  return all.filter((s) => s.active && isLive(s));
}

export async function staffName(id: string | null | undefined): Promise<string> {
  if (!id) return '';
  return (await db.staff.get(id))?.name ?? '';
}

export async function sectionOf(staff: Staff): Promise<Section | undefined> {
  return staff.sectionId ? db.sections.get(staff.sectionId) : undefined;
}

export async function director(): Promise<Staff | undefined> {
  const configured = await getSetting<string | null>('directorId', null);
  if (configured) {
    const s = await db.staff.get(configured);
    if (s && s.active && isLive(s)) return s;
  }
  const all = await db.staff.where('rank').equals('director').toArray();
  return all.find((s) => s.active && isLive(s));
}

export async function financeDeputy(): Promise<Staff | undefined> {
  const id = await getSetting<string | null>('financeDeputyId', null);
  return id ? db.staff.get(id) : undefined;
}

export async function officeDeputy(): Promise<Staff | undefined> {
  const id = await getSetting<string | null>('officeDeputyId', null);
  return id ? db.staff.get(id) : undefined;
}

export const UNIT_NAME_KEY = 'unitName';
export const UNIT_NAME_FALLBACK = '信访局';

export async function unitName(): Promise<string> {
  return getSetting<string>(UNIT_NAME_KEY, UNIT_NAME_FALLBACK);
}
