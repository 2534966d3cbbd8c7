import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { giftLedger } from '../../../../shared/ledgers/finance';
import { can } from '../../../../shared/permissions';
import { formatYuan, rmbUppercase, ruleText } from '../../../../shared/rules';
import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';
import { currentActor, useSession } from '../../auth/session';
import { ConfirmButton } from '../../components/Confirm';
import { thisYear as currentYear, yearOptions } from '../../components/dates';
import { notifyError, notifyOk } from '../../components/notify';
import { StaffSelect } from '../../components/StaffSelect';
import { useFieldErrors } from '../../components/useFieldErrors';
import { typedFen } from '../../components/Yuan';
import { today } from '../../db/clock';
import type { GiftKind } from '../../db/schema/supervision';
import { parseYuan } from '../../db/validate';
import { exportLedger } from '../../export';
import { useSections, useStaffBook as useStaff } from '../../org/hooks';
import { unitName } from '../../org/org';

import {
  handOverGift,
  listGifts,
  listPledges,
  registerGift,
  revokePledge,
  signPledge,
} from './core/integrity';
import { GIFT_KIND_LABELS, GIFT_STATUS_LABELS, L } from './labels';

const TABS: RouteTab[] = [
  { value: 'gifts', label: L.tabGifts },
  { value: 'pledges', label: L.tabPledges },
];

export default function IntegrityPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="integrity" tabs={TABS}>
        {(tab) => (tab === 'gifts' ? <Gifts /> : <Pledges />)}
      </RouteTabs>
    </Stack>
  );
}

function Gifts() {
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
      <Text size="sm" c="dimmed">
        INT-1 {ruleText('INT-1').text}
      </Text>
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
          {manage && (
            <TextInput
              label={L.handedOverOn}
              type="date"
              value={handDate}
              onChange={(e) => setHandDate(e.currentTarget.value)}
              w={170}
            />
          )}
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

function GiftForm({ manage }: { manage: boolean }) {
  const user = useSession((s) => s.user)!;
  const { list } = useStaff();
  const [staffId, setStaffId] = useState(user.staffId);
  const [receivedOn, setReceivedOn] = useState(today());
  const [giver, setGiver] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<GiftKind>('gift');
  const [value, setValue] = useState('');
  const [handling, setHandling] = useState('');
  const { errors, fail, clear } = useFieldErrors({ notifyFieldErrors: 'with_rule' });
  const fen = typedFen(value);
  return (
    <Card withBorder>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          clear();
          try {
            await registerGift(
              {
                staffId,
                receivedOn,
                giver,
                description,
                kind,
                // Left blank: not valued (未估价), kept apart from a value of 0.00.
                valueFen: value.trim() ? parseYuan(value, 'value', '估值', true) : null,
                handling,
              },
              currentActor(),
            );
            notifyOk('已登记');
            setGiver('');
            setDescription('');
            setValue('');
            setHandling('');
          } catch (err) {
            fail(err, 'description');
          }
        }}
      >
        <Title order={5} mb="xs">
          登记未能拒收的礼品、礼金
        </Title>
        <Group grow align="flex-start">
          {manage && (
            <StaffSelect
              label={L.recipient}
              staff={list}
              value={staffId}
              onChange={setStaffId}
              error={errors.staffId}
            />
          )}
          <TextInput
            label={L.receivedOn}
            type="date"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            error={errors.receivedOn}
            required
          />
          <TextInput
            label={L.giver}
            value={giver}
            onChange={(e) => setGiver(e.currentTarget.value)}
            error={errors.giver}
            required
          />
        </Group>
        <Group grow align="flex-start" mt="xs">
          <TextInput
            label={L.description}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            required
          />
          <NativeSelect
            label={L.kind}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as GiftKind)}
            data={Object.entries(GIFT_KIND_LABELS).map(([v, l]) => ({ value: v, label: l }))}
          />
          <TextInput
            label={L.value}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={errors.value}
            placeholder={L.valueBlank}
            description={fen ? `人民币大写：${rmbUppercase(fen)}` : undefined}
          />
        </Group>
        <TextInput
          mt="xs"
          label={L.handling}
          value={handling}
          onChange={(e) => setHandling(e.currentTarget.value)}
        />
        <Button type="submit" mt="sm">
          {L.register}
        </Button>
      </form>
    </Card>
  );
}

function Pledges() {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'integrity.manage') || can(user.roles, 'assessment.manage');
  const [year, setYear] = useState(String(currentYear()));
  const [signedOn, setSignedOn] = useState(today());
  const { list } = useStaff();
  const sections = useSections();
  const pledges = useLiveQuery(() => listPledges(Number(year)), [year]);
  const byStaff = new Map((pledges ?? []).map((p) => [p.staffId, p]));
  const people = manage ? list : list.filter((s) => s.id === user.staffId);
  const signed = people.filter((s) => byStaff.has(s.id)).length;
  async function sign(staffId: string) {
    try {
      await signPledge(staffId, Number(year), signedOn, currentActor());
      notifyOk('已登记签订');
    } catch (e) {
      notifyError(e);
    }
  }
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        廉政承诺书每人每年签订一份，作为年度考核第8项“是否签订廉政承诺书”的依据（ASM-1）。
      </Text>
      <Group align="flex-end">
        <NativeSelect
          label={L.pledgeYear}
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          data={yearOptions()}
          w={120}
        />
        <TextInput
          label={L.signedOn}
          type="date"
          value={signedOn}
          onChange={(e) => setSignedOn(e.currentTarget.value)}
          w={170}
        />
        <Text ml="auto" size="sm">
          已签订 {signed} / {people.length} 人
        </Text>
      </Group>
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>姓名</Table.Th>
            <Table.Th>股室</Table.Th>
            <Table.Th>职务</Table.Th>
            <Table.Th>{L.signedOn}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((s) => {
            const p = byStaff.get(s.id);
            return (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{s.sectionId ? sections.get(s.sectionId) : '局领导'}</Table.Td>
                <Table.Td>{s.title}</Table.Td>
                <Table.Td>{p ? p.signedOn : <Badge color="orange">未签订</Badge>}</Table.Td>
                <Table.Td>
                  {!p && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => sign(s.id)}
                      aria-label={`${L.sign} ${s.name}`}
                    >
                      {L.sign}
                    </Button>
                  )}
                  {p && manage && (
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      title="撤销登记"
                      message={`撤销${s.name}${year}年度廉政承诺书的登记（误登记时使用）？`}
                      onConfirm={() => revokePledge(p.id, '误登记', currentActor()).catch(notifyError)}
                    >
                      撤销
                    </ConfirmButton>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
