// The person pickers every module uses: one person, several persons. They list what they are given
// (usually `useStaffBook().list`, in the office's order, or only those holding a role), and find a
// person by name or pinyin as typed (ljg, liujianguo, 刘jg → 刘建国).
import { MultiSelect, Select } from '@mantine/core';
import type {
  ComboboxItem,
  ComboboxParsedItem,
  MultiSelectProps,
  OptionsFilter,
  SelectProps,
} from '@mantine/core';
import { useMemo } from 'react';

import type { Staff } from '../db/schema/core';
import { staffLabel } from '../org/order';

import { pinyinMatch, usePinyin } from './pinyin';

const NOTHING_FOUND = '没有匹配的人员';

function isItem(o: ComboboxParsedItem): o is ComboboxItem {
  return 'value' in o;
}

// The options in the order given (never re-sorted), those the search finds.
export function staffFilter(names: Map<string, string>): OptionsFilter {
  return ({ options, search }) =>
    options.filter((o) => isItem(o) && pinyinMatch(search, names.get(o.value) ?? o.label, o.label));
}

function useStaffOptions(staff: Staff[], label: (s: Staff) => string) {
  const ready = usePinyin();
  return useMemo(() => {
    const names = new Map(staff.map((s) => [s.id, s.name]));
    return {
      data: staff.map((s) => ({ value: s.id, label: label(s) })),
      // a new filter once pinyin has loaded, so an open list is searched again
      filter: staffFilter(names),
      ready,
    };
  }, [staff, label, ready]);
}

export function StaffSelect({
  staff,
  value,
  onChange,
  placeholder = '请选择',
  ...props
}: Omit<SelectProps, 'value' | 'onChange' | 'data' | 'filter'> & {
  staff: Staff[];
  value: string;
  onChange: (id: string) => void;
  placeholder?: string;
}) {
  const { data, filter } = useStaffOptions(staff, staffLabel);
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={NOTHING_FOUND}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
      placeholder={placeholder}
      {...props}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      data={data}
      filter={filter}
    />
  );
}

const nameOnly = (s: Staff) => s.name;

export function StaffMultiSelect({
  staff,
  value,
  onChange,
  ...props
}: Omit<MultiSelectProps, 'value' | 'onChange' | 'data' | 'filter'> & {
  staff: Staff[];
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { data, filter } = useStaffOptions(staff, nameOnly);
  return (
    <MultiSelect
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={NOTHING_FOUND}
      comboboxProps={{ withinPortal: true }}
      {...props}
      value={value}
      onChange={onChange}
      data={data}
      filter={filter}
    />
  );
}
