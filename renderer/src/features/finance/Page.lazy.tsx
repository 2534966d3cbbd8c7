import { Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import Dexie from 'dexie';
import { useState } from 'react';

import { expenseLedger } from '../../../../shared/ledgers/finance';
import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';
import { notifyError } from '../../components/notify';
import { db } from '../../db/db';
import { exportLedger } from '../../export';
import { staffName, unitName } from '../../org/org';

import { BillsTab } from './BillsTab';
import { ClaimForm } from './ClaimForm';
import { ClaimsTab } from './ClaimsTab';
import { CATEGORY_LABELS, EXPENSE_STATUS_LABELS, L } from './labels';
import { RequestsTab } from './RequestsTab';
import { currentYear, yearOptions } from './ui';

const TABS: RouteTab[] = [
  { value: 'claims', label: L.tabClaims },
  { value: 'new', label: L.tabNew },
  { value: 'bills', label: L.tabBills },
  { value: 'requests', label: L.tabRequests },
  { value: 'ledger', label: L.tabLedger },
];

export default function FinancePage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="finance" tabs={TABS}>
        {(tab, [id]) =>
          tab === 'claims' ? (
            <ClaimsTab id={id} />
          ) : tab === 'new' ? (
            <ClaimForm key={id ?? 'new'} draftId={id} />
          ) : tab === 'bills' ? (
            <BillsTab />
          ) : tab === 'requests' ? (
            <RequestsTab id={id} />
          ) : (
            <LedgerTab />
          )
        }
      </RouteTabs>
    </Stack>
  );
}

function LedgerTab() {
  const [year, setYear] = useState(String(currentYear()));
  const [busy, setBusy] = useState(false);
  async function go() {
    setBusy(true);
    try {
      const y = Number(year);
      const rows = (
        await db.expenses.where('[year+seq]').between([y, Dexie.minKey], [y, Dexie.maxKey]).toArray()
      ).filter((e) => !e.deletedAt && e.status !== 'draft');
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
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card withBorder maw={600}>
      <Text size="sm" mb="sm">
        导出一年的报销登记（报销单号、开支及报销日期、经办人、类别、用途、金额、逾期报销理由、局长办公会决定、状态、付款日期）。
      </Text>
      <Group align="flex-end">
        <NativeSelect
          label="年度"
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          data={yearOptions()}
          w={120}
        />
        <Button onClick={go} loading={busy}>
          导出Excel
        </Button>
      </Group>
    </Card>
  );
}
