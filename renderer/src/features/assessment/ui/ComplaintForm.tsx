// A complaint or report about a member of staff, received (SUP-3).
import { Group, NativeSelect, Textarea, TextInput } from '@mantine/core';

import { navigate } from '../../../app/router';
import { currentActor } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import type { StaffComplaint } from '../../../db/schema/supervision';
import { useStaffBook } from '../../../org/hooks';
import { receiveComplaint } from '../core/commands';
import { COMPLAINT_KIND_LABELS, COMPLAINT_SOURCE_LABELS, L } from '../labels';

const SOURCES = Object.entries(COMPLAINT_SOURCE_LABELS).map(([value, label]) => ({ value, label }));
const KINDS = Object.entries(COMPLAINT_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function ComplaintForm() {
  const { list } = useStaffBook();
  const form = useCommandForm({
    initial: {
      staffId: '',
      receivedOn: today(),
      source: 'visit' as StaffComplaint['source'],
      kind: 'attitude' as StaffComplaint['kind'],
      complainant: '',
      content: '',
    },
    submit: (v) => receiveComplaint(v, currentActor()),
    success: '已登记受理',
    onDone: (c) => navigate('assessment', 'complaints', c.id),
  });
  return (
    <FormCard form={form} title="受理投诉举报" submitLabel={L.receive}>
      <Group grow align="flex-start">
        <StaffSelect label={L.staff} staff={list} {...form.input('staffId')} />
        <DateField label={L.receivedOn} {...form.input('receivedOn')} />
        <NativeSelect
          label={L.source}
          value={form.values.source}
          onChange={(e) => form.set('source', e.currentTarget.value as StaffComplaint['source'])}
          data={SOURCES}
        />
        <NativeSelect
          label={L.kind}
          value={form.values.kind}
          onChange={(e) => form.set('kind', e.currentTarget.value as StaffComplaint['kind'])}
          data={KINDS}
        />
      </Group>
      <TextInput label={L.complainant} {...form.text('complainant')} />
      <Textarea label={L.content} {...form.text('content')} autosize minRows={2} />
    </FormCard>
  );
}
