// 暂定: a deadline counted over a year whose holidays are not loaded yet (deadlineProvisional).
// Shown next to every deadline on screen; prints and ledgers write “2027-01-12（暂定）” with the
// reason as a note. The stored deadlines are counted again when that year's calendar is imported.
import { Badge, Tooltip } from '@mantine/core';

import {
  deadlineProvisional,
  PROVISIONAL_LABEL,
  provisionalDate,
  provisionalReason,
} from '../../../shared/rules';
import type { CalendarData, ISODate } from '../../../shared/rules';

/** The years a deadline was counted without (empty when final, or with no due date). */
export function provisionalYears(
  due: ISODate | null | undefined,
  cal: CalendarData,
  from?: ISODate | null,
): number[] {
  if (!due) return [];
  return deadlineProvisional(due, cal, from && from <= due ? from : undefined).years;
}

/** For prints and exports: “2027-01-12（暂定）”, or the date alone when final. */
export function dueText(due: ISODate | null | undefined, cal: CalendarData, from?: ISODate | null): string {
  if (!due) return '';
  return provisionalDate(due, provisionalYears(due, cal, from));
}

export function ProvisionalBadge({
  due,
  cal,
  from,
}: {
  due: ISODate | null | undefined;
  cal: CalendarData;
  from?: ISODate | null;
}) {
  const years = provisionalYears(due, cal, from);
  if (years.length === 0) return null;
  const reason = provisionalReason(years);
  return (
    <Tooltip label={reason} multiline w={260} withArrow>
      <Badge
        component="span"
        color="yellow"
        variant="light"
        ml={4}
        aria-label={`${PROVISIONAL_LABEL}：${reason}`}
        style={{ flexShrink: 0, overflow: 'visible', cursor: 'help' }}
      >
        {PROVISIONAL_LABEL}
      </Badge>
    </Tooltip>
  );
}
