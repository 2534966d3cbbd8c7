// 责任单位: townships and departments, and the township × subject → unit table the petitions
// module suggests the responsible unit from (PET-8).
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, live, liveOnly } from '../../../db/live';
import { DomainError, insert, softDelete, update } from '../../../db/repo';
import type { ResponsibleRoute, Unit, UnitKind } from '../../../db/schema/core';
import { getSetting, setSetting } from '../../../db/settings';
import { compareZh } from '../../../org/order';
import { REFUSALS, ROUTE_SUBJECTS } from '../labels';

import { sessionActor } from './access';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = { township: '乡镇', department: '部门' };
export const ROUTE_TOWNSHIPS_KEY = 'routeTownships';
export const ROUTE_SUBJECTS_KEY = 'routeSubjects';

export type UnitInput = { name: string; kind: UnitKind; contact: string; phone: string };

export async function listUnits(): Promise<Unit[]> {
  return liveOnly(await db.units.toArray()).sort(
    (a, b) =>
      Number(b.active) - Number(a.active) || a.kind.localeCompare(b.kind) || compareZh(a.name, b.name),
  );
}

export const saveUnitCommand = defineCommand({
  what: '保存责任单位',
  perm: 'system.settings',
  tables: (d) => [d.units],
  validate: (_id: string | null, input: UnitInput) => {
    if (!input.name.trim()) throw new DomainError(REFUSALS.unitNameRequired, 'name');
  },
  run: async (ctx, id: string | null, input: UnitInput) => {
    const name = input.name.trim();
    const v = { name, kind: input.kind, contact: input.contact.trim(), phone: input.phone.trim() };
    const same = await live(db.units.where('name').equals(name)).toArray();
    if (same.some((u) => u.id !== id)) throw new DomainError(REFUSALS.unitNameTaken, 'name');
    if (!id) return insert(db.units, { ...v, active: true }, ctx.actor, '新增责任单位');
    return update(db.units, id, v, ctx.actor, '修改责任单位');
  },
});

export async function saveUnit(id: string | null, input: UnitInput): Promise<Unit> {
  return saveUnitCommand(id, input, sessionActor('system.settings', saveUnitCommand.what));
}

export const setUnitActiveCommand = defineCommand({
  what: '停用或启用责任单位',
  perm: 'system.settings',
  tables: (d) => [d.units],
  run: async (ctx, id: string, active: boolean) => {
    await update(db.units, id, { active }, ctx.actor, active ? '启用责任单位' : '停用责任单位');
  },
});

export async function setUnitActive(id: string, active: boolean): Promise<void> {
  return setUnitActiveCommand(id, active, sessionActor('system.settings', setUnitActiveCommand.what));
}

export type RouteGrid = { townships: string[]; subjects: string[]; cells: Map<string, ResponsibleRoute> };
export const cellKey = (township: string, subject: string) => `${township}\u0000${subject}`;

const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];

// Rows: the townships of the township units (without 人民政府), those in the table and any added;
// columns: the petition categories, those in the table and any added.
export async function routeGrid(): Promise<RouteGrid> {
  const [routes, units, extraT, extraS] = await Promise.all([
    live(db.responsibleRoutes.toCollection()).toArray(),
    live(db.units.where('kind').equals('township')).toArray(),
    getSetting<string[]>(ROUTE_TOWNSHIPS_KEY, []),
    getSetting<string[]>(ROUTE_SUBJECTS_KEY, []),
  ]);
  const townships = uniq([
    ...units.map((u) => u.name.replace(/人民政府$/, '')),
    ...routes.map((r) => r.township),
    ...extraT,
  ]).sort(compareZh);
  const subjects = uniq([...ROUTE_SUBJECTS, ...routes.map((r) => r.subject), ...extraS]);
  const cells = new Map<string, ResponsibleRoute>();
  for (const r of routes) cells.set(cellKey(r.township, r.subject), r);
  return { townships, subjects, cells };
}

// Sets (or clears, with null) the unit for one township and subject.
export const setRouteCommand = defineCommand({
  what: '设置责任单位对照',
  perm: 'system.settings',
  tables: (d) => [d.responsibleRoutes, d.units],
  validate: (township: string, subject: string, _unitId: string | null) => {
    if (!township.trim()) throw new DomainError(REFUSALS.townshipRequired, 'township');
    if (!subject.trim()) throw new DomainError(REFUSALS.subjectRequired, 'subject');
  },
  run: async (ctx, township: string, subject: string, unitId: string | null) => {
    const t = township.trim();
    const s = subject.trim();
    if (unitId) {
      const u = await getLive(db.units, unitId);
      if (!u || !u.active) throw new DomainError(REFUSALS.unitMissing, 'unitId');
    }
    const existing = await live(db.responsibleRoutes.where('[township+subject]').equals([t, s])).toArray();
    const [first, ...dupes] = existing;
    for (const d of dupes) await softDelete(db.responsibleRoutes, d.id, ctx.actor, '重复的对照项');
    if (!unitId) {
      if (first) await softDelete(db.responsibleRoutes, first.id, ctx.actor, '清除责任单位');
    } else if (first) {
      if (first.unitId !== unitId)
        await update(db.responsibleRoutes, first.id, { unitId }, ctx.actor, '修改责任单位对照');
    } else {
      await insert(db.responsibleRoutes, { township: t, subject: s, unitId }, ctx.actor, '新增责任单位对照');
    }
  },
});

export async function setRoute(township: string, subject: string, unitId: string | null): Promise<void> {
  return setRouteCommand(township, subject, unitId, sessionActor('system.settings', setRouteCommand.what));
}

const LIST_FIELD = { [ROUTE_TOWNSHIPS_KEY]: 'township', [ROUTE_SUBJECTS_KEY]: 'subject' } as const;
type ListKey = keyof typeof LIST_FIELD;

// A township (row) or a subject (column) added to the table before any unit is set for it.
export const addRouteListCommand = defineCommand({
  what: '添加对照表的乡镇或问题类别',
  perm: 'system.settings',
  tables: (d) => [d.settings, d.responsibleRoutes, d.units],
  validate: (key: ListKey, value: string) => {
    if (!value.trim())
      throw new DomainError(
        key === ROUTE_TOWNSHIPS_KEY ? REFUSALS.townshipRequired : REFUSALS.subjectRequired,
        LIST_FIELD[key],
      );
  },
  run: async (ctx, key: ListKey, value: string) => {
    const v = value.trim();
    const grid = await routeGrid();
    if ((key === ROUTE_TOWNSHIPS_KEY ? grid.townships : grid.subjects).includes(v))
      throw new DomainError(REFUSALS.alreadyListed, LIST_FIELD[key]);
    const list = await getSetting<string[]>(key, []);
    await setSetting(key, [...list, v], ctx.actor);
  },
});

export async function addRouteTownship(name: string): Promise<void> {
  return addRouteListCommand(
    ROUTE_TOWNSHIPS_KEY,
    name,
    sessionActor('system.settings', addRouteListCommand.what),
  );
}
export async function addRouteSubject(name: string): Promise<void> {
  return addRouteListCommand(
    ROUTE_SUBJECTS_KEY,
    name,
    sessionActor('system.settings', addRouteListCommand.what),
  );
}
