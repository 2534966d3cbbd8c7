// A new power-operation record: the power, its basis and the steps with their responsible persons.
import { ActionIcon, Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

import { navigate } from '../../../app/router';
import { currentActor, useSession } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import { useStaffBook } from '../../../org/hooks';
import { openPowerRecord } from '../core/commands';
import { L, POWER_KINDS } from '../labels';

type Step = { label: string; responsibleId: string };

export function PowerForm() {
  const { list } = useStaffBook();
  const user = useSession((s) => s.user)!;
  const form = useCommandForm({
    initial: () => ({
      kind: POWER_KINDS[6],
      title: '',
      basis: '',
      startedOn: today(),
      steps: [
        { label: '受理登记', responsibleId: user.staffId },
        { label: '股室审核', responsibleId: '' },
      ] as Step[],
    }),
    submit: (v) => openPowerRecord(v, currentActor()),
    success: (r) => `已建立 ${r.number}`,
    onDone: (r) => navigate('assessment', 'power', r.id),
  });
  const { steps } = form.values;
  const setStep = (i: number, p: Partial<Step>) =>
    form.set(
      'steps',
      steps.map((s, j) => (j === i ? { ...s, ...p } : s)),
    );
  return (
    <FormCard
      form={form}
      maw={860}
      gap="md"
      titleOrder={4}
      title="建立权力运行记录"
      submitLabel={L.openRecord}
      footer={
        <Button variant="default" onClick={() => navigate('assessment', 'power')}>
          取消
        </Button>
      }
    >
      <Group grow align="flex-start">
        <NativeSelect
          label={L.powerKind}
          value={form.values.kind}
          onChange={(e) => form.set('kind', e.currentTarget.value)}
          data={POWER_KINDS}
        />
        <DateField label={L.startedOn} {...form.input('startedOn')} />
      </Group>
      <TextInput label={L.powerTitle} {...form.text('title')} autoFocus />
      <TextInput label={L.basis} {...form.text('basis')} />
      {steps.map((s, i) => (
        <Group key={i} align="flex-start" wrap="nowrap">
          <TextInput
            label={`${L.stepLabel}${i + 1}`}
            value={s.label}
            onChange={(e) => setStep(i, { label: e.currentTarget.value })}
            error={form.errors[`steps.${i}.label`]}
            w={260}
          />
          <StaffSelect
            label={`${L.responsible}${i + 1}`}
            staff={list}
            value={s.responsibleId}
            onChange={(v) => setStep(i, { responsibleId: v })}
            error={form.errors[`steps.${i}.responsibleId`]}
            w={260}
          />
          {steps.length > 1 && (
            <ActionIcon
              mt={28}
              variant="subtle"
              color="red"
              aria-label={`删除环节${i + 1}`}
              onClick={() =>
                form.set(
                  'steps',
                  steps.filter((_, j) => j !== i),
                )
              }
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {form.errors.steps && (
        <Text c="red" size="sm">
          {form.errors.steps}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => form.set('steps', [...steps, { label: '', responsibleId: '' }])}
        >
          {L.addStep}
        </Button>
      </Group>
    </FormCard>
  );
}
