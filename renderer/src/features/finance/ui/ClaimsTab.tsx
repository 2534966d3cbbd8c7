// 报销: the year's claims (keyset pages, newest first), one claim with its approval chain, the
// decision form for whoever's step it is (the witness at the check step), payment, and the print.
import { Badge, Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { can } from '../../../../../shared/permissions';
import { formatYuan, INVOICE_LABELS, rmbUppercase } from '../../../../../shared/rules';
import { navigate } from '../../../app/router';
import { ApprovalChain, DecideForm } from '../../../approvals/ApprovalPanel';
import { approvalFor } from '../../../approvals/engine';
import { currentActor, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { DateField, thisYear as currentYear } from '../../../components/dates';
import { BackLink, DetailCard, InfoRows, Loading, Missing, StatusBadge } from '../../../components/Detail';
import { FormCard } from '../../../components/FormCard';
import {
  ActionButton,
  ListOrEmpty,
  PickBox,
  RowLink,
  usePicks,
  YearPicker,
} from '../../../components/ListParts';
import { MoreButton } from '../../../components/ListTable';
import { notifyError, notifyOk } from '../../../components/notify';
import { useCommandForm } from '../../../components/useCommandForm';
import { Yuan } from '../../../components/Yuan';
import { today } from '../../../db/clock';
import type { ExpenseStatus } from '../../../db/schema/finance';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { WITNESS } from '../core/claims';
import {
  cancelDraft,
  createTuitionClaim,
  markExpensePaid,
  withdrawExpense,
  witnessOf,
} from '../core/payments';
import { getExpense, listClaims, submittedTuitionClaims } from '../core/queries';
import { CATEGORY_LABELS, EXPENSE_STATUS_COLORS, EXPENSE_STATUS_LABELS, L } from '../labels';

import { ExpensePrint } from './ExpensePrint';
import { withField } from './withField';

const PAGE = 50;

export function ClaimsTab({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const seeAll =
    can(user.roles, 'finance.manage') ||
    user.roles.some((r) => ['director', 'deputy', 'discipline', 'office'].includes(r));
  const [year, setYear] = useState(String(currentYear()));
  const [status, setStatus] = useState<'' | ExpenseStatus>('');
  const [mineOnly, setMineOnly] = useState(!seeAll);
  const [limit, setLimit] = useState(PAGE);
  const { name } = useStaff();
  const rows = useLiveQuery(
    () => listClaims(Number(year), { claimantId: mineOnly ? user.staffId : null, status }, limit),
    [year, status, mineOnly, limit, user.staffId],
  );

  if (id) return <ClaimDetail id={id} />;
  const shown = (rows ?? []).slice(0, limit);
  return (
    <Stack>
      <Group align="flex-end">
        <YearPicker value={year} onChange={setYear} />
        <NativeSelect
          label="状态"
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as ExpenseStatus | '')}
          data={[
            { value: '', label: '全部' },
            ...Object.entries(EXPENSE_STATUS_LABELS).map(([value, label]) => ({ value, label })),
          ]}
          w={140}
        />
        {seeAll && (
          <Checkbox
            label="只看本人经办"
            checked={mineOnly}
            onChange={(e) => setMineOnly(e.currentTarget.checked)}
            mb={8}
          />
        )}
        <Button ml="auto" onClick={() => navigate('finance', 'new')}>
          {L.tabNew}
        </Button>
      </Group>
      {can(user.roles, 'finance.manage') && <TuitionCard />}
      <ListOrEmpty
        loaded={!!rows}
        empty="本年度没有符合条件的报销单。"
        rows={shown}
        head={[
          '报销单号',
          '经办人',
          '类别',
          '用途',
          { label: '金额（元）', right: true },
          '开支日期',
          '状态',
        ]}
        row={(e) => [
          <RowLink key="number" to={['finance', 'claims', e.id]}>
            {e.number}
          </RowLink>,
          name(e.claimantId),
          CATEGORY_LABELS[e.category],
          <>
            {e.purpose}
            {e.late && (
              <Badge ml={4} size="xs" color="orange">
                逾期报销
              </Badge>
            )}
          </>,
          formatYuan(e.amountFen),
          e.expenseOn,
          <StatusBadge
            key="status"
            value={e.status}
            labels={EXPENSE_STATUS_LABELS}
            colors={EXPENSE_STATUS_COLORS}
          />,
        ]}
      />
      <MoreButton more={rows && rows.length > limit} onMore={() => setLimit(limit + PAGE)} />
    </Stack>
  );
}

function ClaimDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const e = useLiveQuery(() => getExpense(id), [id]);
  const req = useLiveQuery(() => approvalFor('expenses', id), [id]);
  const { name } = useStaff();
  const [print, setPrint] = useState(false);
  if (e === undefined) return <Loading />;
  if (!e) return <Missing>报销单不存在。</Missing>;
  const step = req?.status === 'pending' ? req.steps[req.currentStep] : undefined;
  const myStep = step && step.approverId === user.staffId;
  const witness = witnessOf(req);
  return (
    <Stack>
      <Group>
        <BackLink to={['finance', 'claims']}>返回报销列表</BackLink>
      </Group>
      <DetailCard
        title={`${e.number} ${e.purpose}`}
        badge={
          <StatusBadge
            size="lg"
            value={e.status}
            labels={EXPENSE_STATUS_LABELS}
            colors={EXPENSE_STATUS_COLORS}
          />
        }
      >
        <InfoRows
          mt="sm"
          labelWidth={180}
          rows={[
            ['经办人', name(e.claimantId)],
            ['开支类别', CATEGORY_LABELS[e.category]],
            ['开支日期', e.expenseOn],
            ['报销日期', e.claimedOn ?? '（已备案，尚未报销）'],
            ['金额', <Yuan key="yuan" fen={e.amountFen} />],
            [
              '人民币大写',
              <span key="upper" data-testid="detail-uppercase">
                {rmbUppercase(e.amountFen)}
              </span>,
            ],
            [
              '票据',
              e.invoices
                .map((i) => `${INVOICE_LABELS[i.kind]} ${i.number} ¥${formatYuan(i.amountFen)}`)
                .join('；') || '—',
            ],
            e.advanced && ['本人垫付（FIN-2）', e.late ? `逾期报销，理由：${e.lateReason}` : '按期'],
            !!e.meetingDecisionNumber && ['局长办公会决定（FIN-5）', e.meetingDecisionNumber],
            !!e.requestNumber && ['申报单（FIN-6）', e.requestNumber],
            !!req?.steps.some((s) => s.key === 'office_finance_check' && s.decision === 'approved') && [
              WITNESS,
              witness || <Badge color="orange">未签具证明人</Badge>,
            ],
            !!e.paidOn && ['付款日期', e.paidOn],
          ]}
        />
      </DetailCard>
      {req && (
        <Card withBorder>
          <Title order={5} mb="xs">
            审批流程（FIN-1：经办人签字 → 核算并签具证明人 → 纪检初审 → 分管财务领导审批 → 局长审核）
          </Title>
          <Text size="sm" mb="xs">
            1. 经办人签字并说明用途：{name(e.claimantId)} {e.handlerSignedAt?.slice(0, 16).replace('T', ' ')}
          </Text>
          <ApprovalChain req={req} />
          {myStep && (
            <Card withBorder mt="sm">
              <Text fw={500} mb="xs">
                {step.label}
              </Text>
              <DecideForm req={req} extraFields={step.key === 'office_finance_check' ? [WITNESS] : []} />
            </Card>
          )}
          {step && !myStep && (
            <Text size="sm" c="dimmed" mt="xs">
              当前等待：{step.label}（{step.approverName}）
            </Text>
          )}
        </Card>
      )}
      <Group>
        {e.status === 'draft' && e.claimantId === user.staffId && (
          <>
            <Button onClick={() => navigate('finance', 'new', e.id)}>提交报销</Button>
            <ConfirmButton
              variant="default"
              title="撤销备案"
              message="撤销这份备案？"
              onConfirm={() => cancelDraft(e.id, currentActor()).catch(notifyError)}
            >
              撤销备案
            </ConfirmButton>
          </>
        )}
        {e.status === 'pending' && e.claimantId === user.staffId && (
          <ConfirmButton
            variant="default"
            title="撤回报销"
            message="撤回后审批终止，需要时重新提交。"
            onConfirm={() => withdrawExpense(e.id, currentActor()).catch(notifyError)}
          >
            撤回
          </ConfirmButton>
        )}
        {e.status !== 'draft' && (
          <Button variant="default" onClick={() => setPrint(!print)}>
            {print ? '关闭打印预览' : L.print}
          </Button>
        )}
      </Group>
      {e.status === 'approved' && can(user.roles, 'finance.manage') && <PayCard id={e.id} />}
      {print && <ExpensePrint e={e} req={req} claimant={name(e.claimantId)} />}
    </Stack>
  );
}

// 登记付款: a payment is never dated ahead; a refusal naming no field shows at 付款日期.
function PayCard({ id }: { id: string }) {
  const form = useCommandForm({
    initial: () => ({ paidOn: today() }),
    submit: ({ paidOn }) => withField(markExpensePaid(id, paidOn, currentActor()), 'paidOn'),
    success: '已登记付款',
    notifyFieldErrors: 'with_rule',
  });
  return (
    <FormCard form={form} inline submitLabel={L.pay}>
      <DateField label="付款日期" {...form.input('paidOn')} />
    </FormCard>
  );
}

// STU-5: tuition and exam-cost claims submitted in 学习 arrive here and become one expense claim.
function TuitionCard() {
  const live = useLiveQuery(submittedTuitionClaims, [], []);
  const { name } = useStaff();
  const picks = usePicks();
  if (live.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        待报销的学费及考试费用（STU-5，来自“学习”）
      </Title>
      <Table fz="sm">
        <Table.Tbody>
          {live.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td w={40}>
                <PickBox picks={picks} id={t.id} label={`选择 ${name(t.staffId)} ${t.description}`} />
              </Table.Td>
              <Table.Td>{name(t.staffId)}</Table.Td>
              <Table.Td>{t.description}</Table.Td>
              <Table.Td>实缴 ¥{formatYuan(t.paidFen)}</Table.Td>
              <Table.Td>可报销 ¥{formatYuan(t.reimbursableFen)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="xs">
        <ActionButton
          size="xs"
          disabled={picks.picked.length === 0}
          action={async () => {
            const e = await createTuitionClaim(picks.picked, currentActor());
            notifyOk(`已生成报销单 ${e.number}`);
            picks.setPicked([]);
          }}
        >
          生成学费报销单
        </ActionButton>
      </Group>
    </Card>
  );
}
