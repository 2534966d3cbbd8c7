import { Badge, Button, Card, Group, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';

import { opinionText } from '../../../shared/paper';
import { ruleText } from '../../../shared/rules';
import { currentActor, useSession } from '../auth/session';
import { notifyError, notifyOk } from '../components/notify';
import { DomainError } from '../db/repo';

import { decide, decisionProblem } from './engine';
import type { ApprovalRequest } from './types';

export const STATUS_LABELS: Record<ApprovalRequest['status'], string> = {
  pending: '审批中',
  approved: '已批准',
  rejected: '已退回',
  withdrawn: '已撤回',
};
const STATUS_COLORS: Record<ApprovalRequest['status'], string> = {
  pending: 'blue',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export function ApprovalStatusBadge({ status }: { status: ApprovalRequest['status'] }) {
  return <Badge color={STATUS_COLORS[status]}>{STATUS_LABELS[status]}</Badge>;
}

function fmt(at?: string) {
  return at ? at.slice(0, 16).replace('T', ' ') : '';
}

// The approval chain of a request: every step with its approver, decision, delegate and date.
export function ApprovalChain({ req }: { req: ApprovalRequest }) {
  return (
    <Table withTableBorder withColumnBorders fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>步骤</Table.Th>
          <Table.Th>审批人</Table.Th>
          <Table.Th>意见</Table.Th>
          <Table.Th>时间</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {req.steps.map((s, i) => (
          <Table.Tr key={i}>
            <Table.Td>{s.label}</Table.Td>
            <Table.Td>
              {s.decidedByName && s.onBehalfOfName
                ? `${s.decidedByName}（代 ${s.onBehalfOfName}）`
                : s.decidedByName || s.approverName}
            </Table.Td>
            <Table.Td>
              {s.decision
                ? opinionText(s.decision, s.comment, { approved: '同意', rejected: '退回' })
                : i === req.currentStep && req.status === 'pending'
                  ? '待审批'
                  : (s.comment ?? '')}
              {s.extra && Object.entries(s.extra).map(([k, v]) => ` ${k}：${v}`)}
            </Table.Td>
            <Table.Td>{fmt(s.decidedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

// A record's approval in a card: the chain, and the decision form when the pending step is the user's.
export function ApprovalCard({ req }: { req: ApprovalRequest | null | undefined }) {
  const staffId = useSession((s) => s.user?.staffId);
  if (!req) return null;
  const step = req.status === 'pending' ? req.steps[req.currentStep] : undefined;
  return (
    <Card withBorder>
      <ApprovalChain req={req} />
      {step && step.approverId === staffId && (
        <Card withBorder mt="sm">
          <DecideForm req={req} />
        </Card>
      )}
    </Card>
  );
}

// Approve or reject the current step. `extraFields` asks for step data (e.g. 证明人 at FIN-1's check).
export function DecideForm({
  req,
  extraFields,
  onDone,
}: {
  req: ApprovalRequest;
  extraFields?: string[];
  onDone?: () => void;
}) {
  // Fields the current step requires (engine), plus any the caller asks for.
  const fields = [
    ...new Set([...(req.steps[req.currentStep]?.requiredFields ?? []), ...(extraFields ?? [])]),
  ];
  const [comment, setComment] = useState('');
  const [extra, setExtra] = useState<Record<string, string>>({});
  // Refusals by field: 'comment' (审批意见) or one of `fields` (e.g. 证明人), shown under that field.
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function go(decision: 'approved' | 'rejected') {
    setErrors({});
    const problem = decisionProblem(undefined, { decision, comment, extra }, fields);
    if (problem) {
      setErrors({ [problem.field]: problem.message });
      return;
    }
    setBusy(true);
    try {
      await decide(
        { requestId: req.id, decision, comment, extra: fields.length ? extra : undefined },
        currentActor(),
      );
      notifyOk(decision === 'approved' ? '已同意' : '已退回');
      onDone?.();
    } catch (e) {
      if (e instanceof DomainError && e.field && (e.field === 'comment' || fields.includes(e.field)))
        setErrors({ [e.field]: e.message });
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack gap="xs">
      {req.ruleIds.length > 0 && (
        <Text size="xs" c="dimmed">
          审批依据：{req.ruleIds.map((id) => `${id} ${safeRuleText(id)}`).join('；')}
        </Text>
      )}
      {fields.map((f) => (
        <TextInput
          key={f}
          label={f}
          value={extra[f] ?? ''}
          onChange={(e) => setExtra({ ...extra, [f]: e.currentTarget.value })}
          error={errors[f]}
        />
      ))}
      <Textarea
        label="审批意见"
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        error={errors.comment}
        autosize
        minRows={1}
      />
      <Group>
        <Button loading={busy} onClick={() => go('approved')}>
          同意
        </Button>
        <Button loading={busy} color="gray" variant="outline" onClick={() => go('rejected')}>
          退回
        </Button>
      </Group>
    </Stack>
  );
}

function safeRuleText(id: string): string {
  try {
    return ruleText(id).text;
  } catch {
    return '';
  }
}
