// §2–3 routes with people: LV-4's move-up over a snapshot of the office (who is 股室负责人, 分管领导,
// 局长 for the applicant), and the rule IDs that decided a leave's or a trip's route, returned with
// the route so nothing downstream has to reconstruct them.
import type { Approver, Rank, Route } from './routes';
import { leaveRoute, tripRoute } from './routes';
import type { RuleId } from './rule-texts';

/** Who holds each approver level for one applicant (active staff only; null when nobody does). */
export type OrgSnapshot = {
  applicantId: string;
  section_head: string | null;
  deputy: string | null;
  director: string | null;
};

/** One approver step with its person; an external step (县领导) is outside the system. */
export type RoutedStep = {
  level: Approver;
  approverId: string | null;
  external: boolean;
  countyReport?: true;
};

export type ResolvedRoute = { steps: RoutedStep[]; movedUp: boolean };

const LEVEL_UP: Readonly<Record<Exclude<Approver, 'county'>, Approver>> = {
  section_head: 'deputy',
  deputy: 'director',
  director: 'county',
};

// LV-4: a step that would fall on the applicant, or on nobody, moves up one level (股室负责人 →
// 分管领导 → 局长 → 县领导, outside the system); consecutive steps on the same person are merged.
export function moveUp(route: Route, org: OrgSnapshot): ResolvedRoute {
  const steps: RoutedStep[] = [];
  let movedUp = false;
  for (const level of route.approvers) {
    let lv: Approver = level;
    while (lv !== 'county' && (!org[lv] || org[lv] === org.applicantId)) {
      lv = LEVEL_UP[lv];
      movedUp = true;
    }
    const step: RoutedStep =
      lv === 'county'
        ? { level: lv, approverId: null, external: true }
        : { level: lv, approverId: org[lv], external: false };
    const prev = steps[steps.length - 1];
    if (prev && !step.external && prev.approverId === step.approverId) {
      movedUp = true;
      continue;
    }
    steps.push(step);
  }
  return { steps, movedUp };
}

export type Routing = ResolvedRoute & { route: Route; ruleIds: RuleId[] };

// LV-1..5: the length decides LV-1, LV-2 or LV-3; LV-4 when a step moved up, in the table itself
// (a section head's half day, a 分管领导's or the 局长's leave) or over the snapshot; LV-5 when it is
// asked for after it began (事后补办).
export function leaveRuleIds(rank: Rank, days: number, movedUp: boolean, afterTheFact: boolean): RuleId[] {
  const ids: RuleId[] = [days <= 0.5 ? 'LV-1' : days <= 1 ? 'LV-2' : 'LV-3'];
  const byTable = rank === 'deputy' || rank === 'director' || (rank === 'section_head' && days <= 0.5);
  if (byTable || movedUp) ids.push('LV-4');
  if (afterTheFact) ids.push('LV-5');
  return ids;
}

// LV-1..5: a leave's route, its approvers and the rules that decided them.
export function leaveRouting(rank: Rank, days: number, org: OrgSnapshot, afterTheFact = false): Routing {
  const route = leaveRoute(rank, days);
  const resolved = moveUp(route, org);
  return { route, ...resolved, ruleIds: leaveRuleIds(rank, days, resolved.movedUp, afterTheFact) };
}

// TRIP-1..3, LV-5 when it is asked for after the trip began.
export function tripRuleIds(rank: Rank, study: boolean, afterTheFact = false): RuleId[] {
  const ids: RuleId[] = study ? ['TRIP-3'] : rank === 'deputy' ? ['TRIP-2'] : ['TRIP-1'];
  if (afterTheFact) ids.push('LV-5');
  return ids;
}

// TRIP-1..3: a trip's route and approvers; a TRIP-3 trip is also reported to the county leaders
// (an external step at the end, unless the route already ends outside the system).
export function tripRouting(
  rank: Rank,
  days: number,
  study: boolean,
  org: OrgSnapshot,
  afterTheFact = false,
): Routing {
  const route = tripRoute(rank, days, { outOfRegionStudy: study });
  const resolved = moveUp(route, org);
  if (route.reportToCounty && !resolved.steps.some((s) => s.external)) {
    resolved.steps.push({ level: 'county', approverId: null, external: true, countyReport: true });
  }
  return { route, ...resolved, ruleIds: tripRuleIds(rank, study, afterTheFact) };
}
