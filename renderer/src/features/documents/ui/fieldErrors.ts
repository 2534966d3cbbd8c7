// Errors shown at the field (shared hook) for the forms not on useCommandForm: a refusal at its own
// field is not also a notification (only one placed at the caller's fallback field is); 'permission'
// refusals are always a notification; a notification leaves earlier field errors in place.
import { useFieldErrors as useSharedFieldErrors } from '../../../components/useFieldErrors';

export function useFieldErrors() {
  return useSharedFieldErrors({
    notifyFieldErrors: 'fallback',
    skipField: 'permission',
    clearOnNotify: false,
  });
}
