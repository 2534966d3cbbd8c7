// PET-6 (《信访工作条例》第30条第3款) where petitions leave the database. Every petition the module's
// queries return passes through shapeRows: whether it is an informant case (informantCaseOf: marked
// itself, or linked as 重复件 into a case that is — computed here from the stored link, so it holds
// for old data and for a link made later) and whether this viewer may see its identity
// (maySeeIdentity: the roles of the setting, the case's 承办人; never someone recused) are decided
// once, from the session (or the actor a repository function acts for), not by the screen; what the
// viewer may not see is masked with maskIdentity, and every identity shown to someone is written to
// the audit trail (noteReveal: one entry per case opened, list page, export or print).
//
// Nothing here imports the repository or the queries (both import this file).
import Dexie from 'dexie';

import { maskIdentity as maskFields } from '../../../../../shared/ledgers/petitions';
import type { Role } from '../../../../../shared/permissions';
import { isInformantCase, mayViewInformant, samePetitioner } from '../../../../../shared/rules';
import type { SessionUser } from '../../../auth/service';
import { useSession } from '../../../auth/session';
import { onTablesChanged } from '../../../db/changes';
import { db, onDbSwitch } from '../../../db/db';
import { isDeleted, isLive } from '../../../db/live';
import { logEvent, SYSTEM_ACTOR } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { AuditEntry } from '../../../db/schema/core';
import type { Petition, PetitionStep } from '../../../db/schema/petitions';
import { getSetting } from '../../../db/settings';
import { inLiveQuery } from '../../../db/tx';
import { INFORMANT_TEXT, REVEAL_LABELS } from '../labels';
import type { RevealPurpose } from '../labels';

import { loadPetitionSettings } from './settings';
import type { PetitionSettings } from './settings';
import { IDENTITY_FIELDS, normIdNo, normPhone } from './validate';

// ---- who is looking ------------------------------------------------------------------------------

export type Viewer = { id: string; name: string; roles: readonly Role[]; system: boolean };

// No one signed in: sees no informant's identity.
const NOBODY: Viewer = { id: '', name: '未登录', roles: [], system: false };

export function viewerOfUser(u: SessionUser): Viewer {
  return { id: u.staffId, name: u.name, roles: u.roles, system: false };
}

// The signed-in user as the session holds them (the screens' viewer).
export function sessionViewer(): Viewer {
  const u = useSession.getState().user;
  return u ? viewerOfUser(u) : NOBODY;
}

// The viewer a call acts for: the given actor, or else the signed-in user; roles as the staff
// table holds them now (a role taken away counts at once, as in the 系统 guard: for the signed-in
// user, only roles both in the session and in the staff record count). The system actor sees
// everything.
export async function viewerOf(actor?: Actor): Promise<Viewer> {
  if (actor?.id === SYSTEM_ACTOR.id) return { ...actor, roles: [], system: true };
  const v = actor ? { id: actor.id, name: actor.name, roles: null, system: false } : sessionViewer();
  if (!v.id) return NOBODY;
  const s = await db.staff.get(v.id);
  const now = s && isLive(s) && s.active ? s.roles : [];
  return { ...v, roles: v.roles ? now.filter((r) => v.roles!.includes(r)) : now };
}

export type InformantAccess = {
  viewer: Viewer;
  policy: PetitionSettings['informantAccess'];
  byRole: boolean; // may see every informant case (a role of the setting, or the system)
};

export function accessFrom(viewer: Viewer, settings: PetitionSettings): InformantAccess {
  const policy = settings.informantAccess;
  const byRole =
    viewer.system ||
    mayViewInformant(viewer, { assigneeIds: [], recusedIds: [] }, { roles: policy.roles, assignee: false });
  return { viewer, policy, byRole };
}

// What the viewer (default: the signed-in user) may see of informant cases.
export function informantAccess(viewer?: Viewer): Promise<InformantAccess> {
  if (viewer || Dexie.currentTransaction?.active || inLiveQuery()) return readAccess(viewer);
  // The signed-in user's access is kept until the staff or settings tables change: what asks for it
  // outside a live query (an export, a print, a ledger, a page read directly) need not read the
  // user's staff record and the petitions settings each time — reads that cost as much as a list
  // page itself (bench 信访列表). Any committed write to either table
  // — this window's or another's (Dexie's storagemutated) —, another signed-in user or role set, or
  // another database (a restore) reads it afresh. Inside a transaction it is always read: there the
  // reads must see that transaction's own writes; and inside a screen's live query, whose reads are
  // what it watches: an open list must mask again the moment the right is taken away.
  const u = useSession.getState().user;
  const key = `${db.name}|${u?.staffId ?? ''}|${u?.roles.join(',') ?? ''}`;
  if (sessionAccess?.key !== key) {
    const value = readAccess();
    const entry = { key, value };
    sessionAccess = entry;
    value.catch(() => {
      if (sessionAccess === entry) sessionAccess = null;
    });
  }
  return sessionAccess.value;
}

async function readAccess(viewer?: Viewer): Promise<InformantAccess> {
  const [v, settings] = await Promise.all([viewer ?? viewerOf(), loadPetitionSettings()]);
  return accessFrom(v, settings);
}

let sessionAccess: { key: string; value: Promise<InformantAccess> } | null = null;
const forgetAccess = () => {
  sessionAccess = null;
};
onTablesChanged(['staff', 'settings'], forgetAccess);
onDbSwitch(forgetAccess);

// ---- one decision per case ---------------------------------------------------------------------

// The cases the given ones are linked into (重复件 → its case), by id.
export type Links = ReadonlyMap<string, Petition>;

export async function linksOf(rows: readonly Petition[]): Promise<Map<string, Petition>> {
  const have = new Map(rows.map((p) => [p.id, p]));
  const out = new Map<string, Petition>();
  const want = new Set<string>();
  for (const p of rows) {
    if (!p.duplicateOf) continue;
    const m = have.get(p.duplicateOf);
    if (m) out.set(m.id, m);
    else want.add(p.duplicateOf);
  }
  if (want.size) for (const m of await db.petitions.bulkGet([...want])) if (m) out.set(m.id, m);
  return out;
}

const linkedInto = (p: Petition, links: Links) => (p.duplicateOf ? links.get(p.duplicateOf) : undefined);

// PET-6: is this an informant case for masking? (itself, or linked into one)
export function informantCaseOf(p: Petition, links: Links): boolean {
  return isInformantCase(p, linkedInto(p, links) ?? null);
}

// PET-6: may this viewer see this case's petitioner? (always, unless it is an informant case)
export function maySeeIdentity(a: InformantAccess, p: Petition, links: Links): boolean {
  if (!informantCaseOf(p, links) || a.viewer.system) return true;
  const m = linkedInto(p, links);
  return mayViewInformant(
    a.viewer,
    {
      assigneeIds: [p.assigneeId, m?.assigneeId],
      recusedIds: [...(p.recusals ?? []), ...(m?.recusals ?? [])].map((r) => r.staffId),
    },
    a.policy,
  );
}

// The identity masked (shared/ledgers), and the name's search keys with it: nameKeys hold the name
// and its pinyin (text.ts), which tell who the informant is as well as the name does.
function maskIdentity<T extends Record<string, unknown> | Petition>(p: T): T {
  const out = maskFields(p);
  return 'nameKeys' in out ? { ...out, nameKeys: [] } : out;
}

// A petition as it leaves the module's queries.
export type ShownPetition = Petition & {
  informantCase: boolean; // PET-6: marked 检举揭发, or linked into a case that is
  identityMasked: boolean; // the identity was masked for this viewer
};

function shapeOne(p: Petition, a: InformantAccess, links: Links, mayReveal: boolean): ShownPetition {
  const informantCase = informantCaseOf(p, links);
  const masked = informantCase && !(mayReveal && maySeeIdentity(a, p, links));
  return { ...(masked ? maskIdentity(p) : p), informantCase, identityMasked: masked };
}

// The rows as this viewer may see them. purpose names what the identity is shown for (the audit
// entry of the reveal); null for screens that never show a petitioner: there every informant case
// is masked, whoever looks, and nothing is revealed.
export async function shapeRows(
  rows: readonly Petition[],
  purpose: RevealPurpose | null,
  o: { access?: InformantAccess; links?: Links; awaitAudit?: boolean } = {},
): Promise<ShownPetition[]> {
  const [a, links] = await Promise.all([o.access ?? informantAccess(), o.links ?? linksOf(rows)]);
  const shown = rows.map((p) => shapeOne(p, a, links, purpose !== null));
  if (purpose) {
    const written = noteReveal(
      a.viewer,
      purpose,
      shown.filter((s) => s.informantCase && !s.identityMasked),
    );
    if (o.awaitAudit) await written;
  }
  return shown;
}

// Forms sent out of the bureau (交办单, 转送函) never carry an informant's identity, whoever prints.
export function maskForOutside(p: ShownPetition): ShownPetition {
  return p.informantCase ? { ...maskIdentity(p), identityMasked: true } : p;
}

// The steps of a case as this viewer may see them: an attachment's file name may name the
// informant (the scans are not shown either).
export async function shapeSteps(steps: PetitionStep[], p: Petition | undefined): Promise<PetitionStep[]> {
  if (!p) return steps;
  const [access, links] = await Promise.all([informantAccess(), linksOf([p])]);
  if (maySeeIdentity(access, p, links)) return steps;
  return steps.map((s) => (s.kind === 'attachment' ? { ...s, text: INFORMANT_TEXT.attachmentStep } : s));
}

// ---- identity matches (PET-10) -----------------------------------------------------------------

export type Person = { name: string; idNo?: string | null; phone?: string | null };

// Live cases of the same petitioner (PET-10: the same name plus the same ID number or phone), by
// the idNo and [name+phone] indexes.
export async function identityMatches(person: Person, limit = 200): Promise<Petition[]> {
  const name = person.name.trim();
  const idNo = normIdNo(person.idNo);
  const phone = normPhone(person.phone);
  if (!name || (!idNo && !phone)) return [];
  const [byId, byPhone] = await Promise.all([
    idNo ? db.petitions.where('idNo').equals(idNo).limit(limit).toArray() : Promise.resolve([]),
    phone
      ? db.petitions.where('[name+phone]').equals([name, phone]).limit(limit).toArray()
      : Promise.resolve([]),
  ]);
  const seen = new Set<string>();
  return [...byId, ...byPhone].filter((p) => {
    if (seen.has(p.id) || isDeleted(p)) return false;
    seen.add(p.id);
    return samePetitioner(
      { name, idNumber: idNo, phone },
      { name: p.name, idNumber: p.idNo, phone: p.phone },
    );
  });
}

// The case a case stands for: itself, or the case it is linked into.
export const rootOf = (p: Pick<Petition, 'id' | 'duplicateOf'>) => p.duplicateOf ?? p.id;

// Informant cases of the same petitioner as p that the access given may (seeing = true) or may not
// (seeing = false) see, leaving out p's own case and the cases linked with it; one per case (a case
// and its 重复件 are one matter: the case itself is named when it matches).
export async function informantMatchesOf(
  p: Pick<Petition, 'id' | 'duplicateOf'> & Person,
  a: InformantAccess,
  seeing: boolean,
): Promise<Petition[]> {
  const found = (await identityMatches(p)).filter((m) => rootOf(m) !== rootOf(p));
  const links = await linksOf(found);
  const byRoot = new Map<string, Petition>();
  for (const m of found) {
    if (!informantCaseOf(m, links) || maySeeIdentity(a, m, links) !== seeing) continue;
    if (!byRoot.has(rootOf(m)) || m.id === rootOf(m)) byRoot.set(rootOf(m), m);
  }
  return [...byRoot.values()];
}

// ---- 重复件待核: open reviews ------------------------------------------------------------------

// Open reviews, by the id of the new case: one record in the settings table (there are few, and
// a reviewed one is removed; the audit trail keeps every change). The informant cases matched are
// not stored: they are looked up again by whoever may see them.
export const IDENTITY_REVIEWS_KEY = 'petition.identityReviews';

export type IdentityReview = { petitionId: string; regNo: string; at: string; byId: string; byName: string };
export type IdentityReviews = Record<string, IdentityReview>;

export function openIdentityReviews(): Promise<IdentityReviews> {
  return getSetting<IdentityReviews>(IDENTITY_REVIEWS_KEY, {});
}

// ---- the audit trail ---------------------------------------------------------------------------

// Entries of informant cases carry the identity (a registration, a correction's before and after,
// an attachment's file name): masked like the case for a viewer who may not see it. A viewer who
// may see it is shown it, and that is recorded as a reveal.
export async function shapeAudit(entries: AuditEntry[], a?: InformantAccess): Promise<AuditEntry[]> {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    !!v && typeof v === 'object' && !Array.isArray(v);
  const caseIdOf = (e: AuditEntry): string | null => {
    if (e.table === 'petitions') return e.recordId;
    const r = isObject(e.after) ? e.after : isObject(e.before) ? e.before : null;
    if (!r) return null;
    if (e.table === 'attachments' && r.ownerTable === 'petitions' && typeof r.ownerId === 'string')
      return r.ownerId;
    if (e.table === 'petitionSteps' && typeof r.petitionId === 'string') return r.petitionId;
    return null;
  };
  const isReviews = (e: AuditEntry) => e.table === 'settings' && e.recordId === IDENTITY_REVIEWS_KEY;
  const ids = [...new Set(entries.map(caseIdOf).filter((id): id is string => !!id))];
  if (!ids.length && !entries.some(isReviews)) return entries;
  const access = a ?? (await informantAccess());
  const cases = (await db.petitions.bulkGet(ids)).filter((p): p is Petition => !!p);
  const links = await linksOf(cases);
  const byId = new Map(cases.map((p) => [p.id, p]));
  const revealed = new Map<string, Petition>();
  const carriesIdentity = (e: AuditEntry) =>
    [e.before, e.after].some((v) => isObject(v) && IDENTITY_FIELDS.some((k) => !!v[k]));
  const masked = (e: AuditEntry): AuditEntry => {
    if (e.table === 'petitionSteps') {
      const step = (v: unknown) =>
        isObject(v) && v.kind === 'attachment' ? { ...v, text: INFORMANT_TEXT.attachmentStep } : v;
      return { ...e, before: step(e.before), after: step(e.after) };
    }
    const value = (v: unknown) => (isObject(v) ? maskIdentity(v) : v);
    const summary = e.table === 'attachments' && e.action === 'create' ? '附件（PET-6）' : e.summary;
    return { ...e, summary, before: value(e.before), after: value(e.after) };
  };
  const out = entries.map((e) => {
    if (isReviews(e))
      return access.byRole
        ? e
        : { ...e, before: INFORMANT_TEXT.auditHidden, after: INFORMANT_TEXT.auditHidden };
    const id = caseIdOf(e);
    const p = id ? byId.get(id) : undefined;
    if (!p || !informantCaseOf(p, links)) return e;
    if (!maySeeIdentity(access, p, links)) return masked(e);
    if (e.table === 'petitions' && carriesIdentity(e)) revealed.set(p.id, p);
    return e;
  });
  void noteReveal(access.viewer, 'audit', [...revealed.values()]);
  return out;
}

// ---- reveals in the audit trail ---------------------------------------------------------------

// A screen's query runs again whenever its data changes: the same viewer shown the same cases for
// the same purpose is recorded once in this span. An export or a print is recorded every time.
export const REVEAL_REPEAT_MS = 10 * 60 * 1000;
const EVERY_TIME: ReadonlySet<RevealPurpose> = new Set(['ledgerExport', 'ledgerPrint']);
const recent = new Map<string, number>();
const pending = new Set<Promise<void>>();

// One audit entry: who was shown the identity of which cases, for what. Written from a fresh
// task: a screen's live query may not write (and its read must not wait on the audit trail).
export function noteReveal(
  viewer: Viewer,
  purpose: RevealPurpose,
  cases: readonly Pick<Petition, 'id' | 'regNo'>[],
): Promise<void> {
  if (!cases.length || viewer.system) return Promise.resolve();
  const list = [...new Map(cases.map((c) => [c.id, c.regNo])).entries()].sort((x, y) =>
    x[1].localeCompare(y[1]),
  );
  const key = `${db.name}|${viewer.id}|${purpose}|${list.map(([id]) => id).join(',')}`;
  const now = Date.now();
  if (!EVERY_TIME.has(purpose)) {
    const last = recent.get(key);
    if (last !== undefined && now - last < REVEAL_REPEAT_MS) return Promise.resolve();
    recent.set(key, now);
  }
  const regNos = list.map(([, r]) => r);
  const shownNos =
    regNos.length > 10 ? `${regNos.slice(0, 10).join('、')}等${regNos.length}件` : regNos.join('、');
  const written = new Promise<void>((resolve) => {
    setTimeout(() => {
      logEvent(
        'petitions',
        list.length === 1 ? list[0][0] : 'PET-6',
        INFORMANT_TEXT.revealSummary(REVEAL_LABELS[purpose], shownNos),
        { id: viewer.id, name: viewer.name },
        { purpose, cases: list.map(([id, regNo]) => ({ id, regNo })) },
      ).then(
        () => resolve(),
        (e: unknown) => {
          recent.delete(key);
          console.error('检举人身份查看记录写入失败', e);
          resolve();
        },
      );
    }, 0);
  });
  pending.add(written);
  void written.then(() => pending.delete(written));
  return written;
}

// Waits until every reveal noted so far is in the audit trail (tests).
export async function flushReveals(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}

// Forgets which reveals were recorded lately (tests: each starts afresh).
export function resetRevealMemory(): void {
  recent.clear();
}
