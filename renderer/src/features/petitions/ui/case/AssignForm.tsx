import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';

import { today } from '../../../../db/clock';
import type { PetitionRecusal } from '../../../../db/schema/petitions';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { RECUSAL_LABELS } from '../../labels';
import { RuleNote, useActor, useCaseForm, useStaffList } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function AssignForm({ p }: { p: Petition }) {
  const actor = useActor();
  const staff = useStaffList();
  const assign = useCaseForm({
    initial: { staffId: '' },
    submit: (v) => repo.assignHandler(p.id, v.staffId, actor),
  });
  const recusal = useCaseForm({
    initial: { staffId: '', reason: 'interest' as PetitionRecusal['reason'], note: '' },
    submit: (v) => repo.recordRecusal(p.id, { ...v, on: today() }, actor),
  });
  const options = [{ value: '', label: '请选择' }, ...staff.map((s) => ({ value: s.id, label: s.name }))];
  return (
    <Stack>
      <ActionForm label="指定承办人" form={assign}>
        <NativeSelect label="承办人" {...assign.select('staffId')} data={options} />
      </ActionForm>
      <ActionForm label="登记回避" color="orange" form={recusal}>
        <SimpleGrid cols={2}>
          <NativeSelect label="回避人员" {...recusal.select('staffId')} data={options} />
          <NativeSelect
            label="回避原因"
            {...recusal.select('reason')}
            data={(Object.keys(RECUSAL_LABELS) as PetitionRecusal['reason'][]).map((k) => ({
              value: k,
              label: RECUSAL_LABELS[k],
            }))}
          />
        </SimpleGrid>
        <TextInput label="说明" {...recusal.text('note')} />
        <RuleNote id="PET-13" />
      </ActionForm>
    </Stack>
  );
}
