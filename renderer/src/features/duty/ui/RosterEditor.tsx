// Creating or changing a roster: its period, and day by day the leader in charge, the staff on duty and
// the phone.
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';

import { dayOfWeek, isISODate } from '../../../../../shared/rules';
import { navigate } from '../../../app/router';
import { currentActor } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import type { DutyEntry, DutyRoster } from '../../../db/schema/supervision';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { rosterDates, saveRoster } from '../core/rosters';
import { L, ROSTER_KIND_LABELS, WEEK } from '../labels';

function addDays(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

function periodDates(startDate: string, endDate: string): string[] {
  const valid =
    isISODate(startDate) && isISODate(endDate) && endDate >= startDate && endDate <= addDays(startDate, 60);
  return valid ? rosterDates(startDate, endDate) : [];
}

export function RosterEditor({ roster, onDone }: { roster?: DutyRoster; onDone?: () => void }) {
  const { list } = useStaff();
  const leaders = list.filter(
    (s) => s.rank === 'director' || s.rank === 'deputy' || s.rank === 'section_head',
  );
  const form = useCommandForm({
    initial: () => ({
      title: roster?.title ?? '',
      kind: roster?.kind ?? ('holiday' as DutyRoster['kind']),
      startDate: roster?.startDate ?? today(),
      endDate: roster?.endDate ?? today(),
      requirements:
        roster?.requirements ?? '实行24小时值班，值班人员不得擅离岗位，遇重大紧急情况立即报告带班领导。',
      entries: roster?.entries ?? ([] as DutyEntry[]),
    }),
    notifyFieldErrors: 'with_rule',
    submit: ({ entries, ...v }) => {
      const days = periodDates(v.startDate, v.endDate);
      const kept = entries.filter(
        (x) => days.includes(x.date) && (x.leaderId || x.staffIds.length || x.phone),
      );
      return saveRoster({ ...v, entries: kept }, currentActor(), roster?.id);
    },
    success: '值班表已保存',
    onDone: (r) => (onDone ? onDone() : navigate('duty', 'rosters', r.id)),
  });
  const { values, errors } = form;
  const dates = periodDates(values.startDate, values.endDate);
  const entry = (d: string) =>
    values.entries.find((e) => e.date === d) ?? {
      date: d,
      leaderId: null,
      staffIds: [],
      phone: '',
      note: '',
    };
  const setEntry = (d: string, p: Partial<DutyEntry>) =>
    form.set('entries', [...values.entries.filter((e) => e.date !== d), { ...entry(d), ...p }]);
  return (
    <FormCard
      form={form}
      gap="md"
      submitLabel={L.saveRoster}
      footer={
        <Button variant="default" onClick={() => (onDone ? onDone() : navigate('duty', 'rosters'))}>
          取消
        </Button>
      }
    >
      <Title order={4}>{roster ? '修改值班表' : '新建值班表'}</Title>
      <Group grow align="flex-start">
        <TextInput
          label={L.rosterTitle}
          {...form.text('title')}
          autoFocus
          placeholder="例如：2026年国庆节值班安排表"
        />
        <NativeSelect
          label={L.rosterKind}
          value={values.kind}
          onChange={(e) => form.set('kind', e.currentTarget.value as DutyRoster['kind'])}
          data={Object.entries(ROSTER_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <DateField label={L.startDate} {...form.input('startDate')} />
        <DateField label={L.endDate} {...form.input('endDate')} />
      </Group>
      <Textarea label={L.requirements} {...form.text('requirements')} autosize minRows={1} />
      {dates.length === 0 && <Alert color="orange">请填写正确的起止日期（最长60天）。</Alert>}
      <Table fz="sm" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>日期</Table.Th>
            <Table.Th>{L.leader}</Table.Th>
            <Table.Th>{L.dutyStaff}</Table.Th>
            <Table.Th>{L.phone}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dates.map((d, i) => {
            const en = entry(d);
            return (
              <Table.Tr key={d}>
                <Table.Td>
                  {d}（{WEEK[dayOfWeek(d)]}）
                </Table.Td>
                <Table.Td>
                  <StaffSelect
                    aria-label={`${d} ${L.leader}`}
                    staff={leaders}
                    value={en.leaderId ?? ''}
                    onChange={(v) => setEntry(d, { leaderId: v || null })}
                    error={errors[`entries.${i}.leaderId`]}
                  />
                </Table.Td>
                <Table.Td>
                  <MultiSelect
                    aria-label={`${d} ${L.dutyStaff}`}
                    searchable
                    value={en.staffIds}
                    onChange={(v) => setEntry(d, { staffIds: v })}
                    data={list.map((s) => ({ value: s.id, label: s.name }))}
                    error={errors[`entries.${i}.staffIds`]}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${d} ${L.phone}`}
                    value={en.phone}
                    onChange={(e) => setEntry(d, { phone: e.currentTarget.value })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {Object.entries(errors)
        .filter(([k]) => k === 'entries' || k.startsWith('entries.'))
        .map(([k, v]) => (
          <Text key={k} c="red" size="sm">
            {v}
          </Text>
        ))}
    </FormCard>
  );
}
