// The handling panels that record one date on the case (the unit's acceptance, the reply received,
// the request for 复查/复核, 归档): one form shape, through useCaseForm and ActionForm.
import type { ReactNode } from 'react';

import type { ISODate } from '../../../../../../shared/rules';
import { DateField } from '../../../../components/dates';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { RuleNote, useActor, useCaseForm } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

function DateStepForm({
  label,
  dateLabel,
  submit,
  children,
}: {
  label: string;
  dateLabel: string;
  submit: (on: ISODate) => Promise<unknown>;
  children?: ReactNode;
}) {
  const form = useCaseForm({ initial: () => ({ on: today() }), submit: (v) => submit(v.on) });
  return (
    <ActionForm form={form} label={label}>
      <DateField max={today()} label={dateLabel} {...form.input('on')} />
      {children}
    </ActionForm>
  );
}

export function UnitAcceptForm({ p }: { p: Petition }) {
  const actor = useActor();
  return (
    <DateStepForm
      label="登记受理"
      dateLabel={`${p.unitName ?? ''}受理日期`}
      submit={(on) => repo.recordUnitAcceptance(p.id, on, actor)}
    >
      <RuleNote id="PET-4" nature={p.nature} />
    </DateStepForm>
  );
}

export function ReplyReceivedForm({ p }: { p: Petition }) {
  const actor = useActor();
  return (
    <DateStepForm
      label="登记"
      dateLabel="收到书面答复日期"
      submit={(on) => repo.recordReplyReceived(p.id, on, actor)}
    >
      <RuleNote id="PET-5" />
    </DateStepForm>
  );
}

export function ReviewRequestForm({ p }: { p: Petition }) {
  const actor = useActor();
  return (
    <DateStepForm
      label="登记申请"
      dateLabel="申请日期"
      submit={(on) => repo.requestReview(p.id, { on }, actor)}
    >
      <RuleNote id="PET-5" />
    </DateStepForm>
  );
}

export function ArchiveForm({ p }: { p: Petition }) {
  const actor = useActor();
  return (
    <DateStepForm label="归档" dateLabel="归档日期" submit={(on) => repo.archivePetition(p.id, on, actor)} />
  );
}
