// §2–3 approval routes for leave (LV-1..4) and official trips (TRIP-1..3). Table-driven: each
// table is the one in rules.md "What the contract returns, exactly", cell for cell.

import { checkBoolean, checkHalfDays, checkObject, checkOneOf } from './validate';

export type Rank = 'staff' | 'section_head' | 'deputy' | 'director';
export type Approver = 'section_head' | 'deputy' | 'director' | 'county';
export type Route = {
  form: 'oral' | 'written';
  approvers: Approver[]; // in order; [] = register with the office only
  kind: 'approval' | 'report'; // TRIP-2 is a report
  meetingDecision: boolean; // TRIP-3 / FIN-5
  reportToCounty: boolean; // TRIP-3
};

export const RANKS: readonly Rank[] = ['staff', 'section_head', 'deputy', 'director'];

export const RANK_LABELS: Readonly<Record<Rank, string>> = {
  staff: '一般干部职工',
  section_head: '股室负责人',
  deputy: '分管领导(副职)',
  director: '局长',
};

export const APPROVER_LABELS: Readonly<Record<Approver, string>> = {
  section_head: '股室负责人',
  deputy: '分管领导',
  director: '局长',
  county: '县领导',
};

type Cell = Pick<Route, 'form' | 'approvers' | 'kind'>;
type Band = 'half' | 'upToOne' | 'overOne';

const oral = (approvers: Approver[], kind: Route['kind'] = 'approval'): Cell => ({
  form: 'oral',
  approvers,
  kind,
});
const written = (approvers: Approver[], kind: Route['kind'] = 'approval'): Cell => ({
  form: 'written',
  approvers,
  kind,
});

// LV-1..4: ≤ 0.5 | > 0.5 and ≤ 1 | > 1 day
const LEAVE_TABLE: Readonly<Record<Rank, Record<Band, Cell>>> = {
  staff: {
    half: oral(['section_head']),
    upToOne: oral(['deputy']),
    overOne: written(['deputy', 'director']),
  },
  section_head: {
    half: oral(['deputy']),
    upToOne: oral(['deputy']),
    overOne: written(['deputy', 'director']),
  },
  deputy: { half: oral(['director']), upToOne: oral(['director']), overOne: written(['director']) },
  director: {
    half: oral(['county'], 'report'),
    upToOne: oral(['county'], 'report'),
    overOne: written(['county'], 'report'),
  },
};

// TRIP-1, TRIP-2. The rule book's "< 0.5 day" column cannot be reached: route lengths are positive
// multiples of 0.5, so a trip of a few hours is entered as 0.5 and falls in "0.5 to 1 inclusive".
// The deputy's 0.5-day trip is the "< 1" case of that column (register only), a 1-day one reports.
const TRIP_TABLE: Readonly<Record<Rank, Record<Band, Cell>>> = {
  staff: { half: oral(['deputy']), upToOne: oral(['deputy']), overOne: written(['director']) },
  section_head: { half: oral(['deputy']), upToOne: oral(['deputy']), overOne: written(['director']) },
  deputy: {
    half: oral([], 'report'),
    upToOne: oral(['director'], 'report'),
    overOne: oral(['director'], 'report'),
  },
  director: {
    half: oral(['county'], 'report'),
    upToOne: oral(['county'], 'report'),
    overOne: oral(['county'], 'report'),
  },
};

function band(days: number): Band {
  return days <= 0.5 ? 'half' : days <= 1 ? 'upToOne' : 'overOne';
}

function route(cell: Cell, rank: Rank): Route {
  return {
    form: cell.form,
    approvers: [...cell.approvers],
    kind: cell.kind,
    meetingDecision: false,
    reportToCounty: rank === 'director',
  };
}

// LV-1..4
export function leaveRoute(rank: Rank, days: number): Route {
  const r = checkOneOf(rank, 'rank', RANKS);
  return route(LEAVE_TABLE[r][band(checkHalfDays(days, 'days', false))], r);
}

// TRIP-1..3
export function tripRoute(rank: Rank, days: number, opts?: { outOfRegionStudy?: boolean }): Route {
  const r = checkOneOf(rank, 'rank', RANKS);
  const d = checkHalfDays(days, 'days', false);
  const study = opts === undefined ? undefined : checkObject(opts, 'opts').outOfRegionStudy;
  if (study !== undefined && checkBoolean(study, 'opts.outOfRegionStudy')) {
    // TRIP-3: whatever the length or rank
    return {
      form: 'written',
      approvers: ['director'],
      kind: 'approval',
      meetingDecision: true,
      reportToCounty: true,
    };
  }
  return route(TRIP_TABLE[r][band(d)], r);
}
