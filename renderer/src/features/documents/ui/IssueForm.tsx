// 印发: the office records the printing and distribution of an issued document.
import { NumberInput, TextInput } from '@mantine/core';

import { currentActor } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { splitList } from '../../../components/Field';
import { today } from '../../../db/clock';
import type { OutgoingDoc } from '../../../db/schema/documents';
import { issueOutgoing } from '../core/outgoing';
import { L } from '../labels';

import { StepCard, useDocForm } from './StepForm';

export function IssueForm({ doc }: { doc: OutgoingDoc }) {
  const form = useDocForm(
    {
      initial: () => ({
        copies: doc.printCopies || 1,
        dist: doc.distribution.join('、'),
        on: doc.issuedOn ?? today(),
      }),
      submit: (v) =>
        issueOutgoing(
          doc.id,
          { printCopies: v.copies, distribution: splitList(v.dist), issuedOn: v.on },
          currentActor(),
        ),
      success: '已登记印制分发',
    },
    'distribution',
  );
  return (
    <StepCard form={form} submitLabel={L.issue}>
      {/* the command names the field printCopies */}
      <NumberInput
        label={L.printCopies}
        min={1}
        w={120}
        {...form.count('copies')}
        error={form.errors.printCopies}
      />
      <TextInput label={L.distribution} {...form.text('dist')} error={form.errors.distribution} w={360} />
      <DateField label="分发日期" {...form.input('on')} error={form.errors.issuedOn} />
    </StepCard>
  );
}
