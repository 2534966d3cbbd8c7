// The body of one handling panel of a case: the fields and the submit button, without a card of
// its own (the panel is an accordion item). `form` (useCaseForm) runs the command and puts a
// refusal at its field.
import type { ReactNode } from 'react';

import { FormCard } from '../../../../components/FormCard';
import type { CommandForm } from '../../../../components/useCommandForm';

export function ActionForm({
  label,
  form,
  children,
  color,
}: {
  label: string;
  form: Pick<CommandForm<never, unknown>, 'submit' | 'busy'>;
  color?: string;
  children?: ReactNode;
}) {
  return (
    <FormCard form={form} withBorder={false} p={0} submitLabel={label} submitColor={color}>
      {children}
    </FormCard>
  );
}
