// How a decision is carried out: kept by the office or by its owner.
import { Card, Group, NativeSelect, Text, TextInput } from '@mantine/core';

import { currentActor } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import type { MeetingDecision } from '../../../db/schema/meetings';
import type { StaffBook } from '../../../org/hooks';
import { setFollowUp } from '../core/commands';
import { FOLLOW_UP_OPTIONS, L } from '../labels';

import { FIELD_ERRORS } from './formOptions';

export function FollowUpForm({ decision, book }: { decision: MeetingDecision; book: StaffBook }) {
  const form = useCommandForm({
    ...FIELD_ERRORS,
    initial: {
      followUp: decision.followUp,
      note: decision.followUpNote ?? '',
      doneOn: decision.doneOn ?? today(),
    },
    submit: (v) =>
      setFollowUp(
        decision.id,
        { followUp: v.followUp, note: v.note, doneOn: v.followUp === 'done' ? v.doneOn : null },
        currentActor(),
      ),
    success: '已登记落实情况',
  });
  return (
    <Card withBorder bg="var(--mantine-color-yellow-light)">
      <Text fw={600}>
        {decision.number}（{decision.meetingDate}）
      </Text>
      <Text size="sm" mb="xs">
        {decision.text}；责任人：{book.name(decision.ownerId) || '—'}
      </Text>
      <FormCard form={form} submitLabel={L.save} inline withBorder={false} p={0} bg="transparent">
        <Group align="flex-end">
          <NativeSelect
            label={L.followUp}
            value={form.values.followUp}
            onChange={(e) => form.set('followUp', e.currentTarget.value as MeetingDecision['followUp'])}
            data={FOLLOW_UP_OPTIONS}
            error={form.errors.followUp}
          />
          <TextInput label={L.followUpNote} {...form.text('note')} w={320} />
          {form.values.followUp === 'done' && <DateField label="落实日期" {...form.input('doneOn')} />}
        </Group>
      </FormCard>
    </Card>
  );
}
