// SUP-2 power-operation records, SUP-1 half-year inspections, the risk register and the SUP-4
// deadline view of the whole bureau.
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { can } from '../../../../shared/permissions';
import { ruleText } from '../../../../shared/rules';
import { collectDeadlines } from '../../app/registry';
import { href, navigate } from '../../app/router';
import { currentActor, useSession } from '../../auth/session';
import { loadCalendar } from '../../calendar/calendar';
import { DeadlineView } from '../../components/DeadlineView';
import { notifyOk } from '../../components/notify';
import { today } from '../../db/clock';
import { db } from '../../db/db';
import { safeRule } from '../finance/ExpensePrint';
import { RuleBadge, StaffMultiSelect, StaffSelect, useFieldErrors, useStaff } from '../finance/ui';

import { L, POWER_KINDS } from './labels';
import { confirmPowerStep, fileInspection, inspectionStatus, openPowerRecord } from './repo';
import { RISKS } from './risks';

// ---------------------------------------------------------------- SUP-2

export function PowerTab({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const [limit, setLimit] = useState(50);
  const [onlyMine, setOnlyMine] = useState(false);
  const rows = useLiveQuery(async () => {
    if (onlyMine)
      return (await db.powerRecords.where('pendingResponsibleId').equals(user.staffId).toArray()).filter(
        (r) => !r.deletedAt,
      );
    return (
      await db.powerRecords
        .orderBy('startedOn')
        .reverse()
        .limit(limit + 1)
        .toArray()
    ).filter((r) => !r.deletedAt);
  }, [limit, onlyMine, user.staffId]);
  if (id === 'new') return <PowerForm />;
  if (id) return <PowerDetail id={id} />;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        SUP-2 {ruleText('SUP-2').text}
      </Text>
      <Group>
        <Button onClick={() => navigate('assessment', 'power', 'new')}>建立权力运行记录</Button>
        <Button variant={onlyMine ? 'filled' : 'default'} onClick={() => setOnlyMine(!onlyMine)}>
          待我确认
        </Button>
      </Group>
      <Table striped highlightOnHover fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>编号</Table.Th>
            <Table.Th>{L.powerKind}</Table.Th>
            <Table.Th>{L.powerTitle}</Table.Th>
            <Table.Th>{L.startedOn}</Table.Th>
            <Table.Th>进度</Table.Th>
            <Table.Th>状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rows ?? []).slice(0, limit).map((r) => {
            const done = r.steps.filter((s) => s.confirmedAt).length;
            const next = r.steps.find((s) => !s.confirmedAt);
            return (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor href={href('assessment', 'power', r.id)} size="sm">
                    {r.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.kind}</Table.Td>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>{r.startedOn}</Table.Td>
                <Table.Td>
                  {done}/{r.steps.length}
                  {next ? ` 待${next.responsibleName}确认“${next.label}”` : ''}
                </Table.Td>
                <Table.Td>
                  <Badge color={r.status === 'done' ? 'green' : 'blue'}>
                    {r.status === 'done' ? '已完成' : '运行中'}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {rows && rows.length > limit && !onlyMine && (
        <Button variant="default" onClick={() => setLimit(limit + 50)}>
          加载更多
        </Button>
      )}
    </Stack>
  );
}

function PowerForm() {
  const { list } = useStaff();
  const user = useSession((s) => s.user)!;
  const [kind, setKind] = useState(POWER_KINDS[6]);
  const [title, setTitle] = useState('');
  const [basis, setBasis] = useState('');
  const [startedOn, setStartedOn] = useState(today());
  const [steps, setSteps] = useState([
    { label: '受理登记', responsibleId: user.staffId },
    { label: '股室审核', responsibleId: '' },
  ]);
  const { errors, fail, clear } = useFieldErrors();
  const setStep = (i: number, p: Partial<(typeof steps)[number]>) =>
    setSteps(steps.map((s, j) => (j === i ? { ...s, ...p } : s)));
  return (
    <Card withBorder maw={860}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          clear();
          try {
            const r = await openPowerRecord({ kind, title, basis, startedOn, steps }, currentActor());
            notifyOk(`已建立 ${r.number}`);
            navigate('assessment', 'power', r.id);
          } catch (err) {
            fail(err, 'title');
          }
        }}
      >
        <Stack>
          <Title order={4}>建立权力运行记录</Title>
          <Group grow align="flex-start">
            <NativeSelect
              label={L.powerKind}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value)}
              data={POWER_KINDS}
            />
            <TextInput
              label={L.startedOn}
              type="date"
              value={startedOn}
              onChange={(e) => setStartedOn(e.currentTarget.value)}
              error={errors.startedOn}
            />
          </Group>
          <TextInput
            label={L.powerTitle}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            autoFocus
            required
          />
          <TextInput
            label={L.basis}
            value={basis}
            onChange={(e) => setBasis(e.currentTarget.value)}
            error={errors.basis}
            required
          />
          {steps.map((s, i) => (
            <Group key={i} align="flex-start" wrap="nowrap">
              <TextInput
                label={`${L.stepLabel}${i + 1}`}
                value={s.label}
                onChange={(e) => setStep(i, { label: e.currentTarget.value })}
                error={errors[`steps.${i}.label`]}
                w={260}
              />
              <StaffSelect
                label={`${L.responsible}${i + 1}`}
                staff={list}
                value={s.responsibleId}
                onChange={(v) => setStep(i, { responsibleId: v })}
                error={errors[`steps.${i}.responsibleId`]}
                w={260}
              />
              {steps.length > 1 && (
                <ActionIcon
                  mt={28}
                  variant="subtle"
                  color="red"
                  aria-label={`删除环节${i + 1}`}
                  onClick={() => setSteps(steps.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {errors.steps && (
            <Text c="red" size="sm">
              {errors.steps}
            </Text>
          )}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => setSteps([...steps, { label: '', responsibleId: '' }])}
            >
              {L.addStep}
            </Button>
          </Group>
          <Group>
            <Button type="submit">{L.openRecord}</Button>
            <Button variant="default" onClick={() => navigate('assessment', 'power')}>
              取消
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function PowerDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const r = useLiveQuery(() => db.powerRecords.get(id), [id]);
  const [note, setNote] = useState('');
  const { errors, fail, clear } = useFieldErrors();
  if (r === undefined) return <Text c="dimmed">正在读取…</Text>;
  if (!r) return <Alert color="red">记录不存在。</Alert>;
  const next = r.steps.findIndex((s) => !s.confirmedAt);
  return (
    <Stack>
      <Anchor href={href('assessment', 'power')}>← 返回权力运行记录</Anchor>
      <Card withBorder>
        <Title order={4}>
          {r.number} {r.title}
        </Title>
        <Text size="sm" mt="xs">
          {r.kind} · 开始：{r.startedOn} · 依据：{r.basis}
        </Text>
        <Table mt="sm" fz="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>环节</Table.Th>
              <Table.Th>责任人</Table.Th>
              <Table.Th>签字确认</Table.Th>
              <Table.Th>说明</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.steps.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  {i + 1}. {s.label}
                </Table.Td>
                <Table.Td>{s.responsibleName}</Table.Td>
                <Table.Td>
                  {s.confirmedAt ? (
                    s.confirmedAt.slice(0, 16).replace('T', ' ')
                  ) : i === next ? (
                    <Badge color="blue">待确认</Badge>
                  ) : (
                    ''
                  )}
                </Table.Td>
                <Table.Td>{s.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {next >= 0 && (
        <Card withBorder>
          <Text size="sm" mb="xs">
            当前环节“{r.steps[next].label}”须由责任人{r.steps[next].responsibleName}
            本人登录签字确认（SUP-2）。
            {r.steps[next].responsibleId !== user.staffId && ' 您不是该环节的责任人。'}
          </Text>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              clear();
              try {
                await confirmPowerStep(r.id, next, note, currentActor());
                setNote('');
                notifyOk('已签字确认');
              } catch (err) {
                fail(err, 'step');
              }
            }}
          >
            <Group align="flex-end">
              <TextInput
                label="确认说明"
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={errors.step}
                w={420}
              />
              <Button type="submit">{L.confirm}</Button>
            </Group>
          </form>
        </Card>
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------- SUP-1

export function InspectTab() {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'assessment.manage');
  const { list, name } = useStaff();
  const status = useLiveQuery(() => inspectionStatus(today()), []);
  const rows = useLiveQuery(
    async () => (await db.inspections.orderBy('inspectedOn').reverse().toArray()).filter((i) => !i.deletedAt),
    [],
  );
  const [inspectedOn, setInspectedOn] = useState(today());
  const [inspectors, setInspectors] = useState<string[]>([]);
  const [scope, setScope] = useState('权力运行程序、行使依据、申报资料、审批结果、制度落实情况');
  const [findings, setFindings] = useState('');
  const [result, setResult] = useState('');
  const [rectification, setRectification] = useState('');
  const { errors, fail, clear } = useFieldErrors();
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        SUP-1 {ruleText('SUP-1').text}
      </Text>
      <Group>
        {(status ?? []).map((s) => (
          <Badge
            key={`${s.year}-${s.half}`}
            size="lg"
            color={s.done ? 'green' : s.due < today() ? 'red' : 'orange'}
          >
            {s.year}年{s.half === 1 ? '上' : '下'}半年：{s.done ? '已检查' : `未检查（${s.due}前）`}
          </Badge>
        ))}
      </Group>
      {manage && (
        <Card withBorder maw={900}>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              clear();
              try {
                await fileInspection(
                  { inspectedOn, inspectorIds: inspectors, scope, findings, result, rectification },
                  currentActor(),
                );
                notifyOk('检查结论已存档备案');
                setFindings('');
                setResult('');
                setRectification('');
              } catch (err) {
                fail(err, 'result');
              }
            }}
          >
            <Title order={5} mb="xs">
              登记半年检查
            </Title>
            <Group grow align="flex-start">
              <TextInput
                label={L.inspectedOn}
                type="date"
                value={inspectedOn}
                onChange={(e) => setInspectedOn(e.currentTarget.value)}
                error={errors.inspectedOn}
              />
              <StaffMultiSelect
                label={L.inspectors}
                staff={list}
                value={inspectors}
                onChange={setInspectors}
                error={errors.inspectorIds}
              />
            </Group>
            <TextInput
              mt="xs"
              label={L.scope}
              value={scope}
              onChange={(e) => setScope(e.currentTarget.value)}
              error={errors.scope}
            />
            <Textarea
              mt="xs"
              label={L.findings}
              value={findings}
              onChange={(e) => setFindings(e.currentTarget.value)}
              error={errors.findings}
              autosize
              minRows={2}
            />
            <Textarea
              mt="xs"
              label={L.result}
              value={result}
              onChange={(e) => setResult(e.currentTarget.value)}
              error={errors.result}
              autosize
              minRows={3}
            />
            <Textarea
              mt="xs"
              label={L.rectification}
              value={rectification}
              onChange={(e) => setRectification(e.currentTarget.value)}
              autosize
              minRows={1}
            />
            <Button type="submit" mt="sm">
              {L.fileInspection}
            </Button>
          </form>
        </Card>
      )}
      {(rows ?? []).map((i) => (
        <Card withBorder key={i.id}>
          <Title order={5}>
            {i.year}年{i.half === 1 ? '上' : '下'}半年权力运行检查（{i.inspectedOn}）
          </Title>
          <Text size="sm">检查人员：{i.inspectorIds.map(name).join('、')}</Text>
          <Text size="sm">检查范围：{i.scope}</Text>
          <Text size="sm">发现问题：{i.findings}</Text>
          <Text size="sm">检查结论：{i.result}</Text>
          {i.rectification && <Text size="sm">整改要求：{i.rectification}</Text>}
        </Card>
      ))}
    </Stack>
  );
}

// ---------------------------------------------------------------- the risk register

export function RisksTab() {
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        《规范权力运行制度》第一部分所列六项权力运行风险及其防范措施，以及本系统中落实每项风险防控的规则和功能。
      </Text>
      {RISKS.map((r) => (
        <Card withBorder key={r.no}>
          <Title order={5}>
            风险{r.no}：{r.risk}
          </Title>
          <Text size="sm" fw={500} mt="xs">
            防范措施
          </Text>
          <List size="sm">
            {r.measures.map((m, i) => (
              <List.Item key={i}>{m}</List.Item>
            ))}
          </List>
          <Text size="sm" fw={500} mt="xs">
            系统控制
          </Text>
          <Table fz="sm" withTableBorder>
            <Table.Tbody>
              {r.controls.map((c, i) => (
                <Table.Tr key={i}>
                  <Table.Td w={90}>
                    <RuleBadge id={c.ruleId} />
                  </Table.Td>
                  <Table.Td w={220}>{c.screen}</Table.Td>
                  <Table.Td>
                    {c.how}
                    <Text size="xs" c="dimmed">
                      {safeRule(c.ruleId)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}

// ---------------------------------------------------------------- SUP-4

export function DeadlinesTab() {
  const user = useSession((s) => s.user)!;
  const items = useLiveQuery(async () => {
    const cal = await loadCalendar();
    return collectDeadlines({ user, today: today(), cal });
  }, [user]);
  const counts = { overdue: 0, due_soon: 0, running: 0 };
  for (const d of items ?? []) counts[d.state]++;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        SUP-4 {ruleText('SUP-4').text}
      </Text>
      <Group>
        <Badge size="lg" color="red">
          已逾期 {counts.overdue}
        </Badge>
        <Badge size="lg" color="orange">
          即将到期 {counts.due_soon}
        </Badge>
        <Badge size="lg" color="blue">
          进行中 {counts.running}
        </Badge>
      </Group>
      {items === undefined ? <Text c="dimmed">正在汇总各模块的期限…</Text> : <DeadlineView items={items} />}
    </Stack>
  );
}
