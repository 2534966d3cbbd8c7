import { NativeSelect, Text, Textarea } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';

import type { SortDecision } from '../../../../../../shared/rules';
import { DateField } from '../../../../components/dates';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { routeFor } from '../../core/lookups';
import { DECISION_LABELS } from '../../labels';
import { RuleNote, useActor, useCaseForm, useUnits } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

const needsUnit = (d: SortDecision) => d === 'forward' || d === 'hand_down';

export function SortForm({ p }: { p: Petition }) {
  const actor = useActor();
  const units = useUnits();
  const form = useCaseForm({
    initial: () => ({ decision: 'hand_down' as SortDecision, on: today(), unitId: '', reason: '' }),
    submit: ({ unitId, ...v }) =>
      repo.sortPetition(p.id, { ...v, unitId: needsUnit(v.decision) ? unitId || null : null }, actor),
    success: (_, v) => `已${DECISION_LABELS[v.decision]}`,
  });
  const { decision, unitId } = form.values;
  const { set } = form;
  const suggested = useLiveQuery(() => routeFor(p.township, p.category), [p.township, p.category]);
  const suggestedOk = suggested && !(p.informant && p.accusedUnitIds.includes(suggested.unitId));
  useEffect(() => {
    if (!unitId && suggested && suggestedOk) set('unitId', suggested.unitId);
  }, [suggested, suggestedOk, unitId, set]);
  return (
    <ActionForm label="确定" form={form}>
      <NativeSelect
        label="处理方式"
        {...form.select('decision')}
        data={(['hand_down', 'forward', 'accept', 'report_up', 'reject'] as SortDecision[]).map((d) => ({
          value: d,
          label: DECISION_LABELS[d],
        }))}
      />
      {needsUnit(decision) && (
        <NativeSelect
          label="责任单位"
          {...form.select('unitId')}
          data={[
            { value: '', label: '请选择' },
            ...units.list.map((u) => ({
              value: u.id,
              label: `${u.name}${suggested?.unitId === u.id ? '（按乡镇×类别建议）' : ''}${p.accusedUnitIds.includes(u.id) ? '（被检举单位）' : ''}`,
            })),
          ]}
        />
      )}
      {needsUnit(decision) && suggested && !suggestedOk && (
        <Text size="xs" c="red">
          按责任单位表建议的单位是被检举单位，不能转送或交办（PET-6）。
        </Text>
      )}
      {decision === 'reject' && (
        <Textarea label="不予受理理由" {...form.text('reason')} autosize minRows={2} />
      )}
      <DateField max={today()} {...form.input('on')} label="决定日期" />
      <RuleNote id="PET-2" />
      {needsUnit(decision) && <RuleNote id="PET-8" />}
    </ActionForm>
  );
}
