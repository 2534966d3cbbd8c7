// Small UI pieces shared by the 公文, 印章, 会议 and 学习 screens: staff pickers, date fields, field
// errors from repository refusals, attendance with absence reasons.
import {
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import type { MultiSelectProps, NativeSelectProps, TextInputProps } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { ReactNode } from 'react';

import { ruleText } from '../../../../shared/rules';
import type { FieldErrors } from '../../components/useFieldErrors';
import { useFieldErrors as useSharedFieldErrors } from '../../components/useFieldErrors';
import { today } from '../../db/clock';
import { db } from '../../db/db';
import type { Section, Staff } from '../../db/schema/core';

export type StaffBook = {
  list: Staff[];
  all: Staff[];
  byId: Map<string, Staff>;
  name: (id: string | null | undefined) => string;
};

// Everyone (also inactive, for names in old records); `list` = the active staff, by name.
export function useStaffBook(): StaffBook {
  const all = useLiveQuery(() => db.staff.orderBy('name').toArray(), [], [] as Staff[]);
  return useMemo(() => {
    const byId = new Map(all.map((s) => [s.id, s]));
    return {
      all,
      list: all.filter((s) => s.active && !s.deletedAt),
      byId,
      name: (id) => (id ? (byId.get(id)?.name ?? '') : ''),
    };
  }, [all]);
}

export function useSectionList(): Section[] {
  return useLiveQuery(
    async () => (await db.sections.orderBy('order').toArray()).filter((s) => !s.deletedAt),
    [],
    [] as Section[],
  );
}

// The bureau's staff: everyone active except a system-only account (管理员 with no other role).
export function bureauStaff(list: Staff[]): Staff[] {
  return list.filter((s) => !(s.roles.length === 1 && s.roles[0] === 'admin'));
}

export function staffLabel(s: Staff): string {
  return s.title ? `${s.name}（${s.title}）` : s.name;
}

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

export function DateField(props: Omit<TextInputProps, 'type'>) {
  return <TextInput type="date" {...props} />;
}

export function YearSelect({
  value,
  onChange,
  label = '年度',
  from = 2020,
}: {
  value: number;
  onChange: (y: number) => void;
  label?: string;
  from?: number;
}) {
  const thisYear = Number(today().slice(0, 4));
  const years: string[] = [];
  for (let y = thisYear + 1; y >= from; y--) years.push(String(y));
  return (
    <NativeSelect
      label={label}
      w={110}
      value={String(value)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={years}
    />
  );
}

export function thisYear(): number {
  return Number(today().slice(0, 4));
}

export type { FieldErrors };

// Errors shown at the field (shared hook): a refusal at its own field is not also a notification
// (only one placed at the caller's fallback field is); 'permission' refusals are always a
// notification; a notification leaves earlier field errors in place. Nothing typed is cleared.
export function useFieldErrors() {
  return useSharedFieldErrors({ notifyFieldErrors: 'fallback', skipField: 'permission', clearOnNotify: false });
}

export function RuleNote({ ids }: { ids: string[] }) {
  return (
    <Text size="xs" c="dimmed">
      {ids.map((id) => `${id} ${ruleText(id).text}`).join('　')}
    </Text>
  );
}

export function splitList(text: string): string[] {
  return text
    .split(/[、，,；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// ---- attendance with absences (MTG-2, STU-1) ----

export type AttendanceValue = { expected: string[]; present: string[]; reasons: Record<string, string> };

export function attendanceOf(v: AttendanceValue): {
  attendeeIds: string[];
  absences: { staffId: string; reason: string }[];
} {
  const present = new Set(v.present);
  return {
    attendeeIds: v.expected.filter((id) => present.has(id)),
    absences: v.expected
      .filter((id) => !present.has(id))
      .map((id) => ({ staffId: id, reason: v.reasons[id] ?? '' })),
  };
}

export function attendanceValue(
  attendeeIds: string[],
  absences: { staffId: string; reason: string }[],
): AttendanceValue {
  return {
    expected: [...attendeeIds, ...absences.map((a) => a.staffId)],
    present: attendeeIds,
    reasons: Object.fromEntries(absences.map((a) => [a.staffId, a.reason])),
  };
}

// Everyone expected, a 出席 box each; whoever is not present needs a reason (at their row).
export function AttendanceEditor({
  book,
  value,
  onChange,
  errors,
  expectedLabel = '应到人员',
}: {
  book: StaffBook;
  value: AttendanceValue;
  onChange: (v: AttendanceValue) => void;
  errors: FieldErrors;
  expectedLabel?: string;
}) {
  const present = new Set(value.present);
  const absent = value.expected.filter((id) => !present.has(id));
  const reasonError = (staffId: string): string | undefined => {
    const i = absent.indexOf(staffId);
    return errors[`absences.${i}.reason`] ?? errors[`absences.${i}.staffId`];
  };
  return (
    <Stack gap="xs">
      <StaffMultiSelect
        label={expectedLabel}
        staff={book.list}
        value={value.expected}
        onChange={(ids) =>
          onChange({
            ...value,
            expected: ids,
            present: [
              ...value.present.filter((p) => ids.includes(p)),
              ...ids.filter((i) => !value.expected.includes(i)),
            ],
          })
        }
        error={errors.attendeeIds}
      />
      <Text size="sm" fw={500}>
        出席（取消勾选即为缺席，须填写原因）
      </Text>
      <SimpleGrid cols={{ base: 3, md: 6 }} spacing={4}>
        {value.expected.map((id) => (
          <Checkbox
            key={id}
            label={book.name(id)}
            checked={present.has(id)}
            onChange={(e) =>
              onChange({
                ...value,
                present: e.currentTarget.checked
                  ? [...value.present, id]
                  : value.present.filter((p) => p !== id),
              })
            }
          />
        ))}
      </SimpleGrid>
      {absent.length > 0 && (
        <Table withTableBorder fz="sm" maw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>缺席人员</Table.Th>
              <Table.Th>缺席原因</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {absent.map((id) => (
              <Table.Tr key={id}>
                <Table.Td>{book.name(id)}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${book.name(id)}缺席原因`}
                    placeholder="如：请假、出差、下乡接访"
                    value={value.reasons[id] ?? ''}
                    error={reasonError(id)}
                    onChange={(e) =>
                      onChange({ ...value, reasons: { ...value.reasons, [id]: e.currentTarget.value } })
                    }
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={90} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children || '—'}
      </Text>
    </Group>
  );
}

export function fmtTime(at?: string | null): string {
  if (!at) return '';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
