// The one form primitive: typed values, a busy state, field errors from a command's refusal
// (`DomainError.field`) shown at the field, one notification policy. Nothing typed is lost on a
// refusal; an error is shown only after the user submitted (never before anything is typed), and a
// field's error goes away as soon as it is edited.
//
//   const form = useCommandForm({ initial: { name: '' }, submit: (v) => createSeal(v, currentActor()),
//     success: '已登记', onDone: () => form.reset() });
//   <FormCard form={form} submitLabel="登记"><TextInput label="名称" {...form.text('name')} /></FormCard>
import { useCallback, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';

import { notifyOk } from './notify';
import { useFieldErrors } from './useFieldErrors';
import type { FieldErrorOptions, FieldErrors } from './useFieldErrors';

export type CommandFormOptions<V, R> = FieldErrorOptions & {
  initial: V | (() => V);
  // the command: throws a DomainError to refuse
  submit: (values: V) => Promise<R>;
  // a short success notice (none when omitted)
  success?: string | ((result: R, values: V) => string);
  // after success: reset the form, close a dialog, navigate …
  onDone?: (result: R, values: V) => void;
  // checks that need no data (the command checks again): field → message
  check?: (values: V) => FieldErrors;
};

export type CommandForm<V, R> = {
  values: V;
  errors: FieldErrors;
  busy: boolean;
  set<K extends keyof V>(key: K, value: V[K]): void;
  setValues(next: V | ((v: V) => V)): void;
  // props for a Mantine TextInput / Textarea / PasswordInput
  text<K extends keyof V & string>(
    key: K,
  ): {
    value: string;
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
    error?: string;
  };
  // props for inputs that hand over the value (Select, NumberInput, DateField, StaffSelect …)
  input<K extends keyof V & string>(key: K): { value: V[K]; onChange: (v: V[K]) => void; error?: string };
  // props for a Checkbox / Switch
  checkbox<K extends keyof V & string>(
    key: K,
  ): { checked: boolean; onChange: (e: ChangeEvent<HTMLInputElement>) => void; error?: string };
  submit(): Promise<R | undefined>;
  reset(next?: V): void;
  fail(e: unknown, fallbackField?: string): void;
  setErrors(errors: FieldErrors): void;
};

export function useCommandForm<V extends Record<string, unknown>, R = unknown>(
  options: CommandFormOptions<V, R>,
): CommandForm<V, R> {
  const { initial, notifyFieldErrors, skipField, clearOnNotify } = options;
  const [values, setValuesState] = useState<V>(initial);
  const [busy, setBusy] = useState(false);
  const { errors, setErrors, fail } = useFieldErrors({ notifyFieldErrors, skipField, clearOnNotify });
  const busyRef = useRef(false);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const optsRef = useRef(options);
  optsRef.current = options;

  const clearField = useCallback(
    (key: string) =>
      setErrors((e) => {
        if (!(key in e)) return e;
        const next = { ...e };
        delete next[key];
        return next;
      }),
    [setErrors],
  );

  const set = useCallback(
    <K extends keyof V>(key: K, value: V[K]) => {
      setValuesState((v) => ({ ...v, [key]: value }));
      clearField(String(key));
    },
    [clearField],
  );

  const submit = useCallback(async (): Promise<R | undefined> => {
    if (busyRef.current) return undefined;
    const o = optsRef.current;
    const v = valuesRef.current;
    const local = o.check?.(v) ?? {};
    if (Object.keys(local).length) {
      setErrors(local);
      return undefined;
    }
    busyRef.current = true;
    setBusy(true);
    setErrors({});
    try {
      const result = await o.submit(v);
      if (o.success) notifyOk(typeof o.success === 'function' ? o.success(result, v) : o.success);
      o.onDone?.(result, v);
      return result;
    } catch (e) {
      fail(e);
      return undefined;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [fail, setErrors]);

  const reset = useCallback(
    (next?: V) => {
      const init = optsRef.current.initial;
      setValuesState(next ?? (typeof init === 'function' ? (init as () => V)() : init));
      setErrors({});
    },
    [setErrors],
  );

  return {
    values,
    errors,
    busy,
    set,
    setValues: setValuesState,
    text: (key) => ({
      value: (values[key] ?? '') as string,
      onChange: (e) => set(key, e.currentTarget.value as V[typeof key]),
      error: errors[key],
    }),
    input: (key) => ({ value: values[key], onChange: (v) => set(key, v), error: errors[key] }),
    checkbox: (key) => ({
      checked: !!values[key],
      onChange: (e) => set(key, e.currentTarget.checked as V[typeof key]),
      error: errors[key],
    }),
    submit,
    reset,
    fail,
    setErrors,
  };
}
