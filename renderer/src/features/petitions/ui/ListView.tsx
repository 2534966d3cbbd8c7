// 信访件: search by number, name, ID, phone, township, category, state, channel, date range and
// Chinese full text; keyset paging (50 a page, 下一页 uses the last row's key), count from an index.
import { Button, Card, Group, NativeSelect, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { useCalendar } from '../../../calendar/calendar';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { today } from '../../../db/clock';
import type { PetitionChannel, PetitionState } from '../../../db/schema/petitions';
import { listPetitions, PAGE_SIZE } from '../core/queries';
import type { ListFilter, PageKey } from '../core/queries';
import { CHANNEL_LABELS, STATE_LABELS } from '../labels';

import { CaseLink } from './CaseLink';
import { DueBadge, StateBadge, short, useCaseForm, useCategories, useSettings, useTownships } from './ui';

const EMPTY: ListFilter = {};
// the search fields as typed ('' = any)
const BLANK = {
  regNo: '',
  name: '',
  idNo: '',
  phone: '',
  text: '',
  township: '',
  category: '',
  state: '',
  channel: '',
  from: '',
  to: '',
};

function toFilter(v: typeof BLANK): ListFilter {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as ListFilter;
}

export function ListView() {
  const townships = useTownships();
  const categories = useCategories();
  const cal = useCalendar();
  const settings = useSettings();
  const [filter, setFilter] = useState<ListFilter>(EMPTY);
  const [keys, setKeys] = useState<PageKey[]>([]); // keys of the pages before the current one
  const after = keys.length ? keys[keys.length - 1] : null;
  // masked as the signed-in user may see it (PET-6): the query decides, from the session
  const page = useLiveQuery(() => listPetitions(filter, after), [filter, after]);
  const [total, setTotal] = useState<{ count: number; exact: boolean } | null>(null);
  useEffect(() => {
    if (page && page.count !== null) setTotal({ count: page.count, exact: page.countExact });
  }, [page]);
  const day = today();

  const form = useCaseForm({
    initial: BLANK,
    submit: async (v) => {
      setFilter(toFilter(v));
      setKeys([]);
    },
  });

  return (
    <Card withBorder>
      <FormCard
        form={form}
        withBorder={false}
        p={0}
        submitLabel="查询"
        footer={
          <Button
            variant="default"
            onClick={() => {
              form.reset();
              setFilter(EMPTY);
              setKeys([]);
            }}
          >
            重置
          </Button>
        }
      >
        <SimpleGrid cols={{ base: 2, md: 6 }} spacing="xs">
          <TextInput label="登记编号" {...form.text('regNo')} />
          <TextInput label="姓名" {...form.text('name')} />
          <TextInput label="身份证号" {...form.text('idNo')} />
          <TextInput label="电话" {...form.text('phone')} />
          <TextInput label="全文检索" placeholder="内容关键词" {...form.text('text')} />
          <NativeSelect
            label="乡镇"
            {...form.select('township')}
            data={[{ value: '', label: '全部' }, ...townships]}
          />
          <NativeSelect
            label="类别"
            {...form.select('category')}
            data={[{ value: '', label: '全部' }, ...categories]}
          />
          <NativeSelect
            label="状态"
            {...form.select('state')}
            data={[
              { value: '', label: '全部' },
              ...(Object.keys(STATE_LABELS) as PetitionState[]).map((s) => ({
                value: s,
                label: STATE_LABELS[s],
              })),
            ]}
          />
          <NativeSelect
            label="渠道"
            {...form.select('channel')}
            data={[
              { value: '', label: '全部' },
              ...(Object.keys(CHANNEL_LABELS) as PetitionChannel[]).map((c) => ({
                value: c,
                label: CHANNEL_LABELS[c],
              })),
            ]}
          />
          <DateField label="收件日期从" {...form.input('from')} />
          <DateField label="至" {...form.input('to')} />
        </SimpleGrid>
      </FormCard>

      <Group justify="space-between" mt="md" mb="xs">
        <Text size="sm" aria-live="polite" data-testid="petition-count">
          {page && total ? `${total.exact ? '共' : '至多'} ${total.count} 件` : '查询中…'}
          {page && keys.length > 0 && `，第 ${keys.length + 1} 页`}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={!keys.length} onClick={() => setKeys([])}>
            第一页
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={!keys.length}
            onClick={() => setKeys((k) => k.slice(0, -1))}
          >
            上一页
          </Button>
          <Button
            size="xs"
            disabled={!page?.next}
            onClick={() => page?.next && setKeys((k) => [...k, page.next!])}
          >
            下一页
          </Button>
        </Group>
      </Group>
      <Table striped highlightOnHover fz="sm" aria-label="信访件列表">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>登记编号</Table.Th>
            <Table.Th>收件日期</Table.Th>
            <Table.Th>渠道</Table.Th>
            <Table.Th>信访人</Table.Th>
            <Table.Th>住址/乡镇</Table.Th>
            <Table.Th>类别</Table.Th>
            <Table.Th>内容摘要</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th>下一期限</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page?.rows.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <CaseLink p={p} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.receivedOn}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{CHANNEL_LABELS[p.channel]}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {p.name}
                {p.channel === 'visit' && (p.visitors ?? 1) > 1 ? `等${p.visitors}人` : ''}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} title={p.address || undefined}>
                {p.address ? `${short(p.address, 14)}/` : ''}
                {p.township}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.category}</Table.Td>
              <Table.Td>
                {p.urgent && (
                  <Text span c="red" fw={700} size="sm">
                    【急】
                  </Text>
                )}
                {short(p.summary, 36)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StateBadge state={p.state} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DueBadge due={p.dueOn} kind={p.dueKind} today={day} cal={cal} soonDays={settings.soonDays} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {page && page.rows.length === 0 && (
        <Text c="dimmed" ta="center" my="md">
          没有符合条件的信访件。
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        每页 {PAGE_SIZE} 件，按收件日期由近及远排列。检举揭发件的信访人信息按规定隐去（PET-6）。
      </Text>
    </Card>
  );
}
