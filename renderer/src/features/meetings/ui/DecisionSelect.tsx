// A picker of 局长办公会 decisions for records that must cite one (TRIP-3 study trips, FIN-5
// purchases of 2000 yuan or more). Value = the decision's id; label = number + text.
import { Select } from '@mantine/core';
import type { SelectProps } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { addCalendarDays } from '../../../../../shared/rules';
import { today } from '../../../db/clock';
import type { MeetingDecision } from '../../../db/schema/meetings';
import { decisionLabel, directorDecisions, findDecision } from '../core/queries';

export type DecisionSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null, decision: MeetingDecision | undefined) => void;
  // Decisions of meetings held on or after this date are offered (default: the last two years).
  since?: string;
};

export function DecisionSelect({
  value,
  onChange,
  since,
  label = '局长办公会决定',
  ...props
}: DecisionSelectProps) {
  const from = since ?? addCalendarDays(today(), -731);
  const list = useLiveQuery(async () => {
    const ds = await directorDecisions(from);
    // Keep the chosen decision selectable even when it is older than the window.
    if (value && !ds.some((d) => d.id === value)) {
      const chosen = await findDecision(value);
      if (chosen) ds.push(chosen);
    }
    return ds;
  }, [from, value]);
  const data = (list ?? []).map((d) => ({ value: d.id, label: decisionLabel(d) }));
  return (
    <Select
      label={label}
      placeholder={list && list.length === 0 ? '暂无局长办公会决定' : '选择会议决定'}
      searchable
      clearable
      nothingFoundMessage="没有匹配的决定"
      maxDropdownHeight={320}
      comboboxProps={{ width: 'target' }}
      {...props}
      data={data}
      value={value}
      onChange={(id) =>
        onChange(
          id,
          list?.find((d) => d.id === id),
        )
      }
    />
  );
}
