// Small UI pieces of the petitions screens: look-ups (units, townships, categories, staff),
// field errors from repository refusals, state and deadline badges, simple bars.
import { Badge, Box, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { ChangeEvent, ReactNode } from 'react';

import {
  completionRuleText,
  deadlineState,
  PETITION_DEADLINE_LABELS,
  ruleText,
} from '../../../../../shared/rules';
import type {
  CalendarData,
  ISODate,
  PetitionDeadlineKind,
  RuleId,
  RuleText,
} from '../../../../../shared/rules';
import { useSession } from '../../../auth/session';
import { ProvisionalBadge } from '../../../components/ProvisionalBadge';
import { RuleLines } from '../../../components/RuleCite';
import { useCommandForm } from '../../../components/useCommandForm';
import type { CommandForm, CommandFormOptions } from '../../../components/useCommandForm';
import { useFieldErrors as useSharedFieldErrors } from '../../../components/useFieldErrors';
import type { Actor } from '../../../db/repo';
import type { Staff, Unit } from '../../../db/schema/core';
import type { PetitionNature, PetitionState } from '../../../db/schema/petitions';
import { knownTownships } from '../core/commands';
import { importCategories } from '../core/import';
import { activeStaffByName, unitBook } from '../core/lookups';
import { limitsFor, loadPetitionSettings, withDefaults } from '../core/settings';
import type { PetitionSettings } from '../core/settings';
import { STATE_COLORS, STATE_LABELS } from '../labels';

export function useActor(): Actor {
  const u = useSession((s) => s.user)!;
  return useMemo(() => ({ id: u.staffId, name: u.name }), [u.staffId, u.name]);
}

export function useUnits(): { list: Unit[]; byId: Map<string, Unit> } {
  const book = useLiveQuery(unitBook, [], { list: [] as Unit[], all: [] as Unit[] });
  return useMemo(() => ({ list: book.list, byId: new Map(book.all.map((u) => [u.id, u])) }), [book]);
}

export function useTownships(): string[] {
  return useLiveQuery(knownTownships, [], [] as string[]);
}

export function useCategories(): string[] {
  return useLiveQuery(importCategories, [], [] as string[]);
}

export function useStaffList(): Staff[] {
  return useLiveQuery(activeStaffByName, [], [] as Staff[]);
}

export function useSettings(): PetitionSettings {
  return useLiveQuery(loadPetitionSettings, [], withDefaults(null));
}

// Runs a repository call (shared hook's run); a refusal naming a field is shown at that field and
// always as a notice too, so nothing typed is lost.
export function useFieldErrors() {
  return useSharedFieldErrors({ notifyFieldErrors: 'always' });
}

// A form of the petitions screens (useCommandForm): a refusal naming a field is shown at that field
// and always as a notice too, as useFieldErrors above; `select(key)` gives a NativeSelect's props.
export type CaseForm<V, R> = CommandForm<V, R> & {
  select<K extends keyof V & string>(
    key: K,
  ): { value: string; onChange: (e: ChangeEvent<HTMLSelectElement>) => void; error?: string };
};

export function useCaseForm<V extends Record<string, unknown>, R = unknown>(
  options: CommandFormOptions<V, R>,
): CaseForm<V, R> {
  const form = useCommandForm<V, R>({ notifyFieldErrors: 'always', ...options });
  return {
    ...form,
    select: (key) => ({
      value: String(form.values[key] ?? ''),
      onChange: (e) => form.set(key, e.currentTarget.value as V[typeof key]),
      error: form.errors[key],
    }),
  };
}

export function StateBadge({ state }: { state: PetitionState }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
      {STATE_LABELS[state]}
    </Badge>
  );
}

const DUE_COLOR = { overdue: 'red', due_soon: 'orange', running: 'blue' } as const;
const DUE_LABEL = { overdue: '已逾期', due_soon: '即将到期', running: '' } as const;

export function DueBadge({
  due,
  kind,
  today,
  cal,
  soonDays,
}: {
  due: ISODate | null | undefined;
  kind?: string | null;
  today: ISODate;
  cal: CalendarData;
  soonDays: number;
}) {
  if (!due)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  const state = deadlineState(due, today, cal, soonDays);
  const label = kind ? (PETITION_DEADLINE_LABELS[kind as PetitionDeadlineKind] ?? kind) : '';
  return (
    <>
      <Tooltip label={label} disabled={!label}>
        <Badge
          color={DUE_COLOR[state]}
          variant={state === 'running' ? 'outline' : 'filled'}
          style={{ flexShrink: 0, overflow: 'visible' }}
        >
          {due}
          {DUE_LABEL[state] ? ` ${DUE_LABEL[state]}` : ''}
        </Badge>
      </Tooltip>
      <ProvisionalBadge due={due} cal={cal} />
    </>
  );
}

// A rule's text as it applies to a case: PET-4 depends on the case's category (申诉求决类 has the
// 60 days of 条例第34条; 检举控告类 and 建议意见类 their own procedure and the set limit).
export function caseRuleText(id: RuleId, nature: PetitionNature, settings: PetitionSettings): RuleText {
  return id === 'PET-4'
    ? completionRuleText(nature, limitsFor(nature, settings).completionDays)
    : ruleText(id);
}

// PET-4 as it applies to the case's category (the set limit): the kit's line layout, this text.
function CaseRuleNote({ id, nature }: { id: RuleId; nature: PetitionNature }) {
  const r = caseRuleText(id, nature, useSettings());
  return (
    <Text size="xs" c="dimmed">
      {r.id}：{r.text}（{r.source}）
    </Text>
  );
}

// `nature`: the case's category, for a rule whose text depends on it (PET-4); otherwise the rule
// as components/RuleCite shows every rule.
export function RuleNote({ id, nature }: { id: RuleId; nature?: PetitionNature }) {
  if (nature) return <CaseRuleNote id={id} nature={nature} />;
  return <RuleLines ids={[id]} inline />;
}

// A plain CSS bar chart: one row per key, the bar's length proportional to the count.
export function Bars({
  rows,
  color = 'var(--mantine-color-blue-6)',
  label,
}: {
  rows: { key: string; count: number }[];
  color?: string;
  label: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Box role="figure" aria-label={label}>
      {rows.length === 0 && (
        <Text c="dimmed" size="sm">
          无数据
        </Text>
      )}
      {rows.map((r) => (
        <Group key={r.key} gap="xs" wrap="nowrap" mb={4}>
          <Text
            size="sm"
            w={96}
            ta="right"
            style={{ flexShrink: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
          >
            {r.key}
          </Text>
          <Box style={{ flex: 1 }}>
            <Box
              h={16}
              style={{ width: `${(r.count / max) * 100}%`, minWidth: 2, background: color, borderRadius: 3 }}
            />
          </Box>
          <Text size="sm" w={40}>
            {r.count}
          </Text>
        </Group>
      ))}
    </Box>
  );
}

export function short(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

// A print preview under a '返回…' button that leaves it.
export function PrintBack({
  label,
  onBack,
  children,
}: {
  label: string;
  onBack: () => void;
  children: ReactNode;
}) {
  return (
    <Stack>
      <Button variant="default" w={120} onClick={onBack}>
        {label}
      </Button>
      {children}
    </Stack>
  );
}

// a table cell's text kept on one line
export const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function Nowrap({ children }: { children: ReactNode }) {
  return <span style={NOWRAP}>{children}</span>;
}
