import { Group, NativeSelect, Text, Textarea } from '@mantine/core';

import { useCalendar } from '../../../../calendar/calendar';
import { DateField } from '../../../../components/dates';
import { ProvisionalBadge } from '../../../../components/ProvisionalBadge';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { RuleNote, useActor, useCaseForm, useSettings, useUnits } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function ObjectionForm({ p }: { p: Petition }) {
  const actor = useActor();
  const units = useUnits();
  const cal = useCalendar();
  const settings = useSettings();
  const form = useCaseForm({
    initial: () => ({ on: today(), reason: '', newUnitId: '' }),
    submit: (v) => repo.recordObjection(p.id, v, actor),
  });
  const due = repo.objectionDueOf(p, { cal, settings });
  return (
    <ActionForm label="登记异议并重新转送" form={form}>
      <Group gap={0}>
        <Text size="sm">异议期限：{due}（收到之日起5个工作日）</Text>
        <ProvisionalBadge due={due} cal={cal} from={p.handedOn} />
      </Group>
      <Textarea label="异议理由" {...form.text('reason')} autosize minRows={2} />
      <NativeSelect
        label="新的责任单位"
        {...form.select('newUnitId')}
        data={[
          { value: '', label: '请选择' },
          ...units.list.filter((u) => u.id !== p.unitId).map((u) => ({ value: u.id, label: u.name })),
        ]}
        error={form.errors.newUnitId ?? form.errors.unitId}
      />
      <DateField max={today()} {...form.input('on')} label="异议日期" />
      <RuleNote id="PET-3" />
    </ActionForm>
  );
}
