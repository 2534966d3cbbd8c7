// One person's notes check of a quarter: shown, or (for the office) recorded in the row.
import { Badge, Button, Group, NativeSelect, Table, TextInput } from '@mantine/core';

import { currentActor } from '../../../auth/session';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import type { NotesCheckResult } from '../../../db/schema/meetings';
import { recordNotesCheck } from '../core/commands';
import type { NotesCheckRow } from '../core/queries';
import { L, NOTES_RESULT_LABELS } from '../labels';

import { FIELD_ERRORS } from './formOptions';

const RESULTS = Object.entries(NOTES_RESULT_LABELS).map(([value, label]) => ({ value, label }));

export function NotesRow({
  row,
  section,
  year,
  quarter,
  manage,
}: {
  row: NotesCheckRow;
  section: string;
  year: number;
  quarter: number;
  manage: boolean;
}) {
  const c = row.check;
  const form = useCommandForm({
    ...FIELD_ERRORS,
    initial: {
      collective: c?.collective ?? ('good' as NotesCheckResult),
      selfStudy: c?.selfStudy ?? ('good' as NotesCheckResult),
      remark: c?.remark ?? '',
    },
    submit: (v) =>
      recordNotesCheck({ staffId: row.staff.id, year, quarter, checkedOn: today(), ...v }, currentActor()),
    success: `已登记 ${row.staff.name}`,
  });
  if (!manage)
    return (
      <Table.Tr>
        <Table.Td>{row.staff.name}</Table.Td>
        <Table.Td>{section}</Table.Td>
        <Table.Td>{c ? NOTES_RESULT_LABELS[c.collective] : '未检查'}</Table.Td>
        <Table.Td>{c ? NOTES_RESULT_LABELS[c.selfStudy] : ''}</Table.Td>
        <Table.Td>{c?.checkedOn ?? ''}</Table.Td>
        <Table.Td>{c?.remark ?? ''}</Table.Td>
      </Table.Tr>
    );
  const result = (key: 'collective' | 'selfStudy') => (
    <NativeSelect
      size="xs"
      aria-label={`${row.staff.name}${L[key]}`}
      value={form.values[key]}
      onChange={(e) => form.set(key, e.currentTarget.value as NotesCheckResult)}
      data={RESULTS}
    />
  );
  // a refusal without a field of its own shows at the remark
  const rowError = Object.values(form.errors)[0];
  return (
    <Table.Tr>
      <Table.Td>{row.staff.name}</Table.Td>
      <Table.Td>{section}</Table.Td>
      <Table.Td>{result('collective')}</Table.Td>
      <Table.Td>{result('selfStudy')}</Table.Td>
      <Table.Td>
        {c ? (
          c.checkedOn
        ) : (
          <Badge color="gray" variant="light">
            未检查
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="xs"
            aria-label={`${row.staff.name}${L.remark}`}
            value={form.values.remark}
            onChange={(e) => form.set('remark', e.currentTarget.value)}
            error={rowError}
          />
          <Button size="xs" variant="light" loading={form.busy} onClick={() => void form.submit()}>
            {c ? '更新' : '登记'}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
