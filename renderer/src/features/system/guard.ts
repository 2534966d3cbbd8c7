// Permission checks of the 系统 repository functions: the screens hide what a user may not do,
// and these refuse it again where it protects data. Roles are read from the staff record (not
// only the session), so a role taken away counts at once.
import { can } from '../../../../shared/permissions';
import type { Permission } from '../../../../shared/permissions';
import { useSession } from '../../auth/session';
import { db } from '../../db/db';
import { DomainError } from '../../db/repo';
import type { Actor } from '../../db/repo';

import { MSG, PERMISSION_LABELS } from './labels';

export async function requirePermission(permission: Permission): Promise<Actor> {
  const u = useSession.getState().user;
  if (!u) throw new DomainError(MSG.notSignedIn);
  const staff = await db.staff.get(u.staffId);
  if (!staff || staff.deletedAt || !staff.active) throw new DomainError(MSG.staffInactive);
  if (!can(staff.roles, permission) || !can(u.roles, permission)) {
    throw new DomainError(MSG.noPermission(PERMISSION_LABELS[permission] ?? permission));
  }
  return { id: staff.id, name: staff.name };
}

export function signedInActor(): Actor & { accountId: string } {
  const u = useSession.getState().user;
  if (!u) throw new DomainError(MSG.notSignedIn);
  return { id: u.staffId, name: u.name, accountId: u.accountId };
}
