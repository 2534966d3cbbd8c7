// The handling panels that record one date on the case (the unit's acceptance, the reply received,
// the request for 复查/复核, 归档): one form shape, through useCaseForm and ActionForm.
import type { ReactNode } from 'react';

import type { ISODate } from '../../../../../../shared/rules';
import { DateField } from '../../../../components/dates';
import { today } from '../../../../db/clock';
import type { Actor } from '../../../../db/repo';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { RuleNote, useActor, useCaseForm } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

// One panel: its button, its date's label, the command it records, the rule note under it.
function dateStep(
  label: string,
  dateLabel: (p: Petition) => string,
  record: (p: Petition, on: ISODate, actor: Actor) => Promise<unknown>,
  note?: (p: Petition) => ReactNode,
) {
  return function DateStepForm({ p }: { p: Petition }) {
    const actor = useActor();
    const form = useCaseForm({ initial: () => ({ on: today() }), submit: (v) => record(p, v.on, actor) });
    return (
      <ActionForm form={form} label={label}>
        <DateField max={today()} label={dateLabel(p)} {...form.input('on')} />
        {note?.(p)}
      </ActionForm>
    );
  };
}

export const UnitAcceptForm = dateStep(
  '登记受理',
  (p) => `${p.unitName ?? ''}受理日期`,
  (p, on, actor) => repo.recordUnitAcceptance(p.id, on, actor),
  (p) => <RuleNote id="PET-4" nature={p.nature} />,
);

export const ReplyReceivedForm = dateStep(
  '登记',
  () => '收到书面答复日期',
  (p, on, actor) => repo.recordReplyReceived(p.id, on, actor),
  () => <RuleNote id="PET-5" />,
);

export const ReviewRequestForm = dateStep(
  '登记申请',
  () => '申请日期',
  (p, on, actor) => repo.requestReview(p.id, { on }, actor),
  () => <RuleNote id="PET-5" />,
);

export const ArchiveForm = dateStep(
  '归档',
  () => '归档日期',
  (p, on, actor) => repo.archivePetition(p.id, on, actor),
);
