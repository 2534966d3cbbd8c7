// The one form primitive: typed values, a busy state, field errors from a command's refusal
// (`DomainError.field`) shown at the field, one notification policy. Nothing typed is lost on a
// refusal; an error is shown only after the user submitted (never before anything is typed), and a
// field's error goes away as soon as it is edited.
//
//   const form = useCommandForm({ initial: { name: '' }, submit: (v) => createSeal(v, currentActor()),
//     success: '已登记', onDone: () => form.reset() });
//   <FormCard form={form} submitLabel="登记"><TextInput label="名称" {...form.text('name')} /></FormCard>
//
// A form that edits stored values (settings, a draft) passes them as `stored`, straight from a
// live query: `undefined` while they are being read (the form cannot be submitted yet), `null` when
// there is nothing stored. Each time they arrive or change, the fields the user has not edited take
// them; a field the user has edited keeps what was typed (see applyStored).
import { useCallback, useEffect, useRef, useState } from 'react';
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
  // the stored values this form edits: undefined while being read, null when none
  stored?: V | null;
};

// Stored values are plain data (a live query hands out a fresh copy on every read): equal content
// is the same value.
function sameValue(a: unknown, b: unknown): boolean {
  return (
    Object.is(a, b) ||
    (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b))
  );
}

// The stored values applied to a form: every field the user has not edited (not in `edited`) takes
// the stored value; an edited field keeps what was typed. Returns `values` itself when nothing
// changes, so React does not render again.
export function applyStored<V extends Record<string, unknown>>(
  values: V,
  stored: V,
  edited: ReadonlySet<string>,
): V {
  let next: V | null = null;
  for (const key of Object.keys(stored) as (keyof V & string)[]) {
    if (edited.has(key) || sameValue(values[key], stored[key])) continue;
    next ??= { ...values };
    next[key] = stored[key];
  }
  return next ?? values;
}

export type CommandForm<V, R> = {
  values: V;
  errors: FieldErrors;
  busy: boolean;
  // the stored values (option `stored`) are still being read: the form cannot be submitted yet
  loading: boolean;
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
  // props for a NumberInput of a whole count (copies, days): an emptied box counts 0
  count<K extends keyof V & string>(
    key: K,
  ): { value: number; onChange: (n: number | string) => void; error?: string };
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
  const { initial, notifyFieldErrors, skipField, clearOnNotify, stored } = options;
  const [values, setValuesState] = useState<V>(() =>
    stored ? stored : typeof initial === 'function' ? (initial as () => V)() : initial,
  );
  // the fields the user edited since the form was opened, reset or saved
  const edited = useRef(new Set<string>());
  const loading = 'stored' in options && stored === undefined;
  const loadingRef = useRef(loading);
  loadingRef.current = loading;
  // applied when their content changes, not each time a caller hands over an equal copy
  const storedRef = useRef(stored);
  storedRef.current = stored;
  const storedKey = stored ? JSON.stringify(stored) : stored;
  useEffect(() => {
    const s = storedRef.current;
    if (s) setValuesState((v) => applyStored(v, s, edited.current));
  }, [storedKey]);
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
      edited.current.add(String(key));
      setValuesState((v) => ({ ...v, [key]: value }));
      clearField(String(key));
    },
    [clearField],
  );

  const submit = useCallback(async (): Promise<R | undefined> => {
    if (busyRef.current || loadingRef.current) return undefined;
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
      edited.current.clear();
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

  const setValues = useCallback((next: V | ((v: V) => V)) => {
    setValuesState((prev) => {
      const v = typeof next === 'function' ? next(prev) : next;
      for (const key of Object.keys(v)) if (!Object.is(prev[key], v[key])) edited.current.add(key);
      return v;
    });
  }, []);

  const reset = useCallback(
    (next?: V) => {
      const init = optsRef.current.initial;
      setValuesState(next ?? (typeof init === 'function' ? (init as () => V)() : init));
      edited.current.clear();
      setErrors({});
    },
    [setErrors],
  );

  return {
    values,
    errors,
    busy,
    loading,
    set,
    setValues,
    text: (key) => ({
      value: (values[key] ?? '') as string,
      onChange: (e) => set(key, e.currentTarget.value as V[typeof key]),
      error: errors[key],
    }),
    input: (key) => ({ value: values[key], onChange: (v) => set(key, v), error: errors[key] }),
    count: (key) => ({
      value: Number(values[key] ?? 0),
      onChange: (n) => set(key, (typeof n === 'number' ? n : 0) as V[typeof key]),
      error: errors[key],
    }),
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
