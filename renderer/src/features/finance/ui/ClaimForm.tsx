// 填报报销单: the handler states the purpose and the invoices; the form shows FIN-2/4/5/6 as they
// apply and the repository refuses what breaks them (the message lands at the field).
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

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
  ruleText,
} from '../../../../../shared/rules';
import { navigate } from '../../../app/router';
import { currentActor, useSession } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { notifyOk } from '../../../components/notify';
import { useFieldErrors } from '../../../components/useFieldErrors';
import { typedFen, Yuan } from '../../../components/Yuan';
import { today } from '../../../db/clock';
import type { ExpenseCategory, InvoiceLine } from '../../../db/schema/finance';
import { parseYuan } from '../../../db/validate';
import { DecisionSelect } from '../../meetings';
import { fileExpense, submitExpense } from '../core/claims';
import type { ExpenseInput } from '../core/claims';
import { getExpense } from '../core/queries';
import { approvedRequestsFor } from '../core/requests';
import { CATEGORY_LABELS, FORM_CATEGORIES, L, PURCHASE_CATEGORIES, REQUEST_KIND_LABELS } from '../labels';

type Line = { kind: Invoice; number: string; amount: string };
const EMPTY_LINE: Line = { kind: 'vat_ordinary', number: '', amount: '' };

export function ClaimForm({ draftId }: { draftId?: string }) {
  const user = useSession((s) => s.user)!;
  const cal = useCalendar();
  const [category, setCategory] = useState<ExpenseCategory>('office');
  const [purpose, setPurpose] = useState('');
  const [expenseOn, setExpenseOn] = useState(today());
  const [advanced, setAdvanced] = useState(true);
  const [lines, setLines] = useState<Line[]>([{ ...EMPTY_LINE }]);
  const [lateReason, setLateReason] = useState('');
  const [decisionId, setDecisionId] = useState<string | null>(null);
  const [requestId, setRequestId] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear } = useFieldErrors({ notifyFieldErrors: 'with_rule' });

  // A filed draft (备案) opened for submission.
  const draft = useLiveQuery(() => (draftId ? getExpense(draftId) : undefined), [draftId]);
  useEffect(() => {
    if (!draft || draft.status !== 'draft') return;
    setCategory(draft.category);
    setPurpose(draft.purpose);
    setExpenseOn(draft.expenseOn);
    setAdvanced(draft.advanced);
    setLines(
      draft.invoices.length
        ? draft.invoices.map((l) => ({
            kind: l.kind,
            number: l.number,
            amount: fenToYuan(l.amountFen).toFixed(2),
          }))
        : [{ ...EMPTY_LINE }],
    );
    setLateReason(draft.lateReason ?? '');
    setDecisionId(draft.meetingDecisionId ?? null);
    setRequestId(draft.requestId ?? '');
  }, [draft]);

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
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  }

  function collect(requireInvoices: boolean): ExpenseInput {
    const invoices: InvoiceLine[] = [];
    lines.forEach((l, i) => {
      if (!requireInvoices && !l.amount.trim() && !l.number.trim()) return;
      invoices.push({
        kind: l.kind,
        number: l.number.trim(),
        amountFen: parseYuan(l.amount, `invoices.${i}.amount`, '票据金额'),
      });
    });
    return {
      category,
      purpose,
      expenseOn,
      advanced,
      invoices,
      lateReason,
      meetingDecisionId: decisionId,
      requestId: requestId || null,
    };
  }

  async function go(mode: 'file' | 'submit') {
    clear();
    setBusy(true);
    try {
      const input = collect(mode === 'submit');
      const e =
        mode === 'file'
          ? await fileExpense(input, currentActor())
          : await submitExpense(input, currentActor(), draft?.status === 'draft' ? draft.id : undefined);
      notifyOk(mode === 'file' ? `已备案：${e.number}` : `已提交报销：${e.number}`);
      navigate('finance', 'claims', e.id);
    } catch (e) {
      fail(e, 'purpose');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" maw={860}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void go('submit');
        }}
      >
        <Stack>
          <Title order={4}>{draft?.status === 'draft' ? `提交备案的报销：${draft.number}` : L.tabNew}</Title>
          <Text size="sm" c="dimmed">
            FIN-1 {ruleText('FIN-1').text}
          </Text>
          <Group grow align="flex-start">
            <NativeSelect
              label={L.category}
              value={category}
              onChange={(e) => setCategory(e.currentTarget.value as ExpenseCategory)}
              data={FORM_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
              error={errors.category}
            />
            <TextInput
              label={L.expenseOn}
              type="date"
              value={expenseOn}
              onChange={(e) => setExpenseOn(e.currentTarget.value)}
              error={errors.expenseOn}
              required
            />
          </Group>
          <TextInput
            label={L.purpose}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            error={errors.purpose}
            required
            autoFocus
            maxLength={200}
          />
          <Checkbox
            label={L.advanced}
            checked={advanced}
            onChange={(e) => setAdvanced(e.currentTarget.checked)}
          />
          <Stack gap="xs">
            <Text fw={500} size="sm">
              票据（FIN-4：{ruleText('FIN-4').text}）
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
                    onClick={() => setLines(lines.filter((_, j) => j !== i))}
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
              <Button variant="light" size="xs" onClick={() => setLines([...lines, { ...EMPTY_LINE }])}>
                {L.addInvoice}
              </Button>
            </Group>
            {whiteSlip && (
              <Alert color="red" title="FIN-4">
                {ruleText('FIN-4').text}含白条的报销将被拒绝。
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
                {ruleText('FIN-2').text}本笔开支应在 {validDate ? claimDue(expenseOn, cal) : ''}{' '}
                前报销，现已逾期，须说明理由。
              </Alert>
              <Textarea
                label={L.lateReason}
                value={lateReason}
                onChange={(e) => setLateReason(e.currentTarget.value)}
                error={errors.lateReason}
                autosize
                minRows={2}
              />
            </Stack>
          )}
          {(needsDecision || errors.meetingDecisionId || decisionId) && (
            <Stack gap={4}>
              <Text size="sm" c="orange">
                FIN-5 {ruleText('FIN-5').text}
              </Text>
              <DecisionSelect
                label={L.decision}
                value={decisionId}
                onChange={(id) => setDecisionId(id)}
                error={errors.meetingDecisionId}
              />
            </Stack>
          )}
          {requestKind && (
            <NativeSelect
              label={`${L.request}（${REQUEST_KIND_LABELS[requestKind]}）`}
              description={`FIN-6 ${ruleText('FIN-6').text}`}
              value={requestId}
              onChange={(e) => setRequestId(e.currentTarget.value)}
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
          <Group>
            <Button type="submit" loading={busy}>
              {L.submit}
            </Button>
            {!draft && (
              <Button variant="default" loading={busy} onClick={() => go('file')}>
                {L.fileDraft}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            “{L.fileDraft}
            ”：开支前先告知办公室备案（FIN-1），本人垫付的自开支日起1个月内报销（FIN-2），期限进入期限监控。
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
