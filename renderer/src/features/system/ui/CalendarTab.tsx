import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  ScrollArea,
  Select,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconX } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { recomputeSummary } from '../../../calendar/recompute';
import { ConfirmButton } from '../../../components/Confirm';
import { FormCard } from '../../../components/FormCard';
import { errorMessage, notifyError, notifyOk } from '../../../components/notify';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import type { CalendarChange, CalendarImport, DayKind } from '../core/calendar';
import {
  addCalendarDate,
  checkImport,
  importCalendar,
  listCalendarYears,
  parseCalendarFile,
  parseCalendarRows,
  removeCalendarDate,
} from '../core/calendar';
import { weekdayOf } from '../core/format';
import { readXlsxTable } from '../core/staffImport';
import { CALENDAR_FORMAT_HELP, DAY_KIND_LABELS } from '../labels';

export function CalendarTab() {
  const years = useLiveQuery(listCalendarYears, []);
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState<number>(thisYear);
  const yearOptions = [...new Set([...(years ?? []).map((y) => y.year), thisYear, thisYear + 1])]
    .sort()
    .map(String);
  const cur = years?.find((y) => y.year === year);
  const missingNext = years && !years.some((y) => y.year === thisYear + 1);
  const [change, setChange] = useState<CalendarChange | null>(null);
  return (
    <Stack>
      <Card withBorder>
        <Title order={4} mb="xs">
          已有年度
        </Title>
        <Group gap="xs">
          {(years ?? []).map((y) => (
            <Badge
              key={y.year}
              size="lg"
              variant={y.year === year ? 'filled' : 'light'}
              style={{ cursor: 'pointer' }}
              onClick={() => setYear(y.year)}
            >
              {y.year}年：休{y.holidays.length}天 · 班{y.workdays.length}天
            </Badge>
          ))}
          {years?.length === 0 && <Text c="dimmed">还没有任何年度的日历。</Text>}
        </Group>
        {missingNext && (
          <Alert color="orange" mt="sm">
            尚未录入{thisYear + 1}
            年的节假日安排。国务院办公厅通常在每年11–12月公布下一年安排，公布后请在下方导入或逐日添加。 落在
            {thisYear + 1}年的期限暂按无节假日计算，标为“暂定”；导入后自动重算。
          </Alert>
        )}
      </Card>
      {change && <RecomputeCard change={change} onClose={() => setChange(null)} />}
      <YearEditor
        year={year}
        setYear={setYear}
        yearOptions={yearOptions}
        holidays={cur?.holidays ?? []}
        workdays={cur?.workdays ?? []}
        source={cur?.source}
        onChange={setChange}
      />
      <ImportCard existingYears={(years ?? []).map((y) => y.year)} onChange={setChange} />
    </Stack>
  );
}

// What a calendar change did to the stored deadlines: 重算期限：N 件，其中 M 件变动, and what moved.
function RecomputeCard({ change, onClose }: { change: CalendarChange; onClose: () => void }) {
  const { recompute } = change;
  return (
    <Alert
      color={recompute.moved.length ? 'orange' : 'green'}
      title={`${change.years.join('、')}年日历已保存，${recomputeSummary(recompute)}`}
      withCloseButton
      onClose={onClose}
    >
      {recompute.moved.length > 0 ? (
        <Table fz="sm" mt="xs" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>模块</Table.Th>
              <Table.Th>事项</Table.Th>
              <Table.Th>原期限</Table.Th>
              <Table.Th>新期限</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recompute.moved.map((m, i) => (
              <Table.Tr key={`${m.link ?? m.title}-${i}`}>
                <Table.Td>{m.module}</Table.Td>
                <Table.Td>
                  {m.link ? (
                    <Anchor href={m.link} size="sm">
                      {m.title}
                    </Anchor>
                  ) : (
                    m.title
                  )}
                </Table.Td>
                <Table.Td>{m.before ?? '无'}</Table.Td>
                <Table.Td>{m.after ?? '无'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm">已存的期限均未变动。</Text>
      )}
    </Alert>
  );
}

function YearEditor(props: {
  year: number;
  setYear: (y: number) => void;
  yearOptions: string[];
  holidays: string[];
  workdays: string[];
  source?: string;
  onChange: (c: CalendarChange) => void;
}) {
  const { year, holidays, workdays } = props;
  const form = useCommandForm({
    initial: { date: null as string | null, kind: 'holiday' as DayKind },
    check: (v): Record<string, string> => (v.date ? {} : { date: '请选择日期' }),
    submit: (v) => addCalendarDate(v.date!, v.kind),
    success: (c, v) =>
      `已添加 ${v.date}（${v.kind === 'holiday' ? '休' : '班'}），${recomputeSummary(c.recompute)}`,
    onDone: (c, v) => {
      props.onChange(c);
      if (Number(v.date!.slice(0, 4)) !== year) props.setYear(Number(v.date!.slice(0, 4)));
      form.set('date', null);
    },
  });
  const remove = (d: string) =>
    removeCalendarDate(d).then((c) => {
      props.onChange(c);
      notifyOk(`已删除 ${d}，${recomputeSummary(c.recompute)}`);
    }, notifyError);
  const list = (title: string, dates: string[], color: string) => (
    <div>
      <Text fw={500} mb={6}>
        {title}（{dates.length}天）
      </Text>
      <Group gap={6}>
        {dates.map((d) => (
          <Badge
            key={d}
            color={color}
            variant="light"
            size="lg"
            tt="none"
            rightSection={
              <ActionIcon
                size="xs"
                variant="transparent"
                color={color}
                aria-label={`删除 ${d}`}
                onClick={() => remove(d)}
              >
                <IconX size={12} />
              </ActionIcon>
            }
          >
            {d} {weekdayOf(d)}
          </Badge>
        ))}
        {dates.length === 0 && (
          <Text size="sm" c="dimmed">
            无
          </Text>
        )}
      </Group>
    </div>
  );
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{year}年工作日历</Title>
        <Select
          aria-label="年度"
          data={props.yearOptions}
          value={String(year)}
          onChange={(v) => v && props.setYear(Number(v))}
          w={120}
          allowDeselect={false}
        />
      </Group>
      {props.source && (
        <Text size="xs" c="dimmed" mb="sm">
          来源：{props.source}
        </Text>
      )}
      <FormCard form={form} inline submitLabel="添加日期" withBorder={false} p={0} mb="md">
        <DateInput
          label="日期"
          valueFormat="YYYY-MM-DD"
          placeholder="YYYY-MM-DD"
          {...form.input('date')}
          w={220}
          clearable
          defaultDate={`${year}-01-01`}
        />
        <SegmentedControl
          mt={24}
          aria-label="类型"
          data={(Object.keys(DAY_KIND_LABELS) as DayKind[]).map((k) => ({
            value: k,
            label: DAY_KIND_LABELS[k],
          }))}
          value={form.values.kind}
          onChange={(v) => form.set('kind', v as DayKind)}
        />
      </FormCard>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {list('节假日（休）', holidays, 'red')}
        {list('调休上班日（班）', workdays, 'blue')}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        未列出的日期：周一至周五上班，周六、周日休息。期限计算（如信访办理期限）遇节假日顺延到下一个工作日。
      </Text>
    </Card>
  );
}

function ImportCard({
  existingYears,
  onChange,
}: {
  existingYears: number[];
  onChange: (c: CalendarChange) => void;
}) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [imp, setImp] = useState<CalendarImport | null>(null);
  const [source, setSource] = useState('');
  const problems = imp ? checkImport(imp) : [];
  const years = imp ? [...imp.years.keys()].sort() : [];
  const overwriting = years.filter((y) => existingYears.includes(y));

  async function fromFile(f: File | null) {
    setFile(f);
    setImp(null);
    if (!f) return;
    try {
      if (f.name.toLowerCase().endsWith('.xlsx'))
        setImp(parseCalendarRows(await readXlsxTable(await f.arrayBuffer())));
      else setImp(parseCalendarFile(f.name, await f.text()));
      setSource(`导入文件 ${f.name}`);
    } catch (e) {
      setImp({ years: new Map(), problems: [`无法读取文件：${errorMessage(e)}`], days: [] });
    }
  }

  async function run() {
    try {
      const done = await importCalendar(imp!, source || '手工导入');
      onChange(done);
      notifyOk(`已导入 ${done.years.join('、')} 年的工作日历，${recomputeSummary(done.recompute)}`);
      setImp(null);
      setText('');
      setFile(null);
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        导入节假日安排
      </Title>
      <Text size="sm" mb={4}>
        格式说明：
      </Text>
      <Code block mb="sm">
        {CALENDAR_FORMAT_HELP}
      </Code>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs">
          <Textarea
            label="粘贴通知原文或日历文本"
            autosize
            minRows={5}
            maxRows={12}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            placeholder={
              '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n……\n或：2027-01-01 休'
            }
          />
          <Button
            variant="light"
            onClick={() => {
              setFile(null);
              setImp(parseCalendarFile('粘贴.txt', text));
              setSource('手工粘贴导入');
            }}
          >
            读取并预览
          </Button>
        </Stack>
        <FileInput
          label="或选择文件（.txt / .json / .xlsx）"
          accept=".txt,.json,.xlsx,.csv"
          value={file}
          onChange={fromFile}
          clearable
        />
      </SimpleGrid>
      {imp && (
        <Stack mt="md" gap="xs">
          {problems.length > 0 ? (
            <Alert color="red" title="不能导入（全部未导入）">
              {problems.slice(0, 20).map((p) => (
                <div key={p}>{p}</div>
              ))}
              {problems.length > 20 && <div>……共 {problems.length} 处问题</div>}
            </Alert>
          ) : (
            <Alert color="green" title="检查通过，请核对下列日期后保存">
              {years.map((y) => (
                <div key={y}>
                  {y}年：休 {imp.years.get(y)!.holidays.length} 天，班 {imp.years.get(y)!.workdays.length} 天
                  {existingYears.includes(y) ? '（将替换已有的该年日历）' : ''}
                </div>
              ))}
            </Alert>
          )}
          <ImportPreview imp={imp} />
          <Group justify="flex-end">
            {overwriting.length > 0 ? (
              <ConfirmButton
                disabled={problems.length > 0}
                color="orange"
                title="替换已有年度"
                message={`${overwriting.join('、')}年已有日历，导入后将整体替换为文件中的安排。`}
                confirmLabel="替换并保存"
                onConfirm={run}
              >
                保存日历
              </ConfirmButton>
            ) : (
              <Button disabled={problems.length > 0} onClick={run}>
                保存日历
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}

// The days read, one row a date (sorted, a date listed twice shown once per kind), before 保存.
function ImportPreview({ imp }: { imp: CalendarImport }) {
  const rows = new Map<string, CalendarImport['days'][number] & { wheres: string[] }>();
  for (const d of imp.days) {
    const key = `${d.date}|${d.kind}`;
    const row = rows.get(key);
    if (row) {
      if (!row.wheres.includes(d.where)) row.wheres.push(d.where);
    } else rows.set(key, { ...d, wheres: [d.where] });
  }
  const sorted = [...rows.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind),
  );
  if (sorted.length === 0) return null;
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      <Table fz="sm" striped withTableBorder aria-label="读取到的日期" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>日期</Table.Th>
            <Table.Th>星期</Table.Th>
            <Table.Th>类型</Table.Th>
            <Table.Th>节日/备注</Table.Th>
            <Table.Th>出处</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((d) => (
            <Table.Tr key={`${d.date}-${d.kind}`}>
              <Table.Td>{d.date}</Table.Td>
              <Table.Td>{weekdayOf(d.date)}</Table.Td>
              <Table.Td>
                <Badge color={d.kind === 'holiday' ? 'red' : 'blue'} variant="light">
                  {d.kind === 'holiday' ? '休' : '班'}
                </Badge>
              </Table.Td>
              <Table.Td>{d.note ?? ''}</Table.Td>
              <Table.Td>{d.wheres.join('、')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
