// The period a ledger or a statistic covers: a month (年份, 月份) or any range (起始日期, 截止日期).
// One state and one row of fields for 台帐 and 统计分析.
import { NativeSelect, SegmentedControl } from '@mantine/core';
import { useState } from 'react';

import type { ISODate } from '../../../../../shared/rules';
import { DateField } from '../../../components/dates';
import { today } from '../../../db/clock';
import { monthRange, rangePeriod } from '../core/ledgers';

export type PeriodChoice = {
  mode: 'month' | 'range';
  year: string;
  month: string;
  from: ISODate;
  to: ISODate;
};

// The chosen period as dates and its label; `defaultFrom` starts the range mode.
export function usePeriod(defaultFrom: ISODate) {
  const now = today();
  const [choice, setChoice] = useState<PeriodChoice>({
    mode: 'month',
    year: now.slice(0, 4),
    month: String(Number(now.slice(5, 7))),
    from: defaultFrom,
    to: now,
  });
  const range =
    choice.mode === 'month'
      ? monthRange(Number(choice.year), Number(choice.month))
      : { from: choice.from, to: choice.to, period: rangePeriod(choice.from, choice.to) };
  return { choice, setChoice, range };
}

export function PeriodFields({
  choice,
  onChange,
  fromError,
}: {
  choice: PeriodChoice;
  onChange: (c: PeriodChoice) => void;
  fromError?: string | null;
}) {
  const set = (patch: Partial<PeriodChoice>) => onChange({ ...choice, ...patch });
  const years = Array.from({ length: 6 }, (_, i) => String(Number(today().slice(0, 4)) - i));
  return (
    <>
      <SegmentedControl
        value={choice.mode}
        onChange={(v) => set({ mode: v as PeriodChoice['mode'] })}
        data={[
          { value: 'month', label: '按月' },
          { value: 'range', label: '按期间' },
        ]}
      />
      {choice.mode === 'month' ? (
        <>
          <NativeSelect
            label="年份"
            value={choice.year}
            onChange={(e) => set({ year: e.currentTarget.value })}
            data={years}
          />
          <NativeSelect
            label="月份"
            value={choice.month}
            onChange={(e) => set({ month: e.currentTarget.value })}
            data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }))}
          />
        </>
      ) : (
        <>
          <DateField
            label="起始日期"
            value={choice.from}
            onChange={(d) => set({ from: d })}
            error={fromError}
          />
          <DateField label="截止日期" value={choice.to} onChange={(d) => set({ to: d })} />
        </>
      )}
    </>
  );
}
