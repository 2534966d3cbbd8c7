// What a leave and an official trip have in common: the request form (draft, live preview, submit,
// the start/end fields, the route preview card), the approval card of a record (chain, decide,
// withdraw) and the paged list of records (the printed slip's parts are in slip.tsx).
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useState } from 'react';

import type { Half } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { ApprovalChain, ApprovalStatusBadge, DecideForm } from '../../../approvals/ApprovalPanel';
import { withdraw } from '../../../approvals/engine';
import type { ApprovalRequest } from '../../../approvals/types';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { FormCard } from '../../../components/FormCard';
import { notifyError, notifyOk } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { useCommandForm } from '../../../components/useCommandForm';
import type { Leave, Trip } from '../../../db/schema/attendance';
import { activeStaff } from '../../../org/org';
import { listRequests } from '../core';
import type { FieldErrors, RequestKind } from '../core';
import { L } from '../labels';

import { HalfDayField, useSeesAll } from './parts';

// ---- the request form

type Span = { startDate: string; startHalf: Half; endDate: string; endHalf: Half };

// The draft of a request with its live preview: errors of `liveFields` show while typing, the
// others after the first 提交; a refusal from the repository lands at its field. On success the
// new record opens at #/leave/<tab>/<id>.
export function useRequestForm<D extends Record<string, unknown>, P extends { errors: FieldErrors }>(o: {
  initial: D;
  preview: (d: D) => Promise<P>;
  submit: (d: D) => Promise<{ id: string; number: string }>;
  liveFields: string[];
  tab: 'leave' | 'trip';
}) {
  const [tried, setTried] = useState(false);
  const form = useCommandForm<D, { id: string; number: string }>({
    initial: o.initial,
    submit: o.submit,
    success: (saved) => `已提交：${saved.number}`,
    onDone: (saved) => navigate('leave', o.tab, saved.id),
    notifyFieldErrors: 'never',
  });
  const d = form.values;
  const preview = useLiveQuery(() => o.preview(d), [d]);

  const set = <K extends keyof D>(k: K, v: D[K]) => {
    form.set(k, v);
    form.setErrors({});
  };
  const errorOf = (field: string): string | undefined =>
    form.errors[field] ?? (tried || o.liveFields.includes(field) ? preview?.errors[field] : undefined);

  // the preview's own checks first (shown at their fields from now on), then the command
  async function submit() {
    setTried(true);
    const p = await o.preview(d);
    if (Object.keys(p.errors).length) return;
    await form.submit();
  }
  return { d, set, errorOf, submit, busy: form.busy, preview };
}

// The form around the fields, with the 提交 button.
export function RequestForm({
  onSubmit,
  busy,
  children,
}: {
  onSubmit: () => Promise<unknown>;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <FormCard
      form={{ submit: onSubmit, busy }}
      submitLabel={L.form.submit}
      gap="md"
      withBorder={false}
      p={0}
      maw={720}
    >
      {children}
    </FormCard>
  );
}

// 开始 and 结束, each a date and 上午/下午.
export function SpanFields({
  d,
  set,
  errorOf,
}: {
  d: Span;
  set: (k: keyof Span, v: string) => void;
  errorOf: (field: string) => string | undefined;
}) {
  return (
    <Group align="flex-start">
      {(['start', 'end'] as const).map((end) => (
        <HalfDayField
          key={end}
          label={L.form[end]}
          halfLabel={L.form[`${end}Half`]}
          date={d[`${end}Date`]}
          half={d[`${end}Half`]}
          onDate={(v) => set(`${end}Date`, v)}
          onHalf={(h) => set(`${end}Half`, h)}
          error={errorOf(end)}
        />
      ))}
    </Group>
  );
}

// A request's first fields: who asks (oneself, or with leave.recordOral someone whose oral request
// one records) and the default span, today all day.
export function todaySpan(t: string): Span {
  return { startDate: t, startHalf: 'am', endDate: t, endHalf: 'pm' };
}

export function ApplicantSelect(p: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  oralHint?: string;
}) {
  const canOral = useCan('leave.recordOral');
  const staff = useLiveQuery(activeStaff, []);
  return (
    <Select
      label={p.label}
      data={(staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
      value={p.value}
      onChange={(v) => p.onChange(v ?? '')}
      searchable
      disabled={!canOral}
      error={p.error}
      description={canOral ? p.oralHint : undefined}
      w={260}
    />
  );
}

// 事后补办 (LV-5; TRIP-1 by analogy).
export function AfterTheFactBox(p: { label: string; checked?: boolean; onChange: (v: boolean) => void }) {
  return (
    <Checkbox label={p.label} checked={!!p.checked} onChange={(e) => p.onChange(e.currentTarget.checked)} />
  );
}

// What both request forms ask after their own fields: the span, the 事由 (or 外出事由), 事后补办.
export function SpanReasonAfter<D extends Span & { afterTheFact?: boolean }>({
  form: { d, set, errorOf, submit },
  reason,
  label,
  afterLabel,
}: {
  form: {
    d: D;
    set: <K extends keyof D>(k: K, v: D[K]) => void;
    errorOf: (field: string) => string | undefined;
    submit: () => unknown;
  };
  reason: NoInfer<keyof D & string>;
  label: string;
  afterLabel: string;
}) {
  return (
    <>
      <SpanFields d={d} set={(k, v) => set(k, v as D[typeof k])} errorOf={errorOf} />
      <ReasonField
        label={label}
        value={String(d[reason] ?? '')}
        onChange={(v) => set(reason, v as D[typeof reason])}
        error={errorOf(reason)}
        onEnter={() => void submit()}
      />
      <AfterTheFactBox
        label={afterLabel}
        checked={d.afterTheFact}
        onChange={(v) => set('afterTheFact', v as D['afterTheFact'])}
      />
    </>
  );
}

// The 事由 box: Enter submits, Shift+Enter (or an IME composition) does not.
export function ReasonField(p: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  onEnter: () => void;
}) {
  return (
    <Textarea
      label={p.label}
      value={p.value}
      onChange={(e) => p.onChange(e.currentTarget.value)}
      error={p.error}
      autosize
      minRows={2}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
          e.preventDefault();
          p.onEnter();
        }
      }}
    />
  );
}

// 时长与审批路线: the length and route before submitting, or what to fill in first.
export function RoutePreviewCard({
  ready,
  empty,
  children,
}: {
  ready: boolean;
  empty: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder bg="var(--mantine-color-default-hover)">
      <Title order={5} mb={4}>
        时长与审批路线
      </Title>
      {ready ? (
        <Stack gap={4}>{children}</Stack>
      ) : (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      )}
    </Card>
  );
}

// The route line, its error and the rules that decided it.
export function RouteLines({
  testId,
  preview,
  suffix,
}: {
  testId: string;
  preview: { routeText?: string; routeError?: string; ruleIds?: string[] };
  suffix?: string;
}) {
  return (
    <>
      {preview.routeText && (
        <Text data-testid={testId}>
          审批路线：<b>{preview.routeText}</b>
          {suffix}
        </Text>
      )}
      {preview.routeError && <Alert color="red">{preview.routeError}</Alert>}
      {preview.ruleIds && <RuleLines ids={preview.ruleIds} />}
    </>
  );
}

// ---- one record

// 审批: the chain, the decide form for whoever holds the current step (an external step only by
// the office), and 撤回 for the applicant while it is pending.
export function ApprovalCard({
  approval,
  mayDecide,
  office,
  withdrawTitle,
  withdrawMessage,
  chain,
}: {
  approval: ApprovalRequest;
  mayDecide: boolean;
  office: boolean;
  withdrawTitle: string;
  withdrawMessage: string;
  chain?: ReactNode;
}) {
  const user = useSession((s) => s.user)!;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>审批</Title>
        <ApprovalStatusBadge status={approval.status} />
      </Group>
      {chain ?? <ApprovalChain req={approval} />}
      {mayDecide &&
        approval.status === 'pending' &&
        (office || !approval.steps[approval.currentStep]?.external) && (
          <div style={{ marginTop: 12 }}>
            <DecideForm req={approval} />
          </div>
        )}
      {approval.status === 'pending' && approval.applicantId === user.staffId && (
        <Group mt="sm">
          <ConfirmButton
            variant="default"
            title={withdrawTitle}
            message={withdrawMessage}
            confirmLabel="撤回"
            onConfirm={async () => {
              try {
                await withdraw(approval.id, currentActor());
                notifyOk('已撤回');
              } catch (e) {
                notifyError(e);
              }
            }}
          >
            撤回
          </ConfirmButton>
        </Group>
      )}
    </Card>
  );
}

// ---- the list of records

const PAGE = 50;

// Records newest first, by person (for those who see everyone's, else one's own) and state, paged
// by the [staffId+endDate], [status+startDate] or startDate index; 加载更多 loads the next page.
export function RequestList<T extends Leave | Trip>({
  kind,
  personLabel,
  statusLabels,
  emptyText,
  headers,
  cells,
}: {
  kind: RequestKind;
  personLabel: string;
  statusLabels: Record<string, string>;
  emptyText: string;
  headers: string[];
  cells: (r: T) => ReactNode;
}) {
  const user = useSession((s) => s.user)!;
  const all = useSeesAll();
  const staff = useLiveQuery(activeStaff, []);
  const [who, setWho] = useState<string | null>(all ? null : user.staffId);
  const [status, setStatus] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const person = all ? who : user.staffId;
  const rows = useLiveQuery(
    () => listRequests(kind as 'leave', { person, status, limit }) as Promise<T[]>,
    [kind, person, status, limit],
  );

  return (
    <Stack>
      <Group align="flex-end">
        {all && (
          <Select
            label={personLabel}
            placeholder="全部"
            clearable
            searchable
            data={(staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={who}
            onChange={(v) => {
              setWho(v);
              setLimit(PAGE);
            }}
            w={200}
          />
        )}
        <Select
          label="状态"
          placeholder="全部"
          clearable
          data={Object.entries(statusLabels).map(([value, label]) => ({ value, label }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setLimit(PAGE);
          }}
          w={200}
        />
      </Group>
      {rows && rows.length === 0 && <Text c="dimmed">{emptyText}</Text>}
      {rows && rows.length > 0 && (
        <Table striped highlightOnHover withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>{cells(r)}</Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {rows && rows.length >= limit && (
        <Button variant="default" onClick={() => setLimit(limit + PAGE)}>
          加载更多
        </Button>
      )}
    </Stack>
  );
}

// The number cell that opens the record.
export function NumberCell({ tab, r }: { tab: 'leave' | 'trip'; r: { id: string; number: string } }) {
  return (
    <Table.Td>
      <Anchor href={href('leave', tab, r.id)}>{r.number}</Anchor>
    </Table.Td>
  );
}
