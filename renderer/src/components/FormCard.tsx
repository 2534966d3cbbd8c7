// A bordered card holding one form: a title, the fields, and a row with the submit button and
// whatever goes beside it. Submitting runs `onSubmit`; what it throws (a repository refusal) goes to
// `onError`, usually `fail` from useFieldErrors, so it lands at its field and nothing typed is lost.
import { Button, Card, Group, Stack, Title } from '@mantine/core';
import type { CardProps, MantineSpacing, TitleOrder } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';

export function FormCard({
  title,
  inline = false,
  titleOrder = 5,
  gap = 'xs',
  submitLabel,
  showBusy = false,
  footer,
  onSubmit,
  onError,
  children,
  ...card
}: Omit<CardProps, 'children' | 'title' | 'onSubmit' | 'onError'> & {
  title?: ReactNode;
  // a short form: the fields and the button in one row (no title)
  inline?: boolean;
  titleOrder?: TitleOrder;
  gap?: MantineSpacing;
  submitLabel: ReactNode;
  // the button shows it is working (and takes no second click) while onSubmit runs
  showBusy?: boolean;
  // beside the submit button: a hint, a cancel button, an error without a field
  footer?: ReactNode;
  onSubmit: () => Promise<unknown> | void;
  onError: (e: unknown) => void;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    try {
      await onSubmit();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }
  const button = (
    <Button type="submit" loading={showBusy && busy} mt={inline ? 24 : undefined}>
      {submitLabel}
    </Button>
  );
  return (
    <Card withBorder {...card}>
      <form
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
