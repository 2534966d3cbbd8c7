import { NativeSelect, Text, Textarea } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import type { SortDecision } from '../../../../../../shared/rules';
import { DateField } from '../../../../components/dates';
import { notifyOk } from '../../../../components/notify';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { routeFor } from '../../core/lookups';
import { DECISION_LABELS } from '../../labels';
import { RuleNote, useActor, useFieldErrors, useUnits } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function SortForm({ p }: { p: Petition }) {
  const actor = useActor();
  const units = useUnits();
  const { errors, run } = useFieldErrors();
  const [decision, setDecision] = useState<SortDecision>('hand_down');
  const [on, setOn] = useState(today());
  const [reason, setReason] = useState('');
  const suggested = useLiveQuery(() => routeFor(p.township, p.category), [p.township, p.category]);
  const [unitId, setUnitId] = useState('');
  const suggestedOk = suggested && !(p.informant && p.accusedUnitIds.includes(suggested.unitId));
  useEffect(() => {
    if (!unitId && suggested && suggestedOk) setUnitId(suggested.unitId);
  }, [suggested, suggestedOk, unitId]);
  const needsUnit = decision === 'forward' || decision === 'hand_down';
  return (
    <ActionForm
      label="确定"
      onSubmit={() =>
        run(async () => {
          await repo.sortPetition(
            p.id,
            { decision, on, unitId: needsUnit ? unitId || null : null, reason },
            actor,
          );
          notifyOk(`已${DECISION_LABELS[decision]}`);
        })
      }
    >
      <NativeSelect
        label="处理方式"
        value={decision}
        onChange={(e) => setDecision(e.currentTarget.value as SortDecision)}
        data={(['hand_down', 'forward', 'accept', 'report_up', 'reject'] as SortDecision[]).map((d) => ({
          value: d,
          label: DECISION_LABELS[d],
        }))}
        error={errors.decision}
      />
      {needsUnit && (
        <NativeSelect
          label="责任单位"
          value={unitId}
          onChange={(e) => setUnitId(e.currentTarget.value)}
          data={[
            { value: '', label: '请选择' },
            ...units.list.map((u) => ({
              value: u.id,
              label: `${u.name}${suggested?.unitId === u.id ? '（按乡镇×类别建议）' : ''}${p.accusedUnitIds.includes(u.id) ? '（被检举单位）' : ''}`,
            })),
          ]}
          error={errors.unitId}
        />
      )}
      {needsUnit && suggested && !suggestedOk && (
        <Text size="xs" c="red">
          按责任单位表建议的单位是被检举单位，不能转送或交办（PET-6）。
        </Text>
      )}
      {decision === 'reject' && (
        <Textarea
          label="不予受理理由"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
        />
      )}
      <DateField max={today()} value={on} onChange={setOn} error={errors.on} label="决定日期" />
      <RuleNote id="PET-2" />
      {needsUnit && <RuleNote id="PET-8" />}
    </ActionForm>
  );
}
