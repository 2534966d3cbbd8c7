// Permission checks in repository functions (not only in screens): the office's registers, seals,
// meetings and study records are written only by the roles that keep them.
import { can } from '../../../../shared/permissions';
import type { Permission } from '../../../../shared/permissions';
import { db } from '../../db/db';
import { DomainError, SYSTEM_ACTOR } from '../../db/repo';
import type { Actor } from '../../db/repo';

export async function requirePermission(actor: Actor, permission: Permission, what: string): Promise<void> {
  if (actor.id === SYSTEM_ACTOR.id) return;
  const s = await db.staff.get(actor.id);
  if (!s || s.deletedAt || !can(s.roles, permission))
    throw new DomainError(`没有权限：${what}`, 'permission');
}

export function required(value: string | null | undefined, field: string, message: string): string {
  const v = (value ?? '').trim();
  if (!v) throw new DomainError(message, field);
  return v;
}
