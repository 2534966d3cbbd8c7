// 借阅 (DOC-5): a borrower asks, the 分管领导 approves in the engine, the office lends and records the
// return; overdue loans are listed. 查阅资料: outside requests, approved by a 分管领导 or the 主要领导.
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { addCalendarDays, compareDates, isISODate, loanOverdue } from '../../../../../shared/rules';
import { ApprovalRow } from '../../../approvals/ApprovalRow';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { DateField, thisYear, YearSelect } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { ListTable } from '../../../components/ListTable';
import { notifyError, notifyOk } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { StaffSelect } from '../../../components/StaffSelect';
import { YearBar } from '../../../components/YearBar';
import { today } from '../../../db/clock';
import type { DataRequest, DocLoan } from '../../../db/schema/documents';
import { useStaffBook } from '../../../org/hooks';
import { exportLoanRegister } from '../core/exports';
import { markDataProvided, overdueLoans, registerDataRequest, requestLoan, returnLoan } from '../core/loans';
import { dataRequestsOfYear, loansOfYear } from '../core/queries';
import { DATA_REQUEST_STATUS_LABELS, L, LOAN_STATUS_LABELS } from '../labels';

import { DocPicker, DocRefText, NO_PICK } from './DocPicker';
import { useDocForm } from './StepForm';

export function LoansTab() {
  const user = useSession((s) => s.user)!;
  const manage = useCan('documents.manage');
  const book = useStaffBook();
  const [year, setYear] = useState(thisYear());
  const loans = useLiveQuery(
    () => loansOfYear(year, { staffId: user.staffId, manage }),
    [year, manage, user.staffId],
    [],
  );
  const overdue = useLiveQuery(() => overdueLoans(today()), [], []);
  return (
    <Stack>
      <LoanForm />
      {overdue.length > 0 && (
        <Alert color="red" title={`逾期未还（${overdue.length}）`}>
          {overdue
            .map(
              (l) =>
                `${l.docNo ? `${l.docNo} ` : ''}${l.docTitle}（${book.name(l.borrowerId)}，应于${l.returnDue}归还）`,
            )
            .join('；')}
        </Alert>
      )}
      <YearBar year={year} onYear={setYear} onExport={exportLoanRegister} />
      <ListTable
        rows={loans}
        head={[L.borrowedOn, L.borrower, L.loanDoc, L.purpose, L.returnDue, '批准人', '状态', '']}
        row={(l) => [
          l.borrowedOn,
          book.name(l.borrowerId),
          <DocRefText rec={l} />,
          l.purpose,
          l.returnDue,
          l.approverName ?? '',
          <LoanStatus loan={l} />,
          manage && l.status === 'approved' && <ReturnLoan loan={l} />,
        ]}
        after={(l) => l.status === 'pending' && <ApprovalRow approvalId={l.approvalId} colSpan={8} fold />}
        empty={`${year}年没有借阅记录。`}
      />
      <RuleLines ids={['DOC-5']} inline />
    </Stack>
  );
}

function LoanStatus({ loan }: { loan: DocLoan }) {
  const late = loan.status === 'approved' && loanOverdue(loan.returnDue, today());
  return (
    <>
      <Badge color={late ? 'red' : loan.status === 'returned' ? 'green' : 'blue'} variant="light">
        {late ? '逾期未还' : LOAN_STATUS_LABELS[loan.status]}
      </Badge>
      {loan.returnedOn ? ` ${loan.returnedOn}` : ''}
    </>
  );
}

function ReturnLoan({ loan }: { loan: DocLoan }) {
  const form = useDocForm(
    {
      initial: () => ({ on: today() }),
      submit: (v) => returnLoan(loan.id, v.on, currentActor()),
      success: '已登记归还',
    },
    'returnedOn',
  );
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <DateField
        aria-label={L.returnedOn}
        size="xs"
        {...form.input('on')}
        error={form.errors.returnedOn ?? form.errors.status}
      />
      <Button size="xs" variant="light" loading={form.busy} onClick={() => void form.submit()}>
        {L.returnLoan}
      </Button>
    </Group>
  );
}

function LoanForm() {
  const user = useSession((s) => s.user)!;
  const manage = useCan('documents.manage');
  const book = useStaffBook();
  const empty = () => ({
    ...NO_PICK,
    borrowerId: user.staffId,
    purpose: '',
    borrowedOn: today(),
    returnDue: addCalendarDays(today(), 7),
  });
  const form = useDocForm({
    initial: empty,
    check: (x) => {
      const e: Record<string, string> = {};
      if (!x.docTitle.trim() && !x.docRefId) e.docTitle = '请选择或填写借阅的文件或档案';
      if (!x.purpose.trim()) e.purpose = '请填写借阅用途';
      if (isISODate(x.borrowedOn) && isISODate(x.returnDue) && compareDates(x.returnDue, x.borrowedOn) < 0)
        e.returnDue = '归还期限不能早于借阅日期';
      return e;
    },
    submit: (x) => requestLoan(x, currentActor()),
    success: '已提交借阅申请，等待分管领导批准',
    onDone: () => form.reset(),
  });
  const { values: v, set, errors } = form;
  const setV = form.setValues;
  return (
    <FormCard
      form={form}
      title="借阅申请"
      submitLabel="提交借阅申请"
      footer={
        errors.route && (
          <Text c="red" size="sm">
            {errors.route}
          </Text>
        )
      }
    >
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <DocPicker
          label={L.loanDoc}
          use="loan"
          value={v}
          onChange={(p) => setV((x) => ({ ...x, ...p }))}
          error={errors.docTitle}
          placeholder="输入编号或标题查找，或填写，如：2015年文书档案第3卷"
        />
        {manage ? (
          <StaffSelect
            label={L.borrower}
            staff={book.list}
            value={v.borrowerId}
            onChange={(id) => set('borrowerId', id)}
            error={errors.borrowerId}
          />
        ) : (
          <TextInput label={L.borrower} value={user.name} readOnly />
        )}
        <TextInput
          label={L.purpose}
          value={v.purpose}
          onChange={(e) => set('purpose', e.currentTarget.value)}
          error={errors.purpose}
        />
        <DateField
          label={L.borrowedOn}
          value={v.borrowedOn}
          onChange={(v) => set('borrowedOn', v)}
          error={errors.borrowedOn}
        />
        <DateField
          label={L.returnDue}
          value={v.returnDue}
          onChange={(v) => set('returnDue', v)}
          error={errors.returnDue}
        />
      </SimpleGrid>
    </FormCard>
  );
}

export function DataRequestsTab() {
  const manage = useCan('documents.manage');
  const book = useStaffBook();
  const [year, setYear] = useState(thisYear());
  const list = useLiveQuery(() => dataRequestsOfYear(year), [year], []);
  return (
    <Stack>
      {manage && <DataRequestForm />}
      <YearSelect value={year} onChange={setYear} />
      <ListTable
        rows={list}
        head={['日期', L.requester, L.content, L.purpose, L.approver, '状态', '']}
        row={(r) => [
          r.receivedOn,
          `${r.requester}${r.contact ? `（${r.contact}）` : ''}`,
          r.content,
          r.purpose,
          book.name(r.approverId),
          `${DATA_REQUEST_STATUS_LABELS[r.status]}${r.providedOn ? ` ${r.providedOn}` : ''}`,
          manage && r.status === 'approved' && <MarkProvided rec={r} />,
        ]}
        after={(r) => r.status === 'pending' && <ApprovalRow approvalId={r.approvalId} colSpan={7} fold />}
        empty={`${year}年没有查阅资料申请。`}
      />
      <RuleLines ids={['DOC-5']} inline />
    </Stack>
  );
}

function MarkProvided({ rec }: { rec: DataRequest }) {
  const [note, setNote] = useState('');
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput
        size="xs"
        aria-label="提供情况"
        placeholder="提供情况"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Button
        size="xs"
        variant="light"
        onClick={() =>
          markDataProvided(rec.id, today(), note, currentActor()).then(
            () => notifyOk('已登记提供'),
            notifyError,
          )
        }
      >
        登记已提供
      </Button>
    </Group>
  );
}

function DataRequestForm() {
  const book = useStaffBook();
  const user = useSession((s) => s.user)!;
  const leaders = book.list.filter(
    (s) => (s.roles.includes('deputy') || s.roles.includes('director')) && s.id !== user.staffId,
  );
  const empty = () => ({
    receivedOn: today(),
    requester: '',
    contact: '',
    content: '',
    purpose: '',
    approverId: '',
  });
  const form = useDocForm({
    initial: empty,
    check: (x) => {
      const e: Record<string, string> = {};
      if (!x.requester.trim()) e.requester = '请填写查阅单位或个人';
      if (!x.content.trim()) e.content = '请填写查阅内容';
      if (!x.approverId) e.approverId = '须报分管领导或主要领导同意';
      return e;
    },
    submit: (x) => registerDataRequest(x, currentActor()),
    success: '已登记，等待领导同意',
    onDone: () => form.reset(),
  });
  const { errors } = form;
  return (
    <FormCard form={form} title="查阅、索要资料数据登记" submitLabel="提交">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput label={L.requester} {...form.text('requester')} />
        <TextInput label={L.contact} {...form.text('contact')} />
        <DateField label="申请日期" {...form.input('receivedOn')} />
      </SimpleGrid>
      <Textarea label={L.content} {...form.text('content')} autosize minRows={1} />
      <Group align="flex-end">
        <TextInput label={L.purpose} {...form.text('purpose')} w={360} />
        <NativeSelect
          label={L.approver}
          value={form.values.approverId}
          onChange={(e) => form.set('approverId', e.currentTarget.value)}
          data={[
            { value: '', label: '请选择分管领导或主要领导' },
            ...leaders.map((s) => ({ value: s.id, label: s.title ? `${s.name}（${s.title}）` : s.name })),
          ]}
          error={errors.approverId}
        />
      </Group>
    </FormCard>
  );
}
