import { useCallback, useState } from 'react';

import { DomainError } from '../db/repo';

import { errorMessage, notifyError } from './notify';

export type FieldErrors = Record<string, string>;

export type FieldErrorOptions = {
  // Whether a refusal shown at a field is ALSO a notification:
  // 'always' — every time; 'with_rule' — when it carries a rule ID; 'fallback' — only when the
  // field came from the caller's fallback (the refusal itself named none); 'never' — not at all.
  notifyFieldErrors?: 'always' | 'with_rule' | 'fallback' | 'never';
  // A field name that is never shown at a field (e.g. 'permission'): always a notification.
  skipField?: string;
  // Whether a refusal that becomes a notification also clears the field errors shown before.
  clearOnNotify?: boolean;
};

// Field errors from a repository refusal: a DomainError with a field (or the caller's fallback
// field) lands at that field as `message（ruleId）`; anything else is a notification. The form's
// own state is untouched, so nothing typed is lost.
export function useFieldErrors({
  notifyFieldErrors = 'with_rule',
  skipField,
  clearOnNotify = true,
}: FieldErrorOptions = {}) {
  const [errors, setErrors] = useState<FieldErrors>({});

  const fail = useCallback(
    (e: unknown, fallbackField?: string) => {
      if (
        e instanceof DomainError &&
        (e.field || fallbackField) &&
        !(skipField !== undefined && e.field === skipField)
      ) {
        setErrors({ [e.field ?? fallbackField!]: errorMessage(e) });
        const notify =
          notifyFieldErrors === 'always' ||
          (notifyFieldErrors === 'with_rule' && !!e.ruleId) ||
          (notifyFieldErrors === 'fallback' && !e.field);
        if (notify) notifyError(e);
        return;
      }
      if (clearOnNotify) setErrors({});
      notifyError(e);
    },
    [notifyFieldErrors, skipField, clearOnNotify],
  );

  const clear = useCallback(() => setErrors({}), []);

  // Runs a repository call with the errors cleared first; a refusal goes through fail().
  const run = useCallback(
    async (fn: () => Promise<unknown>): Promise<boolean> => {
      setErrors({});
      try {
        await fn();
        return true;
      } catch (e) {
        fail(e);
        return false;
      }
    },
    [fail],
  );

  return { errors, setErrors, fail, clear, run };
}
