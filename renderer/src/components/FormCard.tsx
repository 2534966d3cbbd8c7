// A bordered card holding one form: a title, the fields, and a row with the submit button and
// whatever goes beside it. Given `form` (from useCommandForm), submitting runs the form's command
// and the button shows it is busy. Otherwise submitting runs `onSubmit`; what it throws (a
// repository refusal) goes to `onError`, usually `fail` from useFieldErrors, so it lands at its
// field and nothing typed is lost. The browser's own checks are off (`noValidate`): required fields
// are checked by the command, with a Chinese message at the field, on any Windows language.
import { Button, Card, Group, Stack, Title } from '@mantine/core';
import type { CardProps, MantineSpacing, TitleOrder } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';

import type { CommandForm } from './useCommandForm';

export function FormCard({
  title,
  inline = false,
  titleOrder = 5,
  gap = 'xs',
  submitLabel,
  submitColor,
  showBusy = false,
  footer,
  onSubmit,
  onError,
  form,
  children,
  ...card
}: Omit<CardProps, 'children' | 'title' | 'onSubmit' | 'onError' | 'form'> & {
  title?: ReactNode;
  // a short form: the fields and the button in one row (no title)
  inline?: boolean;
  titleOrder?: TitleOrder;
  gap?: MantineSpacing;
  submitLabel: ReactNode;
  // the submit button's colour when it is not the default (red for a step that cannot be undone)
  submitColor?: string;
  // the button shows it is working (and takes no second click) while onSubmit runs
  showBusy?: boolean;
  // beside the submit button: a hint, a cancel button, an error without a field
  footer?: ReactNode;
  onSubmit?: () => Promise<unknown> | void;
  onError?: (e: unknown) => void;
  form?: Pick<CommandForm<never, unknown>, 'submit' | 'busy'> & { loading?: boolean };
  children: ReactNode;
}) {
  const [ownBusy, setBusy] = useState(false);
  const busy = form ? form.busy : ownBusy;
  async function submit() {
    if (form) {
      await form.submit();
      return;
    }
    setBusy(true);
    try {
      await onSubmit?.();
    } catch (e) {
      if (onError) onError(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  }
  const button = (
    <Button
      type="submit"
      loading={(showBusy || !!form) && busy}
      disabled={!!form?.loading}
      color={submitColor}
      mt={inline ? 24 : undefined}
    >
      {submitLabel}
    </Button>
  );
  return (
    <Card withBorder {...card}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {inline ? (
          <Group align="flex-start">
            {children}
            {button}
            {footer}
          </Group>
        ) : (
          <Stack gap={gap}>
            {title !== undefined && <Title order={titleOrder}>{title}</Title>}
            {children}
            <Group>
              {button}
              {footer}
            </Group>
          </Stack>
        )}
      </form>
    </Card>
  );
}
