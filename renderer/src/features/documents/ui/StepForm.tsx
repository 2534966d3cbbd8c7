// The forms of the documents screens on the one form primitive (useCommandForm + FormCard), with
// this module's error policy: a refusal at its own field is not also a notification; 'permission'
// refusals are always a notification; a notification leaves earlier field errors in place. The
// small forms of a document's course (拟办, 批办, 反馈, 归档, 分发 ...) are one row of fields in a
// card (StepCard); a refusal without a field of its own lands at the step's main field.
import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { useCommandForm } from '../../../components/useCommandForm';
import type { CommandForm, CommandFormOptions } from '../../../components/useCommandForm';
import type { FieldErrorOptions } from '../../../components/useFieldErrors';
import { today } from '../../../db/clock';
import { DomainError } from '../../../db/repo';
import { L } from '../labels';

export function useDocForm<V extends Record<string, unknown>, R = unknown>(
  options: Omit<CommandFormOptions<V, R>, keyof FieldErrorOptions>,
  // where a refusal without a field of its own lands
  fallbackField?: string,
): CommandForm<V, R> {
  return useCommandForm<V, R>({
    notifyFieldErrors: 'fallback',
    skipField: 'permission',
    clearOnNotify: false,
    ...options,
    submit: async (v) => {
      try {
        return await options.submit(v);
      } catch (e) {
        if (fallbackField && e instanceof DomainError && !e.field)
          throw new DomainError(e.message, fallbackField, e.ruleId);
        throw e;
      }
    },
  });
}

// A bordered card with one row of fields and the button that records the step.
export function StepCard<V, R>({
  form,
  submitLabel,
  bg,
  children,
}: {
  form: CommandForm<V, R>;
  submitLabel: ReactNode;
  bg?: string;
  children: ReactNode;
}) {
  return (
    <FormCard form={form} inline submitLabel={submitLabel} bg={bg}>
      {children}
    </FormCard>
  );
}

// 归档: the archive reference (prefilled) and the date.
export function ArchiveForm({
  initialRef,
  archive,
}: {
  initialRef: string;
  archive: (ref: string, on: string) => Promise<unknown>;
}) {
  const form = useDocForm(
    {
      initial: () => ({ ref: initialRef, on: today() }),
      submit: (v) => archive(v.ref, v.on),
      success: '已归档',
    },
    'archivedOn',
  );
  return (
    <StepCard form={form} submitLabel={L.archive}>
      <TextInput label={L.archiveRef} {...form.text('ref')} />
      <DateField
        label="归档日期"
        {...form.input('on')}
        error={form.errors.archivedOn ?? form.errors.status}
      />
    </StepCard>
  );
}
