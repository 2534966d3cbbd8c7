// 填报报销单: the handler states the purpose and the invoices; the form shows FIN-2/4/5/6 as they
// apply and the repository refuses what breaks them (the message lands at the field).
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef } from 'react';

import type { Invoice } from '../../../../../shared/rules';
import {
  claimDue,
  claimLate,
  fenToYuan,
  INVOICE_LABELS,
  INVOICES,
  isISODate,
  purchaseNeedsMeeting,
  rmbUppercase,
} from '../../../../../shared/rules';
import { navigate } from '../../../app/router';
import { currentActor, useSession } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { RuleLines, ruleLine } from '../../../components/RuleCite';
import { useCommandForm } from '../../../components/useCommandForm';
import { typedFen, Yuan } from '../../../components/Yuan';
import { today } from '../../../db/clock';
import type { Expense, ExpenseCategory, InvoiceLine } from '../../../db/schema/finance';
import { parseYuan } from '../../../db/validate';
import { DecisionSelect } from '../../meetings';
import { fileExpense, submitExpense } from '../core/claims';
import type { ExpenseInput } from '../core/claims';
import { getExpense } from '../core/queries';
import { approvedRequestsFor } from '../core/requests';
import { CATEGORY_LABELS, FORM_CATEGORIES, L, PURCHASE_CATEGORIES, REQUEST_KIND_LABELS } from '../labels';

import { withField } from './withField';

type Line = { kind: Invoice; number: string; amount: string };
const EMPTY_LINE: Line = { kind: 'vat_ordinary', number: '', amount: '' };
type Values = {
  category: ExpenseCategory;
  purpose: string;
  expenseOn: string;
  advanced: boolean;
  lines: Line[];
  lateReason: string;
  decisionId: string | null;
  requestId: string;
};

// The form's values of a filed draft.
function draftValues(draft: Expense): Values {
  return {
    category: draft.category,
    purpose: draft.purpose,
    expenseOn: draft.expenseOn,
    advanced: draft.advanced,
    lines: draft.invoices.length
      ? draft.invoices.map((l) => ({
          kind: l.kind,
          number: l.number,
          amount: fenToYuan(l.amountFen).toFixed(2),
        }))
      : [{ ...EMPTY_LINE }],
    lateReason: draft.lateReason ?? '',
    decisionId: draft.meetingDecisionId ?? null,
    requestId: draft.requestId ?? '',
  };
}

export function ClaimForm({ draftId }: { draftId?: string }) {
  const user = useSession((s) => s.user)!;
  const cal = useCalendar();
  const mode = useRef<'file' | 'submit'>('submit');
  // A filed draft (备案) opened for submission: its values fill the form once read (null: a new claim,
  // or no draft by that id).
  const draft = useLiveQuery(async () => (draftId ? ((await getExpense(draftId)) ?? null) : null), [draftId]);
  const stored = useMemo(
    () => (draft === undefined ? undefined : draft && draft.status === 'draft' ? draftValues(draft) : null),
    [draft],
  );
  const form = useCommandForm({
    initial: (): Values => ({
      category: 'office',
      purpose: '',
      expenseOn: today(),
      advanced: true,
      lines: [{ ...EMPTY_LINE }],
      lateReason: '',
      decisionId: null,
      requestId: '',
    }),
    stored,
    submit: (v: Values) => go(v, mode.current),
    success: (e) => (mode.current === 'file' ? `已备案：${e.number}` : `已提交报销：${e.number}`),
    onDone: (e) => navigate('finance', 'claims', e.id),
    notifyFieldErrors: 'with_rule',
  });
  const { values, errors, set } = form;
  const { category, expenseOn, advanced, lines, decisionId, requestId } = values;

  const requestKind = category === 'supplies' ? 'supply' : category === 'printing' ? 'printing' : null;
  const requests = useLiveQuery(
    () => (requestKind ? approvedRequestsFor(requestKind, user.staffId) : []),
    [requestKind, user.staffId],
    [],
  );

  const typed = lines.map((l) => typedFen(l.amount));
  const total = typed.every((f) => f !== null) ? typed.reduce<number>((n, f) => n + (f ?? 0), 0) : null;
  const validDate = isISODate(expenseOn) && expenseOn <= today();
  const late = advanced && validDate && claimLate(expenseOn, today(), cal);
  const needsDecision =
    PURCHASE_CATEGORIES.includes(category) && total !== null && purchaseNeedsMeeting(fenToYuan(total));
  const whiteSlip = lines.some((l) => l.kind === 'white_slip');

  function setLine(i: number, patch: Partial<Line>) {
    set(
      'lines',
      lines.map((l, j) => (j === i ? { ...l, ...patch } : l)),
    );
  }

  function collect(v: Values, requireInvoices: boolean): ExpenseInput {
    const invoices: InvoiceLine[] = [];
    v.lines.forEach((l, i) => {
      if (!requireInvoices && !l.amount.trim() && !l.number.trim()) return;
      invoices.push({
        kind: l.kind,
        number: l.number.trim(),
        amountFen: parseYuan(l.amount, `invoices.${i}.amount`, '票据金额'),
      });
    });
    return {
      category: v.category,
      purpose: v.purpose,
      expenseOn: v.expenseOn,
      advanced: v.advanced,
      invoices,
      lateReason: v.lateReason,
      meetingDecisionId: v.decisionId,
      requestId: v.requestId || null,
    };
  }

  async function go(v: Values, how: 'file' | 'submit') {
    // a refusal naming no field shows at 用途
    return withField(
      (async () => {
        const input = collect(v, how === 'submit');
        return how === 'file'
          ? fileExpense(input, currentActor())
          : submitExpense(input, currentActor(), draft?.status === 'draft' ? draft.id : undefined);
      })(),
      'purpose',
    );
  }

  async function fileDraft() {
    mode.current = 'file';
    try {
      await form.submit();
    } finally {
      mode.current = 'submit';
    }
  }

  return (
    <FormCard
      form={form}
      p="md"
      maw={860}
      gap="md"
      titleOrder={4}
      title={draft?.status === 'draft' ? `提交备案的报销：${draft.number}` : L.tabNew}
      submitLabel={L.submit}
      footer={
        !draft && (
          <Button variant="default" loading={form.busy} onClick={() => void fileDraft()}>
            {L.fileDraft}
          </Button>
        )
      }
    >
      <RuleLines ids={['FIN-1']} />
      <Group grow align="flex-start">
        <NativeSelect
          label={L.category}
          value={category}
          onChange={(e) => set('category', e.currentTarget.value as ExpenseCategory)}
          data={FORM_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
          error={errors.category}
        />
        <DateField label={L.expenseOn} {...form.input('expenseOn')} required />
      </Group>
      <TextInput label={L.purpose} {...form.text('purpose')} required autoFocus maxLength={200} />
      <Checkbox label={L.advanced} {...form.checkbox('advanced')} />
      <Stack gap="xs">
        <Text fw={500} size="sm">
          票据（{ruleLine('FIN-4')}）
        </Text>
        {lines.map((l, i) => (
          <Group key={i} align="flex-start" wrap="nowrap">
            <NativeSelect
              label={i === 0 ? L.invoiceKind : `${L.invoiceKind}（第${i + 1}张）`}
              value={l.kind}
              onChange={(e) => setLine(i, { kind: e.currentTarget.value as Invoice })}
              data={INVOICES.map((k) => ({ value: k, label: INVOICE_LABELS[k] }))}
              error={errors[`invoices.${i}.kind`]}
              w={220}
            />
            <TextInput
              label={i === 0 ? L.invoiceNumber : `${L.invoiceNumber}（第${i + 1}张）`}
              value={l.number}
              onChange={(e) => setLine(i, { number: e.currentTarget.value })}
              w={200}
            />
            <TextInput
              label={i === 0 ? L.invoiceAmount : `${L.invoiceAmount}（第${i + 1}张）`}
              value={l.amount}
              inputMode="decimal"
              placeholder="0.00"
              onChange={(e) => setLine(i, { amount: e.currentTarget.value })}
              error={errors[`invoices.${i}.amount`]}
              w={160}
            />
            {lines.length > 1 && (
              <ActionIcon
                mt={28}
                variant="subtle"
                color="red"
                aria-label={`删除第${i + 1}张票据`}
                onClick={() =>
                  set(
                    'lines',
                    lines.filter((_, j) => j !== i),
                  )
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {errors.invoices && (
          <Text c="red" size="sm">
            {errors.invoices}
          </Text>
        )}
        <Group>
          <Button variant="light" size="xs" onClick={() => set('lines', [...lines, { ...EMPTY_LINE }])}>
            {L.addInvoice}
          </Button>
        </Group>
        {whiteSlip && (
          <Alert color="red" title="FIN-4">
            {ruleLine('FIN-4')}含白条的报销将被拒绝。
          </Alert>
        )}
        <Text size="sm">
          {L.total}：{total === null ? '—' : <Yuan fen={total} />}
          {total !== null && (
            <Text span ml="md" data-testid="claim-uppercase">
              {L.uppercase}：{rmbUppercase(total)}
            </Text>
          )}
        </Text>
      </Stack>
      {(late || errors.lateReason) && (
        <Stack gap={4}>
          <Alert color="orange" title="FIN-2 逾期报销">
            {ruleLine('FIN-2')}本笔开支应在 {validDate ? claimDue(expenseOn, cal) : ''}{' '}
            前报销，现已逾期，须说明理由。
          </Alert>
          <Textarea label={L.lateReason} {...form.text('lateReason')} autosize minRows={2} />
        </Stack>
      )}
      {(needsDecision || errors.meetingDecisionId || decisionId) && (
        <Stack gap={4}>
          <Text size="sm" c="orange">
            {ruleLine('FIN-5')}
          </Text>
          <DecisionSelect
            label={L.decision}
            value={decisionId}
            onChange={(id) => set('decisionId', id)}
            error={errors.meetingDecisionId}
          />
        </Stack>
      )}
      {requestKind && (
        <NativeSelect
          label={`${L.request}（${REQUEST_KIND_LABELS[requestKind]}）`}
          description={ruleLine('FIN-6')}
          value={requestId}
          onChange={(e) => set('requestId', e.currentTarget.value)}
          data={[
            { value: '', label: requests.length ? '请选择' : '（没有已批准的申报单）' },
            ...requests.map((r) => ({
              value: r.id,
              label: `${r.number} ${r.title}（${r.approvedOn}批准）`,
            })),
          ]}
          error={errors.requestId}
        />
      )}
      {errors.route && (
        <Text c="red" size="sm">
          {errors.route}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        “{L.fileDraft}
        ”：开支前先告知办公室备案（FIN-1），本人垫付的自开支日起1个月内报销（FIN-2），期限进入期限监控。
      </Text>
    </FormCard>
  );
}
