// The small forms of a document's course (拟办, 批办, 反馈, 归档, 分发 ...): a card holding one row of
// fields and the button that records the step; a refusal lands at its field (useFieldErrors), a
// success is a notification.
import { Button, Card, Group, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';

import { DateField } from '../../../components/dates';
import { notifyOk } from '../../../components/notify';
import type { FieldErrors } from '../../../components/useFieldErrors';
import { today } from '../../../db/clock';
import { L } from '../labels';

import { useFieldErrors } from './fieldErrors';

// Runs one step: clears the errors, awaits `fn`, says `ok`; a refusal without a field of its own
// lands at `fallbackField`.
export function useStepAction(fallbackField: string): {
  errors: FieldErrors;
  busy: boolean;
  run: (fn: () => Promise<unknown>, ok: string) => Promise<void>;
} {
  const { errors, fail, clear } = useFieldErrors();
  const [busy, setBusy] = useState(false);
  async function run(fn: () => Promise<unknown>, ok: string) {
    clear();
    setBusy(true);
    try {
      await fn();
      notifyOk(ok);
    } catch (e) {
      fail(e, fallbackField);
    } finally {
      setBusy(false);
    }
  }
  return { errors, busy, run };
}

// A bordered card with a form whose fields sit in one row, aligned at the bottom.
export function StepCard({
  onSubmit,
  bg,
  children,
}: {
  onSubmit: () => unknown;
  bg?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder bg={bg}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <Group align="flex-end">{children}</Group>
      </form>
    </Card>
  );
}

// A step recorded as one text (an opinion, a note, a result), with optional fields beside it.
export function StepForm({
  label,
  placeholder,
  initial = '',
  field,
  w,
  autoFocus,
  bg,
  showBusy,
  submitLabel,
  ok,
  action,
  extra,
}: {
  label: string;
  placeholder?: string;
  initial?: string;
  // the error key of the text, also where a refusal without a field lands
  field: string;
  w: number;
  autoFocus?: boolean;
  bg?: string;
  // the button shows it is working while the step is saved
  showBusy?: boolean;
  submitLabel: ReactNode;
  ok: string;
  action: (text: string) => Promise<unknown>;
  extra?: (errors: FieldErrors) => ReactNode;
}) {
  const [text, setText] = useState(initial);
  const { errors, busy, run } = useStepAction(field);
  return (
    <StepCard bg={bg} onSubmit={() => run(() => action(text), ok)}>
      <Textarea
        label={label}
        placeholder={placeholder}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors[field]}
        autosize
        minRows={1}
        w={w}
        autoFocus={autoFocus}
      />
      {extra?.(errors)}
      <Button type="submit" loading={showBusy ? busy : undefined}>
        {submitLabel}
      </Button>
    </StepCard>
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
  const [ref, setRef] = useState(initialRef);
  const [on, setOn] = useState(today());
  const { errors, run } = useStepAction('archivedOn');
  return (
    <StepCard onSubmit={() => run(() => archive(ref, on), '已归档')}>
      <TextInput label={L.archiveRef} value={ref} onChange={(e) => setRef(e.currentTarget.value)} />
      <DateField
        label="归档日期"
        value={on}
        onChange={(v) => setOn(v)}
        error={errors.archivedOn ?? errors.status}
      />
      <Button type="submit">{L.archive}</Button>
    </StepCard>
  );
}
