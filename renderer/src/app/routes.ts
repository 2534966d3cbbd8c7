// Every route of the app, typed: a module and one of its tabs, then what the tab reads (a record's id,
// a month, 'new', 'print' …). href()/navigate() in app/router.ts take only these, so a link to a tab
// that does not exist fails tsc instead of opening an empty page; ModulePage takes only its module's
// tabs. '#/…' strings are written nowhere else.
export const MODULE_TABS = {
  dashboard: [],
  petitions: [
    'list',
    'letter',
    'visit',
    'other',
    'supervise',
    'urgent',
    'ledger',
    'stats',
    'reception',
    'import',
    'settings',
    'case',
  ],
  attendance: ['register', 'me', 'month', 'close', 'year', 'schedule'],
  // 'leave' and 'trip' open a record (#/leave/leave/<id>), not a tab
  leave: ['new', 'list', 'trip-new', 'trips', 'due', 'leave', 'trip'],
  documents: ['incoming', 'outgoing', 'loans', 'data', 'archive', 'destruction'],
  seals: ['uses', 'seals'],
  meetings: ['director', 'staff', 'decisions', 'reports'],
  study: ['sessions', 'notes', 'papers', 'tuition'],
  publicity: ['pieces', 'new', 'payout', 'table'],
  finance: ['claims', 'new', 'bills', 'requests', 'ledger'],
  integrity: ['gifts', 'pledges'],
  assessment: ['assess', 'complaints', 'power', 'inspect', 'risks', 'deadlines'],
  duty: ['rosters', 'vehicles', 'fleet'],
  system: [
    'users',
    'org',
    'units',
    'calendar',
    'settings',
    'backup',
    'sync',
    'conflicts',
    'audit',
    'deleted',
    'account',
  ],
} as const;

export type ModuleId = keyof typeof MODULE_TABS;
export type TabOf<M extends ModuleId> = (typeof MODULE_TABS)[M][number];

// A route: the module alone, or the module, one of its tabs and the parts after it.
export type Route = [ModuleId] | { [M in ModuleId]: [M, TabOf<M>, ...string[]] }[ModuleId];

export function isModuleId(value: string): value is ModuleId {
  return Object.hasOwn(MODULE_TABS, value);
}
