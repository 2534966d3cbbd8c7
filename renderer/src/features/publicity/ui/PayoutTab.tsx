// The rewards the office approved, paid out as one claim (FIN-1), and the year's payout sheet.
import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';

import { publicityPayoutLedger } from '../../../../../shared/ledgers/finance';
import { can } from '../../../../../shared/permissions';
import { formatYuan, LEVEL_LABELS, rmbUppercase } from '../../../../../shared/rules';
import { currentActor, useSession } from '../../../auth/session';
import { thisYear as currentYear } from '../../../components/dates';
import { ActionButton, ExportButton, PickBox, usePicks, YearPicker } from '../../../components/ListParts';
import { notifyOk } from '../../../components/notify';
import { exportLedger } from '../../../export';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { unitName } from '../../../org/org';
import { createRewardPayout } from '../core/pieces';
import { KIND_LABELS, L } from '../labels';

import { STATE_LABEL, usePieces } from './state';

export function PayoutTab() {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'publicity.review') || can(user.roles, 'finance.manage');
  const [year, setYear] = useState(String(currentYear()));
  const pieces = usePieces(Number(year));
  const { name } = useStaff();
  const picks = usePicks();
  const { picked } = picks;
  const ready = (pieces ?? []).filter((p) => p.claimState === 'office_reviewed' && !p.expenseId);
  const pickedFen = ready.filter((p) => picked.includes(p.id)).reduce((n, p) => n + p.rewardFen, 0);

  async function exportYear() {
    const rows = (pieces ?? []).map((p) => ({
      person: name(p.staffId),
      title: p.title,
      outlet: p.outlet,
      level: p.level,
      chars: p.chars,
      kind: KIND_LABELS[p.kind],
      rewardFen: p.rewardFen,
      publishedOn: p.publishedOn,
      state: STATE_LABEL[p.claimState],
    }));
    await exportLedger(`宣传奖励发放表-${year}`, [
      publicityPayoutLedger(await unitName(), Number(year), rows),
    ]);
  }

  return (
    <Stack>
      <Group align="flex-end">
        <YearPicker label={L.year} value={year} onChange={setYear} />
        <ExportButton onExport={exportYear} ml="auto" />
      </Group>
      <Text size="sm" c="dimmed">
        “导出Excel”导出本年度宣传奖励发放表（姓名、作品标题、刊发媒体、级别、字数、类别、金额、个人合计）。办公室审核通过的作品由财务按报账制度（FIN-1）发放。
      </Text>
      <Card withBorder>
        <Title order={5} mb="xs">
          待发放（办公室已审核）
        </Title>
        {ready.length === 0 ? (
          <Text c="dimmed">没有待发放的奖励。</Text>
        ) : (
          <Table fz="sm">
            <Table.Tbody>
              {ready.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td w={40}>
                    {manage && <PickBox picks={picks} id={p.id} label={`选择 ${p.title}`} />}
                  </Table.Td>
                  <Table.Td>{name(p.staffId)}</Table.Td>
                  <Table.Td>{p.title}</Table.Td>
                  <Table.Td>{LEVEL_LABELS[p.level]}</Table.Td>
                  <Table.Td ta="right">{formatYuan(p.rewardFen)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {manage && ready.length > 0 && (
          <Group mt="sm">
            <Button variant="light" size="xs" onClick={() => picks.setPicked(ready.map((p) => p.id))}>
              全选
            </Button>
            <ActionButton
              size="xs"
              disabled={picked.length === 0}
              action={async () => {
                const e = await createRewardPayout(picked, currentActor());
                notifyOk(`已生成报销单 ${e.number}`);
                picks.setPicked([]);
              }}
            >
              {L.payout}
            </ActionButton>
            {picked.length > 0 && (
              <Text size="sm">
                已选{picked.length}篇，合计 ¥{formatYuan(pickedFen)}（{rmbUppercase(pickedFen)}）
              </Text>
            )}
          </Group>
        )}
      </Card>
    </Stack>
  );
}
