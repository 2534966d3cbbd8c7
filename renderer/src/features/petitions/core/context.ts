// The context every write of the petitions module reads before its transaction (calendar,
// settings, units, staff, the actor as PET-6 sees them), the helpers the writes share, and
// petitionCommand: a write of the module as a command of db/command.ts.
import type { Table } from 'dexie';

import type { Permission, Role } from '../../../../../shared/permissions';
import { mayForwardTo } from '../../../../../shared/rules';
import type { CalendarData, ISODate, RuleId } from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { nowIso, today } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import type { Db } from '../../../db/command';
import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import { DomainError, insert, SYSTEM_ACTOR, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Staff, Unit } from '../../../db/schema/core';
import type { Petition, PetitionState, PetitionStep, PetitionStepKind } from '../../../db/schema/petitions';
import { STEP_LABELS } from '../labels';

import { bureauDue } from './deadlines';
import { accessFrom } from './informant';
import type { InformantAccess, Viewer } from './informant';
import { loadPinyinKeys } from './nameSearch';
import { loadPetitionSettings } from './settings';
import type { PetitionSettings } from './settings';
import { termKeys } from './text';
import { dateProblem } from './validate';

// ---- context -----------------------------------------------------------------------------------

export type PetitionCtx = {
  cal: CalendarData;
  settings: PetitionSettings;
  today: ISODate;
  townships: string[];
  units: Map<string, Unit>;
  staff: Map<string, Staff>;
  roles: Role[];
  system: boolean;
  viewer: Viewer; // the actor, as PET-6 sees them
  nameKeys: (name: string) => string[]; // a name's pinyin keys (loaded before the transaction)
};

export async function knownTownships(): Promise<string[]> {
  const [routes, units] = await Promise.all([
    db.responsibleRoutes.toArray(),
    db.units.where('kind').equals('township').toArray(),
  ]);
  const set = new Set<string>();
  for (const r of routes) if (isLive(r)) set.add(r.township);
  for (const u of units) if (isLive(u)) set.add(u.name.replace(/人民政府$/, ''));
  return [...set].sort((a, b) => a.localeCompare(b, 'zh'));
}

export async function loadCtx(actor: Actor = SYSTEM_ACTOR): Promise<PetitionCtx> {
  const [cal, settings, townships, units, staff, pinyinKeys] = await Promise.all([
    loadCalendar(),
    loadPetitionSettings(),
    knownTownships(),
    db.units.toArray(),
    db.staff.toArray(),
    loadPinyinKeys(),
  ]);
  const staffMap = new Map(staff.map((s) => [s.id, s]));
  const roles = staffMap.get(actor.id)?.roles ?? [];
  const system = actor.id === SYSTEM_ACTOR.id;
  return {
    cal,
    settings,
    today: today(),
    townships,
    units: new Map(units.filter(isLive).map((u) => [u.id, u])),
    staff: staffMap,
    roles,
    system,
    viewer: { id: actor.id, name: actor.name, roles, system },
    nameKeys: pinyinKeys.petitionNameKeys,
  };
}

// PET-6: what the actor may see of informant cases (the setting, from the context).
export function informantAccessOf(ctx: PetitionCtx): InformantAccess {
  return accessFrom(ctx.viewer, ctx.settings);
}

export function isLeader(ctx: PetitionCtx) {
  return ctx.system || ctx.roles.includes('director') || ctx.roles.includes('deputy');
}

// The tables every write of the module may touch (one transaction over them all); settings holds
// the open 重复件待核 that a registration may add to.
export const writeTables = () => petitionTables(db);

export function petitionTables(d: Db): Table[] {
  return [d.petitions, d.petitionSteps, d.attachments, d.staffComplaints, d.settings];
}

// A write of the module as a command (db/command.ts): the returned function reads what the rules
// need (calendar, settings, units, staff: `pre` when the caller has it already) before the
// transaction; the command then checks the permission with the one wording and runs `run` in one
// transaction over `tables` and the audit trail. perm null: any active staff member (the check
// then sits in `run`).
export function petitionCommand<I extends unknown[], O>(
  what: string,
  perm: Permission | null,
  run: (ctx: PetitionCtx, actor: Actor, ...input: I) => Promise<O>,
  tables: (d: Db) => Table[] = petitionTables,
): (actor: Actor, pre: PetitionCtx | undefined, ...input: I) => Promise<O> {
  const command = defineCommand<[PetitionCtx, ...I], O>({
    what,
    perm,
    tables,
    run: async (c, ctx, ...input) => run(ctx, c.actor, ...input),
  });
  return async (actor, pre, ...input) => command(pre ?? (await loadCtx(actor)), ...input, actor);
}

// A write on one case, called as the module's functions are: (id, input, actor, pre?).
export function caseCommand<I, O>(
  what: string,
  perm: Permission | null,
  run: (ctx: PetitionCtx, actor: Actor, id: string, input: I) => Promise<O>,
  tables?: (d: Db) => Table[],
): (id: string, input: I, actor: Actor, pre?: PetitionCtx) => Promise<O> {
  const command = petitionCommand(what, perm, run, tables);
  return (id, input, actor, pre) => command(actor, pre, id, input);
}

// ---- helpers -----------------------------------------------------------------------------------

export async function livePetition(id: string): Promise<Petition> {
  const p = await db.petitions.get(id);
  if (!isLive(p)) throw new DomainError('信访件不存在或已删除');
  return p;
}

export function checkOn(
  on: string | null | undefined,
  field: string,
  ctx: PetitionCtx,
  after?: { date?: string | null; label: string },
) {
  const d = dateProblem(on, ctx.today);
  if (d) throw new DomainError(d, field);
  if (after?.date && (on as string) < after.date)
    throw new DomainError(`日期不能早于${after.label}（${after.date}）`, field);
}

export function need(
  value: string | null | undefined,
  message: string,
  field: string,
  ruleId?: RuleId,
): string {
  if (!value || !value.trim()) throw new DomainError(message, field, ruleId);
  return value.trim();
}

export function requireState(p: Petition, allowed: readonly PetitionState[], what: string) {
  if (!allowed.includes(p.state)) throw new DomainError(`当前状态不能${what}`, 'state');
}

export async function change(
  p: Petition,
  changes: Partial<Petition>,
  ctx: PetitionCtx,
  actor: Actor,
  summary: string,
) {
  const next = { ...p, ...changes } as Petition;
  const all: Partial<Petition> = { ...changes, ...bureauDue(next, ctx.cal, ctx.settings, ctx.today) };
  if (changes.summary !== undefined) all.terms = termKeys(next.summary, next.receivedOn, next.regNo);
  if (changes.name !== undefined) all.nameKeys = ctx.nameKeys(next.name);
  return update(db.petitions, p.id, all, actor, summary);
}

export function addStep(
  p: Pick<Petition, 'id' | 'regNo'>,
  kind: PetitionStepKind,
  on: ISODate,
  text: string,
  actor: Actor,
  data?: Record<string, unknown>,
): Promise<PetitionStep> {
  return insert(
    db.petitionSteps,
    { petitionId: p.id, kind, on, at: nowIso(), byId: actor.id, byName: actor.name, text, data },
    actor,
    `${STEP_LABELS[kind]}：${p.regNo}`,
  );
}

export function unitOf(ctx: PetitionCtx, unitId: string | null | undefined): Unit {
  const u = unitId ? ctx.units.get(unitId) : undefined;
  if (!u || !u.active) throw new DomainError('请选择有效的责任单位', 'unitId', 'PET-8');
  return u;
}

// PET-6: never to a unit the informant accuses (by the unit table, or named in the free text).
export function assertMayForward(p: Petition, unit: Unit) {
  const named = !!p.accusedNote && p.informant && p.accusedNote.includes(unit.name);
  if (!mayForwardTo({ informant: p.informant, accusedUnitIds: p.accusedUnitIds }, unit.id) || named) {
    throw new DomainError(`该件为检举揭发件，不得转送、交办给被检举单位（${unit.name}）`, 'unitId', 'PET-6');
  }
}
