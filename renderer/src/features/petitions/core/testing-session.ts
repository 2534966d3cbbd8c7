// Test helper (imported by *.test.ts only): the signed-in user of a repository test, from whom the
// petitions queries derive what may be seen of informants (PET-6).
import { useSession } from '../../../auth/session';
import type { Staff } from '../../../db/schema/core';
import { sessionUserOf } from '../../../db/testing';

import { resetRevealMemory } from './informant';

export function signInAs(s: Staff): void {
  useSession.getState().signIn(sessionUserOf(s));
  resetRevealMemory();
}

export function signOut(): void {
  useSession.getState().signOut();
  resetRevealMemory();
}
