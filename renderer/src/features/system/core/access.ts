// Who acts on the 系统 screens: the signed-in user. A 系统 write is a command (db/command.ts), which
// checks the roles stored on the staff record; the screens' wrappers also ask that the session hold
// the role (a role taken away counts at once, a role given counts from the next login).
import { can } from '../../../../../shared/permissions';
import type { Permission } from '../../../../../shared/permissions';
import { useSession } from '../../../auth/session';
import { NO_PERMISSION, requirePermission } from '../../../db/command';
import { DomainError } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import { REFUSALS } from '../labels';

export function signedInActor(): Actor & { accountId: string } {
  const u = useSession.getState().user;
  if (!u) throw new DomainError(REFUSALS.notSignedIn, 'permission');
  return { id: u.staffId, name: u.name, accountId: u.accountId };
}

// The signed-in user as the actor of a command, refused unless the session holds the permission.
export function sessionActor(perm: Permission, what: string): Actor & { accountId: string } {
  const me = signedInActor();
  const roles = useSession.getState().user?.roles ?? [];
  if (!can(roles, perm)) throw new DomainError(NO_PERMISSION(what), 'permission');
  return me;
}

// For what is not one Dexie transaction (a read, a backup to a file, a restore): the session and the
// staff record must both hold the permission; the refusal reads as a command's.
export async function requireSession(perm: Permission, what: string): Promise<Actor> {
  const actor = sessionActor(perm, what);
  await requirePermission(actor, perm, what);
  return { id: actor.id, name: actor.name };
}
