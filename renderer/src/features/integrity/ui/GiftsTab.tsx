// The gift register (INT-1): the year's gifts, their hand-over to the discipline inspector, the export.
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { giftLedger } from '../../../../../shared/ledgers/finance';
import { can } from '../../../../../shared/permissions';
import { formatYuan } from '../../../../../shared/rules';
import { currentActor, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { DateField, thisYear as currentYear } from '../../../components/dates';
import { attempt, ExportButton, ListOrEmpty, YearPicker } from '../../../components/ListParts';
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
          <YearPicker value={year} onChange={setYear} />
          {manage && <DateField label={L.handedOverOn} value={handDate} onChange={setHandDate} w={170} />}
          <ExportButton onExport={exportYear} />
        </Group>
        <ListOrEmpty
          loaded={!!gifts}
          empty="本年度没有登记。"
          highlightOnHover={false}
          rows={visible}
          head={[
            L.receivedOn,
            L.recipient,
            L.giver,
            L.description,
            L.kind,
            { label: '估值（元）', right: true },
            '上交纪检',
            '',
          ]}
          row={(g) => [
            g.receivedOn,
            name(g.staffId),
            g.giver,
            g.description,
            GIFT_KIND_LABELS[g.kind],
            g.valueFen == null ? (
              <Text key="value" span size="sm" c="dimmed">
                {L.unvalued}
              </Text>
            ) : (
              formatYuan(g.valueFen)
            ),
            g.status === 'handed_over' ? (
              `${g.handedOverOn} ${name(g.receiverId)}接收`
            ) : (
              <Badge key="status" color="orange">
                {GIFT_STATUS_LABELS[g.status]}
              </Badge>
            ),
            manage && g.status === 'registered' && (
              <ConfirmButton
                key="hand"
                size="xs"
                color="blue"
                title={L.handOver}
                message={`确认于${handDate}接收“${g.description}”？`}
                onConfirm={() =>
                  attempt(() => handOverGift(g.id, handDate, currentActor()), '已登记上交纪检')
                }
              >
                {L.handOver}
              </ConfirmButton>
            ),
          ]}
        />
      </Card>
    </Stack>
  );
}
