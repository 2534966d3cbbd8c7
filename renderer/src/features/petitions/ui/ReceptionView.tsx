// 接访与上访: leaders' reception days (领导接访/约访) and the register of visits to the county,
// city, province and Beijing (到县、到市、赴省、进京), exported from 台帐.
import {
  Anchor,
  Button,
  Card,
  Grid,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { href } from '../../../app/router';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { labelOptions, ListTable } from '../../../components/ListTable';
import { showNotice } from '../../../components/notify';
import { today } from '../../../db/clock';
import type { HigherVisitLevel, ReceptionDay } from '../../../db/schema/petitions';
import { saveHigherVisit, saveReceptionDay } from '../core/commands';
import { recentHigherVisits, recentReceptionDays } from '../core/lookups';
import { linkedCaseNumbers, visitCaseOptions } from '../core/queries';
import { HIGHER_LEVEL_LABELS, RECEPTION_KIND_LABELS } from '../labels';

import {
  Nowrap,
  NOWRAP,
  short,
  useActor,
  useCategories,
  useCaseForm,
  useStaffList,
  useTownships,
} from './ui';

export function ReceptionView() {
  return (
    <Grid>
      <Grid.Col span={{ base: 12, xl: 5 }}>
        <ReceptionDays />
      </Grid.Col>
      <Grid.Col span={{ base: 12, xl: 7 }}>
        <HigherVisits />
      </Grid.Col>
    </Grid>
  );
}

type DayForm = {
  date: string;
  kind: 'reception' | 'appointment';
  leaderId: string;
  place: string;
  topic: string;
  visitors: string;
  cases: string;
  petitionIds: string[];
  notes: string;
};

const blankDay = (): DayForm => ({
  date: today(),
  kind: 'reception',
  leaderId: '',
  place: '县人民来访接待中心',
  topic: '',
  visitors: '0',
  cases: '0',
  petitionIds: [],
  notes: '',
});

function ReceptionDays() {
  const actor = useActor();
  const staff = useStaffList();
  const leaders = staff.filter((s) => s.roles.includes('director') || s.roles.includes('deputy'));
  const list = useLiveQuery(
    async () => {
      const rows = await recentReceptionDays();
      return { rows, regNos: await linkedCaseNumbers(rows) };
    },
    [],
    { rows: [] as ReceptionDay[], regNos: new Map<string, string>() },
  );
  const [editing, setEditing] = useState<string | null>(null);
  const form = useCaseForm({
    initial: blankDay,
    submit: (v) =>
      saveReceptionDay(
        { ...v, visitors: Number(v.visitors), cases: Number(v.cases) },
        actor,
        editing ?? undefined,
      ),
    success: editing ? '已修改' : '已登记',
    onDone: () => {
      setEditing(null);
      form.setValues((o) => ({ ...o, topic: '', notes: '', visitors: '0', cases: '0', petitionIds: [] }));
    },
  });
  const v = form.values;
  const options = useLiveQuery(() => visitCaseOptions(v.date), [v.date], []);
  const setDate = (date: string) => {
    // the picked cases are of the old date: a reception day links only the visits of its own day
    if (date !== v.date && v.petitionIds.length > 0)
      showNotice({
        color: 'yellow',
        title: '关联来访件已移除',
        message: `已移除${v.petitionIds.length}件不是${date || '该日'}登记的来访件`,
        autoClose: 5000,
      });
    form.set('date', date);
    if (date !== v.date) form.set('petitionIds', []);
  };
  const linked = v.petitionIds.length;
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        领导接访、约访
      </Title>
      {/* one named form (the <form> inside FormCard carries no name) */}
      <div role="form" aria-label="领导接访登记">
        <FormCard
          form={form}
          withBorder={false}
          p={0}
          submitLabel={editing ? '保存修改' : '登记接访'}
          footer={
            editing && (
              <Button
                variant="default"
                onClick={() => {
                  setEditing(null);
                  form.reset();
                }}
              >
                取消修改
              </Button>
            )
          }
        >
          <SimpleGrid cols={2} spacing="xs">
            <DateField label="接访日期" {...form.input('date')} onChange={setDate} />
            <NativeSelect label="方式" {...form.select('kind')} data={labelOptions(RECEPTION_KIND_LABELS)} />
            <NativeSelect
              label="接访领导"
              {...form.select('leaderId')}
              data={[{ value: '', label: '请选择' }, ...leaders.map((s) => ({ value: s.id, label: s.name }))]}
            />
            <TextInput label="地点" {...form.text('place')} />
            <TextInput type="number" label="接待人次" {...form.text('visitors')} />
            <TextInput
              type="number"
              label="案件数"
              {...form.text('cases')}
              value={linked ? String(linked) : v.cases}
              disabled={linked > 0}
            />
          </SimpleGrid>
          <MultiSelect
            label="关联来访件"
            description={
              linked
                ? `已关联${linked}件，案件数按关联的来访件计`
                : `${v.date || '该日'}登记的来访件；不关联时（来访人未登记为来访件）案件数按手填`
            }
            placeholder={options.length ? '选择来访件' : undefined}
            nothingFoundMessage="该日没有登记的来访件"
            data={options}
            {...form.input('petitionIds')}
            searchable
            clearable
            hidePickedOptions
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label="主题" {...form.text('topic')} />
          <Textarea label="备注" {...form.text('notes')} autosize minRows={1} />
        </FormCard>
      </div>
      <ListTable
        mt="md"
        highlightOnHover={false}
        aria-label="领导接访列表"
        rows={list.rows}
        head={['日期', '方式', '领导', '地点', '人次/件', '来访件', '']}
        row={(r) => [
          <Nowrap key="d">{r.date}</Nowrap>,
          <Nowrap key="k">{RECEPTION_KIND_LABELS[r.kind]}</Nowrap>,
          <Nowrap key="l">{r.leaderName}</Nowrap>,
          r.place,
          `${r.visitors}/${r.cases}`,
          <Stack key="p" gap={0}>
            {(r.petitionIds ?? []).map((pid) => (
              <Anchor key={pid} href={href('petitions', 'case', pid)} size="sm" style={NOWRAP}>
                {list.regNos.get(pid) ?? '（已删除）'}
              </Anchor>
            ))}
          </Stack>,
          <Button
            key="e"
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => {
              setEditing(r.id);
              form.reset({
                date: r.date,
                kind: r.kind,
                leaderId: r.leaderId ?? '',
                place: r.place,
                topic: r.topic ?? '',
                visitors: String(r.visitors),
                cases: String(r.cases),
                petitionIds: r.petitionIds ?? [],
                notes: r.notes ?? '',
              });
            }}
          >
            修改
          </Button>,
        ]}
      />
    </Card>
  );
}

function HigherVisits() {
  const actor = useActor();
  const townships = useTownships();
  const categories = useCategories();
  const rows = useLiveQuery(() => recentHigherVisits(), [], []);
  const form = useCaseForm({
    initial: () => ({
      date: today(),
      level: 'city' as HigherVisitLevel,
      name: '',
      idNo: '',
      phone: '',
      township: '',
      persons: '1',
      category: '',
      summary: '',
      place: '',
      handledBy: '',
      result: '',
    }),
    submit: (v) => saveHigherVisit({ ...v, persons: Number(v.persons) }, actor),
    success: '已登记',
    onDone: () => form.reset(),
  });
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        到县、到市、赴省、进京上访登记
      </Title>
      <FormCard form={form} withBorder={false} p={0} submitLabel="登记上访">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
          <DateField label="日期" {...form.input('date')} />
          <NativeSelect label="去向" {...form.select('level')} data={labelOptions(HIGHER_LEVEL_LABELS)} />
          <TextInput label="上访人" {...form.text('name')} />
          <TextInput type="number" label="人数" {...form.text('persons')} />
          <TextInput label="身份证号" {...form.text('idNo')} />
          <TextInput label="联系电话" {...form.text('phone')} />
          <NativeSelect
            label="所属乡镇"
            {...form.select('township')}
            data={[{ value: '', label: '请选择' }, ...townships]}
          />
          <NativeSelect
            label="问题类别"
            {...form.select('category')}
            data={[{ value: '', label: '请选择' }, ...categories]}
          />
          <TextInput label="登记地点" {...form.text('place')} />
          <TextInput label="接返/劝返人员" {...form.text('handledBy')} />
          <TextInput label="处理情况" {...form.text('result')} />
        </SimpleGrid>
        <Textarea label="反映问题" {...form.text('summary')} autosize minRows={1} />
      </FormCard>
      <Stack gap={2} mt="md">
        <Text size="xs" c="dimmed">
          最近30条；按月或期间导出请到“台帐—到县到市赴省进京上访台账”。
        </Text>
      </Stack>
      <ListTable
        highlightOnHover={false}
        rows={rows}
        head={['日期', '去向', '上访人', '人数', '乡镇', '反映问题', '处理情况']}
        row={(r) => [
          <Nowrap key="d">{r.date}</Nowrap>,
          <Nowrap key="l">{HIGHER_LEVEL_LABELS[r.level]}</Nowrap>,
          <Nowrap key="n">{r.name}</Nowrap>,
          r.persons,
          <Nowrap key="t">{r.township}</Nowrap>,
          short(r.summary, 24),
          r.result,
        ]}
      />
    </Card>
  );
}
