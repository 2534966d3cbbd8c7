// 信访件: search by number, name, full text, state and date range (ID, phone, township, category and
// channel behind 更多条件); keyset paging (50 a page, 下一页 uses the last row's key; a jump walks the
// keys page by page), count from an index. Dense: a dozen rows and more on a 1366×768 screen.
import {
  Button,
  Card,
  Collapse,
  Group,
  NativeSelect,
  NumberInput,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { useCalendar } from '../../../calendar/calendar';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { labelOptions } from '../../../components/ListTable';
import { today } from '../../../db/clock';
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

// the filters behind 更多条件
const MORE = ['idNo', 'phone', 'township', 'category', 'channel'] as const;

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
  const [more, setMore] = useState(false);
  const [jump, setJump] = useState<string | number>('');
  const [walking, setWalking] = useState(false);
  const pages = total ? Math.max(1, Math.ceil(total.count / PAGE_SIZE)) : null;
  const current = keys.length + 1;

  // to page n: back by dropping keys, forward by reading the pages between (keyset, never offset)
  async function goTo(n: number) {
    if (n < 1 || n === current) return;
    if (n < current) {
      setKeys((k) => k.slice(0, n - 1));
      return;
    }
    setWalking(true);
    try {
      const walked = [...keys];
      let next = page?.next ?? null;
      while (next && walked.length < n - 1) {
        walked.push(next);
        if (walked.length < n - 1) next = (await listPetitions(filter, next)).next;
      }
      setKeys(walked);
    } finally {
      setWalking(false);
    }
  }

  const form = useCaseForm({
    initial: BLANK,
    submit: async (v) => {
      setFilter(toFilter(v));
      setKeys([]);
    },
  });

  function jumpTo(last: number) {
    const n = Number(jump);
    if (jump !== '' && Number.isInteger(n)) void goTo(Math.min(Math.max(n, 1), last));
  }
  const moreSet = MORE.filter((k) => form.values[k]).length;

  return (
    <Card withBorder py="sm">
      <FormCard
        form={form}
        withBorder={false}
        p={0}
        inline
        submitLabel="查询"
        footer={
          <Group gap="xs" mt={24}>
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
            <Button variant="subtle" aria-expanded={more} onClick={() => setMore((m) => !m)}>
              {more ? '收起条件' : '更多条件'}
              {!more && moreSet ? `（${moreSet}）` : ''}
            </Button>
          </Group>
        }
      >
        <TextInput label="登记编号" w={130} {...form.text('regNo')} />
        <TextInput label="姓名" w={100} {...form.text('name')} />
        <TextInput label="全文检索" placeholder="内容关键词" w={150} {...form.text('text')} />
        <NativeSelect
          label="状态"
          w={100}
          {...form.select('state')}
          data={labelOptions(STATE_LABELS, '全部')}
        />
        <DateField label="收件日期从" w={130} {...form.input('from')} />
        <DateField label="至" w={130} {...form.input('to')} />
      </FormCard>
      <Collapse expanded={more}>
        <Group mt="xs" align="flex-start">
          <TextInput label="身份证号" w={190} {...form.text('idNo')} />
          <TextInput label="电话" w={130} {...form.text('phone')} />
          <NativeSelect
            label="乡镇"
            w={130}
            {...form.select('township')}
            data={[{ value: '', label: '全部' }, ...townships]}
          />
          <NativeSelect
            label="类别"
            w={130}
            {...form.select('category')}
            data={[{ value: '', label: '全部' }, ...categories]}
          />
          <NativeSelect
            label="渠道"
            w={110}
            {...form.select('channel')}
            data={labelOptions(CHANNEL_LABELS, '全部')}
          />
        </Group>
      </Collapse>

      <Group justify="space-between" mt="xs" mb={4}>
        <Text size="sm" aria-live="polite" data-testid="petition-count">
          {page && total ? `${total.exact ? '共' : '至多'} ${total.count} 件` : '查询中…'}
          {page && pages && `，第 ${current} 页 / ${total?.exact ? '共' : '至多'} ${pages} 页`}
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
            variant="filled"
            disabled={!page?.next}
            onClick={() => page?.next && setKeys((k) => [...k, page.next!])}
          >
            下一页
          </Button>
          {pages !== null && pages > 1 && (
            <Group gap={4}>
              <NumberInput
                size="xs"
                w={70}
                min={1}
                max={pages}
                allowDecimal={false}
                hideControls
                aria-label="跳到第几页"
                placeholder="页码"
                value={jump}
                onChange={setJump}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') jumpTo(pages);
                }}
              />
              <Button size="xs" variant="default" loading={walking} onClick={() => jumpTo(pages)}>
                跳转
              </Button>
            </Group>
          )}
        </Group>
      </Group>
      <Table striped highlightOnHover aria-label="信访件列表">
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
              {/* one line, as wide as the row leaves it; the whole text on hover */}
              <Table.Td style={{ maxWidth: 0, width: '100%' }} title={p.summary}>
                <Text size="sm" truncate="end">
                  {p.urgent && (
                    <Text span c="red" fw={700} size="sm">
                      【急】
                    </Text>
                  )}
                  {p.summary}
                </Text>
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
