// Shared pieces of the leave and trips screens.
import { Group, NativeSelect } from '@mantine/core';

import type { Half } from '../../../../../shared/rules';
import { useSession } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { localHHmm, toLocalISODate } from '../../../db/clock';
import { HALF_LABELS } from '../labels';

// A date and 上午/下午: half-day precision for the start and the end.
export function HalfDayField(p: {
  label: string;
  halfLabel: string;
  date: string;
  half: Half;
  onDate: (v: string) => void;
  onHalf: (h: Half) => void;
  error?: string;
  autoFocus?: boolean;
}) {
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <DateField
        label={p.label}
        value={p.date}
        onChange={p.onDate}
        error={p.error}
        w={180}
        autoFocus={p.autoFocus}
      />
      <NativeSelect
        label={p.halfLabel}
        data={(['am', 'pm'] as Half[]).map((h) => ({ value: h, label: HALF_LABELS[h] }))}
        value={p.half}
        onChange={(e) => p.onHalf(e.currentTarget.value as Half)}
        w={90}
      />
    </Group>
  );
}

// Office, leaders and section heads see everyone's leave and trips; others their own.
export function useSeesAll(): boolean {
  return useSession(
    (s) =>
      !!s.user &&
      s.user.roles.some((r) => r === 'office' || r === 'director' || r === 'deputy' || r === 'section_head'),
  );
}

// Timestamps are stored in UTC (ISO); people read them in local time.
export function fmtAt(at?: string | null): string {
  if (!at) return '';
  const d = new Date(at);
  return `${toLocalISODate(d)} ${localHHmm(d)}`;
}

export function localDate(at?: string | null): string {
  return at ? toLocalISODate(new Date(at)) : '';
}
