// The choices of the 股室负责人, 分管领导 and 局长 pickers: the active staff in the office's order;
// 分管领导 pickers list only those holding the role 分管领导 (deputy), the 局长 picker only 局长
// (director) — not clerks or the administrator.
import { isLive } from '../../../db/live';
import type { Staff } from '../../../db/schema/core';
import { compareStaff, staffLabel, staffWithRole } from '../../../org/order';

export type PickerOption = { value: string; label: string };
export type LeaderPickers = { everyone: PickerOption[]; deputies: PickerOption[]; directors: PickerOption[] };

const options = (list: Staff[]): PickerOption[] => list.map((s) => ({ value: s.id, label: staffLabel(s) }));

export function leaderPickers(staff: readonly Staff[]): LeaderPickers {
  const active = staff.filter((s) => s.active && isLive(s)).sort(compareStaff);
  return {
    everyone: options(active),
    deputies: options(staffWithRole(active, 'deputy')),
    directors: options(staffWithRole(active, 'director')),
  };
}

// A picker's choices plus the person chosen now, should they no longer hold the role (so the
// current choice still shows by name).
export function withCurrent(
  choices: PickerOption[],
  everyone: PickerOption[],
  current: string | null | undefined,
): PickerOption[] {
  if (!current || choices.some((o) => o.value === current)) return choices;
  const now = everyone.find((o) => o.value === current);
  return now ? [...choices, now] : choices;
}
