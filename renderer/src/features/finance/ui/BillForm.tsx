// 登记签单 (FIN-3): a bill signed on account, settled at the quarter's end.
import { Group, TextInput } from '@mantine/core';

import { rmbUppercase } from '../../../../../shared/rules';
import { currentActor } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import { typedFen } from '../../../components/Yuan';
import { today } from '../../../db/clock';
import { parseYuan } from '../../../db/validate';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { recordSignedBill } from '../core/bills';
import { L } from '../labels';

export function BillForm() {
  const { list } = useStaff();
  const form = useCommandForm({
    initial: () => ({ vendor: '', signedOn: today(), signerId: '', description: '', amount: '' }),
    notifyFieldErrors: 'with_rule',
    submit: ({ amount, ...v }) =>
      recordSignedBill({ ...v, amountFen: parseYuan(amount, 'amountFen', '签单金额') }, currentActor()),
    success: '已登记签单',
    onDone: () => form.setValues((v) => ({ ...v, description: '', amount: '' })),
  });
  const fen = typedFen(form.values.amount);
  return (
    <FormCard form={form} title={L.saveBill} submitLabel={L.saveBill}>
      <Group align="flex-start" grow>
        <TextInput label={L.vendor} {...form.text('vendor')} />
        <DateField label={L.signedOn} {...form.input('signedOn')} />
        <StaffSelect label={L.signer} staff={list} {...form.input('signerId')} />
      </Group>
      <Group align="flex-start" grow>
        <TextInput label={L.billDescription} {...form.text('description')} />
        <TextInput
          label={L.billAmount}
          {...form.text('amount')}
          error={form.errors.amountFen}
          description={fen !== null ? `人民币大写：${rmbUppercase(fen)}` : undefined}
        />
      </Group>
    </FormCard>
  );
}
