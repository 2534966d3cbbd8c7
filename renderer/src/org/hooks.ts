// The organisation as screens read it (live): staff and sections. Names of inactive or deleted staff
// still resolve (old records keep their names); pickers list the active staff only.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';

import { db } from '../db/db';
import { isLive } from '../db/live';
import type { Section, Staff } from '../db/schema/core';

import { compareStaff } from './order';

export type StaffBook = {
  // the active staff, in the office's order
  list: Staff[];
  // everyone, also inactive and deleted (for names in old records)
  all: Staff[];
  byId: Map<string, Staff>;
  name: (id: string | null | undefined) => string;
};

export function useStaffBook(): StaffBook {
  const all = useLiveQuery(() => db.staff.toArray(), [], [] as Staff[]);
  return useMemo(() => {
    const byId = new Map(all.map((s) => [s.id, s]));
    return {
      all,
      list: all.filter((s) => s.active && isLive(s)).sort(compareStaff),
      byId,
      name: (id) => (id ? (byId.get(id)?.name ?? '') : ''),
    };
  }, [all]);
}

// The sections in their order (live ones).
export function useSectionList(): Section[] {
  return useLiveQuery(
    async () => (await db.sections.orderBy('order').toArray()).filter(isLive),
    [],
    [] as Section[],
  );
}

// Section id → name (also deleted sections, for old records).
export function useSections(): Map<string, string> {
  const rows = useLiveQuery(() => db.sections.orderBy('order').toArray(), [], [] as Section[]);
  return useMemo(() => new Map(rows.map((s) => [s.id, s.name])), [rows]);
}
