// Permission checks inside repository functions: the actor's roles come from the staff table, so
// a refusal does not depend on the screen (demo loaders and tests act as SYSTEM_ACTOR).
import type { Permission } from '../../../../shared/permissions';
import { can } from '../../../../shared/permissions';
import { db } from '../../db/db';
import { SYSTEM_ACTOR } from '../../db/repo';
import type { Actor } from '../../db/repo';

export async function actorCan(actor: Actor, permission: Permission): Promise<boolean> {
  if (actor.id === SYSTEM_ACTOR.id) return true;
  const s = await db.staff.get(actor.id);
  return !!s && !s.deletedAt && can(s.roles, permission);
}
