// The person pickers every module uses: one person, several persons. They list what they are given
// (usually `useStaffBook().list`, in the office's order, or only those holding a role).
import { MultiSelect, NativeSelect } from '@mantine/core';
import type { MultiSelectProps, NativeSelectProps } from '@mantine/core';

import type { Staff } from '../db/schema/core';
import { staffLabel } from '../org/order';

export function StaffSelect({
  staff,
  value,
  onChange,
  placeholder = '请选择',
  ...props
}: Omit<NativeSelectProps, 'value' | 'onChange' | 'data'> & {
  staff: Staff[];
  value: string;
  onChange: (id: string) => void;
  placeholder?: string;
}) {
  return (
    <NativeSelect
      {...props}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: placeholder }, ...staff.map((s) => ({ value: s.id, label: staffLabel(s) }))]}
    />
  );
}

export function StaffMultiSelect({
  staff,
  value,
  onChange,
  ...props
}: Omit<MultiSelectProps, 'value' | 'onChange' | 'data'> & {
  staff: Staff[];
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <MultiSelect
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage="没有匹配的人员"
      comboboxProps={{ withinPortal: true }}
      {...props}
      value={value}
      onChange={onChange}
      data={staff.map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}
