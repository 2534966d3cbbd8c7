// Attendance with absence reasons (MTG-2, STU-1), used by the 会议 and 学习 screens through the
// module's index.ts (it belongs with meetings and moves there when meetings moves).
import { Checkbox, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';

import { StaffMultiSelect } from '../../../components/StaffSelect';
import type { FieldErrors } from '../../../components/useFieldErrors';
import type { StaffBook } from '../../../org/hooks';

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
