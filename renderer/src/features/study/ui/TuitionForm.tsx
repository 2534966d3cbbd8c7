// A tuition or exam-cost claim, with what will be reimbursed (STU-5).
import { NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';

import { fenToYuan, tuitionReimbursement } from '../../../../../shared/rules';
import { currentActor, useSession } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import type { FieldErrors } from '../../../components/useFieldErrors';
import { typedFen } from '../../../components/Yuan';
import { today } from '../../../db/clock';
import type { Staff } from '../../../db/schema/core';
import type { TuitionClaimKind } from '../../../db/schema/meetings';
import { submitTuitionClaim } from '../core/commands';
import { CLAIM_KIND_LABELS, DEGREES, L } from '../labels';

import { FIELD_ERRORS } from './formOptions';

const KINDS = Object.entries(CLAIM_KIND_LABELS).map(([value, label]) => ({ value, label }));

type Values = {
  staffId: string;
  kind: TuitionClaimKind;
  degree: string;
  description: string;
  paid: string;
  submittedOn: string;
};

function check(v: Values): FieldErrors {
  const e: FieldErrors = {};
  const fen = typedFen(v.paid);
  if (!fen || fen <= 0) e.paidFen = '请填写实缴金额（元，最多两位小数）';
  if (!v.description.trim()) e.description = '请填写说明';
  return e;
}

export function TuitionForm({ staff }: { staff: Staff[] }) {
  const user = useSession((s) => s.user)!;
  const form = useCommandForm<Values>({
    ...FIELD_ERRORS,
    initial: () => ({
      staffId: user.staffId,
      kind: 'tuition',
      degree: '本科',
      description: '',
      paid: '',
      submittedOn: today(),
    }),
    check,
    submit: (v) =>
      submitTuitionClaim(
        {
          staffId: v.staffId,
          kind: v.kind,
          degree: v.kind === 'tuition' ? v.degree : undefined,
          description: v.description,
          paidFen: typedFen(v.paid)!,
          submittedOn: v.submittedOn,
        },
        currentActor(),
      ),
    success: '已登记，待报销',
    onDone: () => form.reset(),
  });
  const v = form.values;
  const fen = typedFen(v.paid);
  const reimbursable = fen && fen > 0 ? (v.kind === 'tuition' ? tuitionReimbursement(fen) : fen) : null;
  return (
    <FormCard
      form={form}
      title="学费、考试费用报销登记"
      submitLabel="登记"
      footer={
        <Text size="sm" c="dimmed">
          {L.reimbursable}：{reimbursable !== null ? `${fenToYuan(reimbursable).toFixed(2)}元` : '—'}
          {v.kind === 'tuition' ? '（学费的三分之二）' : '（全额）'}
        </Text>
      }
    >
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <StaffSelect label={L.staff} staff={staff} {...form.input('staffId')} />
        <NativeSelect
          label={L.claimKind}
          value={v.kind}
          onChange={(e) => form.set('kind', e.currentTarget.value as TuitionClaimKind)}
          data={KINDS}
        />
        {v.kind === 'tuition' ? (
          <NativeSelect
            label={L.degree}
            value={v.degree}
            onChange={(e) => form.set('degree', e.currentTarget.value)}
            data={[...DEGREES]}
            error={form.errors.degree}
          />
        ) : (
          <div />
        )}
        <TextInput
          label={L.description}
          placeholder={
            v.kind === 'tuition' ? '如：函授本科（法学）学费' : '如：县公开选拔报名费、体检费、差旅费'
          }
          {...form.text('description')}
        />
        <TextInput
          label={L.paidYuan}
          {...form.text('paid')}
          error={form.errors.paidFen}
          inputMode="decimal"
        />
        <DateField label="登记日期" {...form.input('submittedOn')} />
      </SimpleGrid>
    </FormCard>
  );
}
