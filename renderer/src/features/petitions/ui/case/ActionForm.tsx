// The body of one handling panel of a case: the fields and the submit button, without a card of
// its own (the panel is an accordion item). `onSubmit` runs the command through useFieldErrors'
// `run`, which puts a refusal at its field.
import type { ReactNode } from 'react';

import { FormCard } from '../../../../components/FormCard';

export function ActionForm({
  label,
  onSubmit,
  children,
  color,
}: {
  label: string;
  color?: string;
  onSubmit: () => Promise<unknown>;
  children: ReactNode;
}) {
  return (
    <FormCard withBorder={false} p={0} submitLabel={label} submitColor={color} showBusy onSubmit={onSubmit}>
      {children}
    </FormCard>
  );
}
