// The handling panels that record one date on the case (the unit's acceptance, the reply received,
// the request for 复查/复核, 归档): one form shape, through useCommandForm and FormCard.
import type { ReactNode } from 'react';

import type { ISODate } from '../../../../../../shared/rules';
import { DateField } from '../../../../components/dates';
import { FormCard } from '../../../../components/FormCard';
import { useCommandForm } from '../../../../components/useCommandForm';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { RuleNote, useActor } from '../ui';

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
  const form = useCommandForm({
    initial: () => ({ on: today() }),
    submit: (v) => submit(v.on),
    // a refusal naming a field shows at the field and as a notice too (as every panel of a case)
    notifyFieldErrors: 'always',
  });
  return (
    <FormCard form={form} withBorder={false} p={0} submitLabel={label}>
      <DateField max={today()} label={dateLabel} {...form.input('on')} />
      {children}
    </FormCard>
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
