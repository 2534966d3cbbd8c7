import { useLiveQuery } from 'dexie-react-hooks';

import type { Seal } from '../../../db/schema/documents';
import { listSeals } from '../core/queries';

// The seals kept, live.
export function useSeals(): Seal[] {
  return useLiveQuery(listSeals, [], []);
}

// How a refusal shows in the seals' forms: at its field, a notification only without one;
// a missing permission always as a notification.
export const FORM_ERRORS = {
  notifyFieldErrors: 'fallback',
  skipField: 'permission',
  clearOnNotify: false,
} as const;
