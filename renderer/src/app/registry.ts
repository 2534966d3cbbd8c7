// Where modules plug into the shell: dashboard to-dos (工作台), the SUP-4 deadline view, and
// approval handlers. Each module's register.ts adds its providers; features/register.ts imports
// them all at start-up, so these files must stay light (no heavy imports, no data loading).
import type { CalendarData, ISODate } from '../../../shared/rules';
import type { SessionUser } from '../auth/service';
import type { AuditEntry } from '../db/schema/core';

export type DueState = 'overdue' | 'due_soon' | 'running';

export type TodoItem = {
  id: string;
  module: string; // navigation key, e.g. 'petitions'
  category: string; // 待我审批, 待销假, 即将到期信访件 ...
  title: string;
  detail?: string;
  due?: ISODate;
  state?: DueState;
  link: string; // hash route, e.g. '#/petitions/case/<id>'
};

// SUP-4: one row per running time limit in the bureau.
export type DeadlineItem = {
  id: string;
  kind: string; // 信访办理, 公文传阅, 销假, 借阅归还, 报销, 归档 ...
  title: string;
  due: ISODate;
  state: DueState;
  owner: string; // who must act (name or unit)
  link: string;
};

export type ProviderContext = { user: SessionUser; today: ISODate; cal: CalendarData };
export type TodoProvider = (ctx: ProviderContext) => Promise<TodoItem[]>;
export type DeadlineProvider = (ctx: ProviderContext) => Promise<DeadlineItem[]>;

const todoProviders: TodoProvider[] = [];
const deadlineProviders: DeadlineProvider[] = [];

export function registerTodos(p: TodoProvider): void {
  todoProviders.push(p);
}
export function registerDeadlines(p: DeadlineProvider): void {
  deadlineProviders.push(p);
}

async function collect<T>(providers: ((ctx: ProviderContext) => Promise<T[]>)[], ctx: ProviderContext) {
  // One module's failing provider must not empty the whole 工作台, but it must not fail silently either.
  const results = await Promise.all(
    providers.map((p) =>
      p(ctx).catch((e: unknown) => {
        console.error('工作台提醒加载失败', e);
        return [] as T[];
      }),
    ),
  );
  return results.flat();
}

// Entries of the audit log as the signed-in user may see them: a module masks what its records
// protect (the petitions module: informants' identity, PET-6) before the log shows them.
export type AuditRedactor = (entries: AuditEntry[]) => Promise<AuditEntry[]>;
const auditRedactors: AuditRedactor[] = [];
export function registerAuditRedactor(r: AuditRedactor): void {
  auditRedactors.push(r);
}
export async function redactAudit(entries: AuditEntry[]): Promise<AuditEntry[]> {
  let out = entries;
  for (const r of auditRedactors) out = await r(out);
  return out;
}

// For the benchmark: each provider on its own, to see which one costs what.
export function providersForBench(): {
  todos: readonly TodoProvider[];
  deadlines: readonly DeadlineProvider[];
} {
  return { todos: todoProviders, deadlines: deadlineProviders };
}

export function collectTodos(ctx: ProviderContext): Promise<TodoItem[]> {
  return collect(todoProviders, ctx);
}
export function collectDeadlines(ctx: ProviderContext): Promise<DeadlineItem[]> {
  return collect(deadlineProviders, ctx);
}
