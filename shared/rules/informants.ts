// §4 Petitions, PET-6 (《信访工作条例》第30条第3款): which cases carry an informant's identity, and
// who may see it. Pure: the renderer applies these once, where petitions leave the database.

import { checkArray, checkBoolean, checkObject, checkString } from './validate';

/**
 * PET-6: a case is an informant case (its petitioner's identity is protected) when it is marked
 * 检举揭发 itself, or when it is linked (as 重复件 or 重复信访) into a case that is: a letter
 * linked into an informant's case is, as a rule, the informant writing again.
 */
export function isInformantCase(
  c: { informant: boolean },
  linkedInto?: { informant: boolean } | null,
): boolean {
  const own = checkBoolean(checkObject(c, 'c').informant, 'informant');
  if (linkedInto === undefined || linkedInto === null) return own;
  return own || checkBoolean(checkObject(linkedInto, 'linkedInto').informant, 'linkedInto.informant');
}

/** Who may see an informant's identity: a setting of the bureau. */
export type InformantAccessPolicy = {
  roles: readonly string[]; // roles that may see every informant case
  assignee: boolean; // the case's 承办人 may see it (the written 告知 goes from them)
};

/**
 * PET-6: may this person see the identity of this informant case? By role (the setting), or as
 * the case's 承办人 when the setting allows it (assigneeIds: of the case and of the case it is
 * linked into). Never someone recused from the case (PET-13: a conflict of interest is exactly
 * what the identity is protected from).
 */
export function mayViewInformant(
  viewer: { id: string; roles: readonly string[] },
  c: { assigneeIds: readonly (string | null | undefined)[]; recusedIds: readonly string[] },
  policy: InformantAccessPolicy,
): boolean {
  const v = checkObject(viewer, 'viewer');
  const id = checkString(v.id, 'viewer.id');
  const roles = checkArray(v.roles, 'viewer.roles');
  const o = checkObject(c, 'c');
  const assignees = checkArray(o.assigneeIds, 'assigneeIds');
  const recused = checkArray(o.recusedIds, 'recusedIds');
  const p = checkObject(policy, 'policy');
  const allowed = checkArray(p.roles, 'policy.roles');
  const byAssignee = checkBoolean(p.assignee, 'policy.assignee');
  if (recused.includes(id)) return false;
  if (roles.some((r) => allowed.includes(r))) return true;
  return byAssignee && id !== '' && assignees.includes(id);
}
