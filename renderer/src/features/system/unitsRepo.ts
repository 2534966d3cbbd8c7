// 责任单位: townships and departments, and the township × subject → unit table the petitions
// module suggests the responsible unit from (PET-8).
import { db } from '../../db/db';
import { DomainError, insert, softDelete, update, writeTx } from '../../db/repo';
import type { ResponsibleRoute, Unit, UnitKind } from '../../db/schema/core';
import { getSetting, setSetting } from '../../db/settings';

import { requirePermission } from './guard';
import { MSG, ROUTE_SUBJECTS } from './labels';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = { township: '乡镇', department: '部门' };
export const ROUTE_TOWNSHIPS_KEY = 'routeTownships';
export const ROUTE_SUBJECTS_KEY = 'routeSubjects';

export type UnitInput = { name: string; kind: UnitKind; contact: string; phone: string };

export async function listUnits(): Promise<Unit[]> {
  const all = await db.units.toArray();
  return all
    .filter((u) => !u.deletedAt)
    .sort((a, b) => Number(b.active) - Number(a.active) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh'));
}

export async function saveUnit(id: string | null, input: UnitInput): Promise<Unit> {
  const actor = await requirePermission('system.settings');
  const name = input.name.trim();
  if (!name) throw new DomainError(MSG.unitNameRequired, 'name');
  const v = { name, kind: input.kind, contact: input.contact.trim(), phone: input.phone.trim() };
  return writeTx([db.units], async () => {
    const same = await db.units.where('name').equals(name).toArray();
    if (same.some((u) => !u.deletedAt && u.id !== id)) throw new DomainError(MSG.unitNameTaken, 'name');
    if (!id) return insert(db.units, { ...v, active: true }, actor, '新增责任单位');
    return update(db.units, id, v, actor, '修改责任单位');
  });
}

export async function setUnitActive(id: string, active: boolean): Promise<void> {
  const actor = await requirePermission('system.settings');
  await update(db.units, id, { active }, actor, active ? '启用责任单位' : '停用责任单位');
}

export type RouteGrid = { townships: string[]; subjects: string[]; cells: Map<string, ResponsibleRoute> };
export const cellKey = (township: string, subject: string) => `${township}\u0000${subject}`;

const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];

// Rows: the townships of the township units (without 人民政府), those in the table and any added;
// columns: the petition categories, those in the table and any added.
export async function routeGrid(): Promise<RouteGrid> {
  const [routes, units, extraT, extraS] = await Promise.all([
    db.responsibleRoutes.toArray(),
    db.units.where('kind').equals('township').toArray(),
    getSetting<string[]>(ROUTE_TOWNSHIPS_KEY, []),
    getSetting<string[]>(ROUTE_SUBJECTS_KEY, []),
  ]);
  const live = routes.filter((r) => !r.deletedAt);
  const townships = uniq([
    ...units.filter((u) => !u.deletedAt).map((u) => u.name.replace(/人民政府$/, '')),
    ...live.map((r) => r.township),
    ...extraT,
  ]).sort((a, b) => a.localeCompare(b, 'zh'));
  const subjects = uniq([...ROUTE_SUBJECTS, ...live.map((r) => r.subject), ...extraS]);
  const cells = new Map<string, ResponsibleRoute>();
  for (const r of live) cells.set(cellKey(r.township, r.subject), r);
  return { townships, subjects, cells };
}

// Sets (or clears, with null) the unit for one township and subject.
export async function setRoute(township: string, subject: string, unitId: string | null): Promise<void> {
  const actor = await requirePermission('system.settings');
  const t = township.trim();
  const s = subject.trim();
  if (!t) throw new DomainError(MSG.townshipRequired, 'township');
  if (!s) throw new DomainError(MSG.subjectRequired, 'subject');
  await writeTx([db.responsibleRoutes, db.units], async () => {
    if (unitId) {
      const u = await db.units.get(unitId);
      if (!u || u.deletedAt || !u.active) throw new DomainError(MSG.unitMissing, 'unitId');
    }
    const existing = (await db.responsibleRoutes.where('[township+subject]').equals([t, s]).toArray()).filter((r) => !r.deletedAt);
    const [first, ...dupes] = existing;
    for (const d of dupes) await softDelete(db.responsibleRoutes, d.id, actor, '重复的对照项');
    if (!unitId) {
      if (first) await softDelete(db.responsibleRoutes, first.id, actor, '清除责任单位');
    } else if (first) {
      if (first.unitId !== unitId) await update(db.responsibleRoutes, first.id, { unitId }, actor, '修改责任单位对照');
    } else {
      await insert(db.responsibleRoutes, { township: t, subject: s, unitId }, actor, '新增责任单位对照');
    }
  });
}

async function addToList(key: string, value: string, requiredMsg: string, field: string) {
  const actor = await requirePermission('system.settings');
  const v = value.trim();
  if (!v) throw new DomainError(requiredMsg, field);
  const grid = await routeGrid();
  if ((key === ROUTE_TOWNSHIPS_KEY ? grid.townships : grid.subjects).includes(v)) throw new DomainError(MSG.alreadyListed, field);
  const list = await getSetting<string[]>(key, []);
  await setSetting(key, [...list, v], actor);
}

export function addRouteTownship(name: string): Promise<void> {
  return addToList(ROUTE_TOWNSHIPS_KEY, name, MSG.townshipRequired, 'township');
}
export function addRouteSubject(name: string): Promise<void> {
  return addToList(ROUTE_SUBJECTS_KEY, name, MSG.subjectRequired, 'subject');
}
