// The gift register (INT-1): the year's gifts, their hand-over to the discipline inspector, the export.
import { Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { giftLedger } from '../../../../../shared/ledgers/finance';
import { can } from '../../../../../shared/permissions';
import { formatYuan } from '../../../../../shared/rules';
import { currentActor, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { DateField, thisYear as currentYear, yearOptions } from '../../../components/dates';
import { notifyError, notifyOk } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import { exportLedger } from '../../../export';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { unitName } from '../../../org/org';
import { handOverGift, listGifts } from '../core/integrity';
import { GIFT_KIND_LABELS, GIFT_STATUS_LABELS, L } from '../labels';

import { GiftForm } from './GiftForm';

export function GiftsTab() {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'integrity.manage');
  const [year, setYear] = useState(String(currentYear()));
  const { name } = useStaff();
  const gifts = useLiveQuery(() => listGifts(Number(year)), [year]);
  const visible = (gifts ?? []).filter((g) => manage || g.staffId === user.staffId);
  const [handDate, setHandDate] = useState(today());

  async function exportYear() {
    try {
      const rows = visible.map((g) => ({
        receivedOn: g.receivedOn,
        person: name(g.staffId),
        giver: g.giver,
        description: g.description,
        kind: GIFT_KIND_LABELS[g.kind],
        valueFen: g.valueFen ?? null,
        handling: g.handling ?? '',
        handedOverOn: g.handedOverOn ?? null,
        receiver: name(g.receiverId),
        state: GIFT_STATUS_LABELS[g.status],
      }));
      await exportLedger(`礼品登记-${year}`, [giftLedger(await unitName(), Number(year), rows)]);
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <Stack>
      <RuleLines ids={['INT-1']} inline />
      <GiftForm manage={manage} />
      <Card withBorder>
        <Group align="flex-end" mb="sm">
          <Title order={5} mr="auto">
            礼品登记簿
          </Title>
          <NativeSelect
            label="年度"
            value={year}
            onChange={(e) => setYear(e.currentTarget.value)}
            data={yearOptions()}
            w={120}
          />
          {manage && <DateField label={L.handedOverOn} value={handDate} onChange={setHandDate} w={170} />}
          <Button variant="default" onClick={exportYear}>
            导出Excel
          </Button>
        </Group>
        {gifts && visible.length === 0 ? (
          <Text c="dimmed">本年度没有登记。</Text>
        ) : (
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{L.receivedOn}</Table.Th>
                <Table.Th>{L.recipient}</Table.Th>
                <Table.Th>{L.giver}</Table.Th>
                <Table.Th>{L.description}</Table.Th>
                <Table.Th>{L.kind}</Table.Th>
                <Table.Th ta="right">估值（元）</Table.Th>
                <Table.Th>上交纪检</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>{g.receivedOn}</Table.Td>
                  <Table.Td>{name(g.staffId)}</Table.Td>
                  <Table.Td>{g.giver}</Table.Td>
                  <Table.Td>{g.description}</Table.Td>
                  <Table.Td>{GIFT_KIND_LABELS[g.kind]}</Table.Td>
                  <Table.Td ta="right">
                    {g.valueFen == null ? (
                      <Text span size="sm" c="dimmed">
                        {L.unvalued}
                      </Text>
                    ) : (
                      formatYuan(g.valueFen)
                    )}
                  </Table.Td>
                  <Table.Td>
                    {g.status === 'handed_over' ? (
                      `${g.handedOverOn} ${name(g.receiverId)}接收`
                    ) : (
                      <Badge color="orange">{GIFT_STATUS_LABELS[g.status]}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {manage && g.status === 'registered' && (
                      <ConfirmButton
                        size="xs"
                        color="blue"
                        title={L.handOver}
                        message={`确认于${handDate}接收“${g.description}”？`}
                        onConfirm={async () => {
                          try {
                            await handOverGift(g.id, handDate, currentActor());
                            notifyOk('已登记上交纪检');
                          } catch (e) {
                            notifyError(e);
                          }
                        }}
                      >
                        {L.handOver}
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
