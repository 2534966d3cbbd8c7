import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';

import { today } from '../../../../db/clock';
import type { PetitionRecusal } from '../../../../db/schema/petitions';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { RECUSAL_LABELS } from '../../labels';
import { RuleNote, useActor, useFieldErrors, useStaffList } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function AssignForm({ p }: { p: Petition }) {
  const actor = useActor();
  const staff = useStaffList();
  const { errors, run } = useFieldErrors();
  const [staffId, setStaffId] = useState('');
  const [recusedId, setRecusedId] = useState('');
  const [reason, setReason] = useState<PetitionRecusal['reason']>('interest');
  const [note, setNote] = useState('');
  const options = [{ value: '', label: '请选择' }, ...staff.map((s) => ({ value: s.id, label: s.name }))];
  return (
    <Stack>
      <ActionForm label="指定承办人" onSubmit={() => run(() => repo.assignHandler(p.id, staffId, actor))}>
        <NativeSelect
          label="承办人"
          value={staffId}
          onChange={(e) => setStaffId(e.currentTarget.value)}
          data={options}
          error={errors.staffId}
        />
      </ActionForm>
      <ActionForm
        label="登记回避"
        color="orange"
        onSubmit={() =>
          run(() => repo.recordRecusal(p.id, { staffId: recusedId, reason, note, on: today() }, actor))
        }
      >
        <SimpleGrid cols={2}>
          <NativeSelect
            label="回避人员"
            value={recusedId}
            onChange={(e) => setRecusedId(e.currentTarget.value)}
            data={options}
          />
          <NativeSelect
            label="回避原因"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value as PetitionRecusal['reason'])}
            data={(Object.keys(RECUSAL_LABELS) as PetitionRecusal['reason'][]).map((k) => ({
              value: k,
              label: RECUSAL_LABELS[k],
            }))}
          />
        </SimpleGrid>
        <TextInput label="说明" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <RuleNote id="PET-13" />
      </ActionForm>
    </Stack>
  );
}
