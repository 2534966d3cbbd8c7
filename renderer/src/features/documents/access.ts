// Permission checks in repository functions (not only in screens): the office's registers, seals,
// meetings and study records are written only by the roles that keep them.
import { can } from '../../../../shared/permissions';
import type { Permission } from '../../../../shared/permissions';
import { db } from '../../db/db';
import { DomainError, SYSTEM_ACTOR } from '../../db/repo';
import type { Actor } from '../../db/repo';

export async function hasPermission(actor: Actor, permission: Permission): Promise<boolean> {
  if (actor.id === SYSTEM_ACTOR.id) return true;
  const s = await db.staff.get(actor.id);
  return !!s && !s.deletedAt && can(s.roles, permission);
}

export async function requirePermission(actor: Actor, permission: Permission, what: string): Promise<void> {
  if (!(await hasPermission(actor, permission))) throw new DomainError(`没有权限：${what}`, 'permission');
}

export function required(value: string | null | undefined, field: string, message: string): string {
  const v = (value ?? '').trim();
  if (!v) throw new DomainError(message, field);
  return v;
}
