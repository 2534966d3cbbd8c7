// 签单与季末结算 (FIN-3): bills signed on account are registered, listed by the quarter they settle in,
// and a vendor's open bills are settled in one claim with the vendor's invoice.
import { Badge, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { settlementLedger } from '../../../../../shared/ledgers/finance';
import { can } from '../../../../../shared/permissions';
import type { Invoice } from '../../../../../shared/rules';
import { formatYuan, INVOICE_LABELS, INVOICES, quarterEnds, rmbUppercase } from '../../../../../shared/rules';
import { currentActor, useSession } from '../../../auth/session';
import { FormCard } from '../../../components/FormCard';
import { ExportButton, ListOrEmpty, PickBox, usePicks, YearPicker } from '../../../components/ListParts';
import { RuleLines } from '../../../components/RuleCite';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import { exportLedger } from '../../../export';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { unitName } from '../../../org/org';
import { listQuarterBills, settleSignedBills } from '../core/bills';
import { BILL_STATUS_LABELS, L } from '../labels';

import { BillForm } from './BillForm';
import { withField } from './withField';

export function BillsTab() {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'finance.manage');
  const t = today();
  const [year, setYear] = useState(t.slice(0, 4));
  const [quarter, setQuarter] = useState(String(Math.ceil(Number(t.slice(5, 7)) / 3)));
  const settleBy = quarterEnds(Number(year))[Number(quarter) - 1];
  const { name } = useStaff();
  // Open bills of earlier quarters are overdue for settlement: shown with this quarter.
  const bills = useLiveQuery(() => listQuarterBills(settleBy, t), [settleBy, t]);
  const picks = usePicks();
  const { picked, setPicked } = picks;
  const settle = useCommandForm({
    initial: { kind: 'vat_ordinary' as Invoice, number: '' },
    // no bills picked: the command refuses at 签单 (bills)
    submit: (invoice) => withField(settleSignedBills(picked, invoice, currentActor()), 'bills'),
    success: (exp) => `已生成结算报销单 ${exp.number}`,
    onDone: () => {
      setPicked([]);
      settle.reset();
    },
    notifyFieldErrors: 'with_rule',
  });
  const pickedTotal = (bills ?? []).filter((b) => picked.includes(b.id)).reduce((n, b) => n + b.amountFen, 0);

  async function exportList() {
    const rows = (bills ?? []).map((b) => ({
      vendor: b.vendor,
      signedOn: b.signedOn,
      description: b.description,
      signer: name(b.signerId),
      amountFen: b.amountFen,
      settleBy: b.settleBy,
      state: BILL_STATUS_LABELS[b.status],
    }));
    await exportLedger(`季末签单结算清单-${year}年第${quarter}季度`, [
      settlementLedger(await unitName(), `${year}年第${quarter}季度`, rows),
    ]);
  }

  return (
    <Stack>
      <RuleLines ids={['FIN-3']} />
      {manage && <BillForm />}
      <Card withBorder>
        <Group align="flex-end" mb="sm">
          <Title order={5} mr="auto">
            季末签单结算清单（结算日 {settleBy}）
          </Title>
          <YearPicker value={year} onChange={setYear} w={110} />
          <NativeSelect
            label="季度"
            value={quarter}
            onChange={(e) => setQuarter(e.currentTarget.value)}
            data={['1', '2', '3', '4'].map((q) => ({ value: q, label: `第${q}季度` }))}
            w={110}
          />
          <ExportButton onExport={exportList} />
        </Group>
        <ListOrEmpty
          loaded={!!bills}
          empty="本季度没有签单。"
          highlightOnHover={false}
          rows={bills}
          head={[
            '',
            L.vendor,
            L.signedOn,
            L.billDescription,
            L.signer,
            { label: '金额（元）', right: true },
            '结算期限',
            '状态',
          ]}
          row={(b) => [
            manage && b.status === 'open' && (
              <PickBox picks={picks} id={b.id} label={`选择 ${b.vendor} ${b.signedOn} ${b.description}`} />
            ),
            b.vendor,
            b.signedOn,
            b.description,
            name(b.signerId),
            formatYuan(b.amountFen),
            <>
              {b.settleBy}
              {b.status === 'open' && b.settleBy < t && (
                <Badge ml={4} size="xs" color="red">
                  逾期未结
                </Badge>
              )}
            </>,
            BILL_STATUS_LABELS[b.status],
          ]}
        />
        {manage && (
          <>
            <FormCard
              form={settle}
              inline
              withBorder={false}
              p={0}
              mt="md"
              submitLabel={L.settle}
              footer={
                picked.length > 0 && (
                  <Text size="sm" mt={30}>
                    已选{picked.length}笔，合计 ¥{formatYuan(pickedTotal)}（{rmbUppercase(pickedTotal)}）
                  </Text>
                )
              }
            >
              <NativeSelect
                label={L.settleInvoice}
                value={settle.values.kind}
                onChange={(e) => settle.set('kind', e.currentTarget.value as Invoice)}
                data={INVOICES.map((k) => ({ value: k, label: INVOICE_LABELS[k] }))}
                error={settle.errors['invoices.0.kind']}
              />
              <TextInput label={L.settleInvoiceNumber} {...settle.text('number')} />
            </FormCard>
            {settle.errors.bills && (
              <Text c="red" size="sm">
                {settle.errors.bills}
              </Text>
            )}
          </>
        )}
      </Card>
    </Stack>
  );
}
