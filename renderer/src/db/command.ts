// The one write path. Every write of every module is a command: `defineCommand` checks who acts
// (the roles are read from the staff record, so a role taken away counts at once), refuses with one
// wording, and runs the work in one Dexie transaction over the tables it names plus the audit table;
// `insert`/`update`/`softDelete` inside it write their audit entries in that transaction. Replication
// between several PCs hooks in here, so nothing may write around it.
//
// SYSTEM_ACTOR policy: the system (demo data, migrations, recalculations after a calendar import)
// may run every command; no screen ever acts as the system — the lint forbids `SYSTEM_ACTOR` in ui/.
import type { Table } from 'dexie';

import { can, ROLES } from '../../../shared/permissions';
import type { Permission, Role } from '../../../shared/permissions';
import type { RuleId } from '../../../shared/rules';
import { auditMark, outboxEnabled, recordOutbox } from '../sync/outbox';

import { db } from './db';
import { DomainError, SYSTEM_ACTOR, writeTx } from './repo';
import type { Actor } from './repo';
import { outerWriteTransaction } from './tx';

export type Db = typeof db;

export type CommandContext = {
  actor: Actor;
  // the actor's roles as stored now (every role for the system)
  roles: readonly Role[];
  isSystem: boolean;
  can(perm: Permission): boolean;
  // refuses unless the actor holds the permission, with the command's wording
  require(perm: Permission, what?: string): void;
};

export type CommandSpec<I extends unknown[], O> = {
  // what the actor does, in Chinese (登记印章): the refusal reads 没有权限：登记印章
  what: string;
  // the permission needed; several: any of them; null: any active staff member
  perm: Permission | readonly Permission[] | null;
  // the tables the command writes (the audit table is always added)
  tables: (d: Db) => Table[];
  // checks that read nothing (or only what they are given) and may run before the transaction
  validate?: (...input: I) => void;
  run: (ctx: CommandContext, ...input: I) => Promise<O>;
  // false: the command's changes do not go to the sync outbox (changes that came from the hub)
  outbox?: false;
};

export type Command<I extends unknown[], O> = ((...args: [...I, Actor]) => Promise<O>) & {
  readonly what: string;
  readonly perm: Permission | readonly Permission[] | null;
};

export const NO_PERMISSION = (what: string) => `没有权限：${what}`;
export const STAFF_INACTIVE = '您的账号对应的人员已停用或删除，不能办理此事';

const registry: Command<never[], unknown>[] = [];

// Every command defined so far (a test checks each one names its permission and tables).
export function allCommands(): readonly Command<never[], unknown>[] {
  return registry;
}

// The actor's roles as stored now; the system holds every role.
export async function actorContext(actor: Actor): Promise<CommandContext> {
  const isSystem = actor.id === SYSTEM_ACTOR.id;
  let roles: readonly Role[] = ROLES;
  if (!isSystem) {
    const staff = await db.staff.get(actor.id);
    if (!staff || staff.deletedAt || staff.active === false)
      throw new DomainError(STAFF_INACTIVE, 'permission');
    roles = staff.roles;
  }
  const has = (p: Permission) => isSystem || can(roles, p);
  return {
    actor,
    roles,
    isSystem,
    can: has,
    require(p, what) {
      if (!has(p)) throw new DomainError(NO_PERMISSION(what ?? p), 'permission');
    },
  };
}

// Whether the actor (as stored now) holds the permission: the one check behind every command.
export async function actorCan(actor: Actor, perm: Permission): Promise<boolean> {
  try {
    return (await actorContext(actor)).can(perm);
  } catch {
    return false;
  }
}

export function checkPerm(
  ctx: CommandContext,
  perm: CommandSpec<never[], unknown>['perm'],
  what: string,
): void {
  if (perm === null) return;
  const any = typeof perm === 'string' ? [perm] : perm;
  if (!any.some((p) => ctx.can(p))) throw new DomainError(NO_PERMISSION(what), 'permission');
}

export function defineCommand<I extends unknown[], O>(spec: CommandSpec<I, O>): Command<I, O> {
  const command = async (...args: [...I, Actor]): Promise<O> => {
    const actor = args[args.length - 1] as Actor;
    const input = args.slice(0, -1) as unknown as I;
    if (!actor || typeof actor.id !== 'string') throw new DomainError('未登录', 'permission');
    const ctx = await actorContext(actor);
    checkPerm(ctx, spec.perm, spec.what);
    spec.validate?.(...input);
    // With sync on, the changed records also go to the outbox in the same transaction (sync/outbox);
    // a command run inside another one leaves that to the outer one.
    const sync = spec.outbox !== false && !outerWriteTransaction() && (await outboxEnabled());
    const tables = spec.tables(db);
    // an async scope function: Dexie follows native awaits only inside one
    if (!sync) return writeTx(tables, async () => spec.run(ctx, ...input));
    return writeTx([...tables, db.syncOutbox], async () => {
      const mark = await auditMark();
      const out = await spec.run(ctx, ...input);
      await recordOutbox(mark);
      return out;
    });
  };
  const out = Object.assign(command, { what: spec.what, perm: spec.perm });
  registry.push(out as unknown as Command<never[], unknown>);
  return out;
}

// A write that is not a defineCommand (its tables depend on the input, e.g. an approval decision
// joining its module's handler): with sync on, its changed records go to the outbox in its own
// transaction, as a command's do; inside another command's transaction the outer one does it.
export async function syncedTx<T>(tables: Table[], fn: () => Promise<T>): Promise<T> {
  const sync = !outerWriteTransaction() && (await outboxEnabled());
  if (!sync) return writeTx(tables, fn);
  return writeTx([...tables, db.syncOutbox], async () => {
    const mark = await auditMark();
    const out = await fn();
    await recordOutbox(mark);
    return out;
  });
}

// A refusal that names its rule; the message should cite the clause (see components/RuleCite).
export function refuse(message: string, field?: string, ruleId?: RuleId): never {
  throw new DomainError(message, field, ruleId);
}

// For a check inside a command that depends on the input (a second permission, a delegate …):
// refuses with the same wording as defineCommand.
export async function requirePermission(actor: Actor, perm: Permission, what: string): Promise<void> {
  if (!(await actorCan(actor, perm))) throw new DomainError(NO_PERMISSION(what), 'permission');
}
