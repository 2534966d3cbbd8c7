// 报销登记: one year's claims exported as a ledger.
import { Card, Group, Text } from '@mantine/core';
import { useState } from 'react';

import { expenseLedger } from '../../../../../shared/ledgers/finance';
import { thisYear as currentYear } from '../../../components/dates';
import { ActionButton, YearPicker } from '../../../components/ListParts';
import { exportLedger } from '../../../export';
import { staffName, unitName } from '../../../org/org';
import { claimsOfYear } from '../core/queries';
import { CATEGORY_LABELS, EXPENSE_STATUS_LABELS } from '../labels';

export function LedgerTab() {
  const [year, setYear] = useState(String(currentYear()));
  async function go() {
    const y = Number(year);
    const rows = await claimsOfYear(y);
    const names = new Map<string, string>();
    for (const e of rows)
      if (!names.has(e.claimantId)) names.set(e.claimantId, await staffName(e.claimantId));
    const spec = expenseLedger(
      await unitName(),
      `${y}年度`,
      rows.map((e) => ({
        number: e.number,
        claimedOn: e.claimedOn ?? null,
        expenseOn: e.expenseOn,
        claimant: names.get(e.claimantId) ?? '',
        category: CATEGORY_LABELS[e.category],
        purpose: e.purpose,
        amountFen: e.amountFen,
        late: e.late,
        lateReason: e.lateReason ?? '',
        decision: e.meetingDecisionNumber ?? '',
        state: EXPENSE_STATUS_LABELS[e.status],
        paidOn: e.paidOn ?? null,
      })),
    );
    await exportLedger(`报销登记-${y}`, [spec]);
  }
  return (
    <Card withBorder maw={600}>
      <Text size="sm" mb="sm">
        导出一年的报销登记（报销单号、开支及报销日期、经办人、类别、用途、金额、逾期报销理由、局长办公会决定、状态、付款日期）。
      </Text>
      <Group align="flex-end">
        <YearPicker value={year} onChange={setYear} />
        <ActionButton action={go}>导出Excel</ActionButton>
      </Group>
    </Card>
  );
}
