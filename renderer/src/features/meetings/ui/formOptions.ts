// How the module's forms show a refusal: at its field (a notification only when the command named
// no field), a permission refusal always as a notification, earlier field errors kept.
import type { FieldErrorOptions } from '../../../components/useFieldErrors';

export const FIELD_ERRORS: FieldErrorOptions = {
  notifyFieldErrors: 'fallback',
  skipField: 'permission',
  clearOnNotify: false,
};
