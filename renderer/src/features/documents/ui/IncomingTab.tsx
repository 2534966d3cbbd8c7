// 收文: the register (list by year), the registration form, and one document's page with its
// steps (DOC-1), circulation and deadline (DOC-2), where it is now, and the actions of each step.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { circulationDue, deadlineState, INCOMING_STEPS, isISODate } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { DateField, fmtTime, thisYear, YearSelect } from '../../../components/dates';
import { STATE_COLOR, STATE_LABEL } from '../../../components/DeadlineView';
import { Field } from '../../../components/Field';
import { FormCard } from '../../../components/FormCard';
import { notifyError, notifyOk } from '../../../components/notify';
import { ProvisionalBadge } from '../../../components/ProvisionalBadge';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import type { Staff } from '../../../db/schema/core';
import type {
  DocSecrecy,
  DocUrgency,
  IncomingDoc,
  IncomingKind,
  IncomingStatus,
} from '../../../db/schema/documents';
import { useSectionList, useStaffBook } from '../../../org/hooks';
import { exportIncomingRegister } from '../core/exports';
import {
  archiveIncoming,
  chaseCirculation,
  circulate,
  circulationsOf,
  formatProposalBy,
  isUrgent,
  listIncoming,
  markCirculationDone,
  proposalBy,
  proposeHandling,
  recordDecision,
  registerIncoming,
  reportOutcome,
} from '../core/incoming';
import type { IncomingInput } from '../core/incoming';
import { officeDirector } from '../core/outgoing';
import { incomingDoc } from '../core/queries';
import {
  CIRCULATION_ROLE_LABELS,
  INCOMING_KIND_LABELS,
  INCOMING_STATUS_COLORS,
  INCOMING_STATUS_LABELS,
  INCOMING_STATUS_SHORT,
  L,
  SECRECY_LABELS,
  URGENCY_LABELS,
} from '../labels';

import { IncomingPrint } from './IncomingPrint';
import { ArchiveForm, StepCard, useDocForm } from './StepForm';

const PAGE = 50;
const STEP_INDEX: Record<IncomingStatus, number> = {
  registered: 1,
  proposed: 2,
  decided: 3,
  circulating: 3,
  done: 5,
  reported: 6,
  archived: 7,
  destroyed: 7,
};

const opts = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((k) => ({ value: k, label: labels[k] }));

export function IncomingTab({ rest }: { rest: string[] }) {
  const [id, sub] = rest;
  if (id && sub === 'print') return <IncomingPrint id={id} />;
  if (id) return <IncomingDetail id={id} />;
  return <IncomingList />;
}

function IncomingList() {
  const manage = useCan('documents.manage');
  const [year, setYear] = useState(thisYear());
  const [status, setStatus] = useState<string>('');
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [showForm, setShowForm] = useState(false);
  const cal = useCalendar();
  const rows = useLiveQuery(
    () => listIncoming(year, status as IncomingStatus | '', limit),
    [year, status, limit],
  );
  const shown = (rows ?? []).filter(
    (d) => !q || d.title.includes(q) || d.issuer.includes(q) || d.regNo.includes(q),
  );
  const more = (rows?.length ?? 0) > limit;
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <YearSelect
            value={year}
            onChange={(y) => {
              setYear(y);
              setLimit(PAGE);
            }}
          />
          <NativeSelect
            label="状态"
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value);
              setLimit(PAGE);
            }}
            data={[{ value: '', label: '全部' }, ...opts(INCOMING_STATUS_LABELS)]}
          />
          <TextInput
            label="查找"
            placeholder="标题、来文单位、编号"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
        </Group>
        <Group>
          <Button variant="default" onClick={() => exportIncomingRegister(year).catch(notifyError)}>
            {L.exportExcel}
          </Button>
          {manage && (
            <Button onClick={() => setShowForm((s) => !s)}>{showForm ? '收起登记表' : '收文登记'}</Button>
          )}
        </Group>
      </Group>
      {showForm && (
        <IncomingForm
          onSaved={(d) => {
            setShowForm(false);
            navigate('documents', 'incoming', d.id);
          }}
        />
      )}
      <Table striped highlightOnHover fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>收文编号</Table.Th>
            <Table.Th>{L.receivedOn}</Table.Th>
            <Table.Th>{L.issuer}</Table.Th>
            <Table.Th>{L.docTitle}</Table.Th>
            <Table.Th>{L.urgency}</Table.Th>
            <Table.Th>传阅期限</Table.Th>
            <Table.Th>现在何处</Table.Th>
            <Table.Th>状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.slice(0, limit).map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor href={href('documents', 'incoming', d.id)}>{d.regNo}</Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.receivedOn}</Table.Td>
              <Table.Td>{d.issuer}</Table.Td>
              <Table.Td>
                <Anchor href={href('documents', 'incoming', d.id)} size="sm">
                  {d.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {d.urgency === 'normal' ? (
                  URGENCY_LABELS.normal
                ) : (
                  <Badge color="red">{URGENCY_LABELS[d.urgency]}</Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {d.circulationDue ?? ''}
                {d.status === 'circulating' && <ProvisionalBadge due={d.circulationDue} cal={cal} />}
                {d.circulationDue &&
                  d.status === 'circulating' &&
                  deadlineState(d.circulationDue, today(), cal) !== 'running' && (
                    <Badge
                      ml={4}
                      size="xs"
                      color={STATE_COLOR[deadlineState(d.circulationDue, today(), cal)]}
                    >
                      {STATE_LABEL[deadlineState(d.circulationDue, today(), cal)]}
                    </Badge>
                  )}
              </Table.Td>
              <Table.Td>{d.holder}</Table.Td>
              <Table.Td>
                <Badge
                  color={INCOMING_STATUS_COLORS[d.status]}
                  variant="light"
                  title={INCOMING_STATUS_LABELS[d.status]}
                >
                  {INCOMING_STATUS_SHORT[d.status]}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {shown.length === 0 && <Text c="dimmed">{year}年没有收文记录。</Text>}
      {more && (
        <Button variant="subtle" onClick={() => setLimit((l) => l + PAGE)}>
          显示更多
        </Button>
      )}
    </Stack>
  );
}

const EMPTY_INPUT = (): IncomingInput => ({
  kind: 'document',
  receivedOn: today(),
  issuer: '',
  issuerNumber: '',
  title: '',
  urgency: 'normal',
  secrecy: 'none',
  copies: 1,
  copySectionIds: [],
});

function IncomingForm({ onSaved }: { onSaved: (d: IncomingDoc) => void }) {
  const form = useDocForm<IncomingInput, IncomingDoc>({
    initial: EMPTY_INPUT,
    check: (x) => {
      const e: Record<string, string> = {};
      if (!isISODate(x.receivedOn)) e.receivedOn = '请填写收文日期';
      if (!x.issuer.trim()) e.issuer = '请填写来文单位';
      if (!x.title.trim()) e.title = '请填写文件标题';
      return e;
    },
    submit: (x) => registerIncoming(x, currentActor()),
    success: (d) => `已登记：${d.regNo}`,
    onDone: (d) => onSaved(d),
  });
  const { values: v, set, errors } = form;
  const sections = useSectionList();
  const cal = useCalendar();
  const due = isISODate(v.receivedOn) ? circulationDue(v.receivedOn, isUrgent(v.urgency), cal) : '';
  return (
    <FormCard form={form} title="收文签收登记" submitLabel={L.save} gap="sm" titleOrder={4}>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <DateField
          label={L.receivedOn}
          value={v.receivedOn}
          onChange={(v) => set('receivedOn', v)}
          error={errors.receivedOn}
          autoFocus
          withAsterisk
        />
        <NativeSelect
          label={L.kind}
          value={v.kind}
          onChange={(e) => set('kind', e.currentTarget.value as IncomingKind)}
          data={opts(INCOMING_KIND_LABELS)}
        />
        <NumberInput
          label={L.copies}
          value={v.copies}
          min={1}
          onChange={(n) => set('copies', typeof n === 'number' ? n : 0)}
          error={errors.copies}
        />
        <TextInput
          label={L.issuer}
          value={v.issuer}
          onChange={(e) => set('issuer', e.currentTarget.value)}
          error={errors.issuer}
          withAsterisk
        />
        <TextInput
          label={L.issuerNumber}
          placeholder="如：邵信发〔2026〕5号"
          value={v.issuerNumber}
          onChange={(e) => set('issuerNumber', e.currentTarget.value)}
        />
        <NativeSelect
          label={L.urgency}
          value={v.urgency}
          onChange={(e) => set('urgency', e.currentTarget.value as DocUrgency)}
          data={opts(URGENCY_LABELS)}
        />
      </SimpleGrid>
      <TextInput
        label={L.docTitle}
        value={v.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={errors.title}
        withAsterisk
      />
      <Group align="flex-end">
        <NativeSelect
          label={L.secrecy}
          value={v.secrecy}
          onChange={(e) => set('secrecy', e.currentTarget.value as DocSecrecy)}
          data={opts(SECRECY_LABELS)}
        />
        {v.kind === 'letter' && (
          <MultiSelect
            label={L.copySections}
            miw={300}
            value={v.copySectionIds}
            onChange={(ids) => set('copySectionIds', ids)}
            data={sections.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
      </Group>
      {v.kind === 'letter' && <RuleLines ids={['DOC-4']} inline />}
      {due && (
        <Text size="sm" c="dimmed">
          传阅期限：{due}（{isUrgent(v.urgency) ? '紧急文件随到随传阅' : '一般文件5天内传阅完毕'}，DOC-2）
        </Text>
      )}
    </FormCard>
  );
}

function IncomingDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const manage = useCan('documents.manage');
  const book = useStaffBook();
  const cal = useCalendar();
  const doc = useLiveQuery(() => incomingDoc(id), [id]);
  const circs = useLiveQuery(() => circulationsOf(id), [id], []);
  const office = useLiveQuery(officeDirector, []);
  const proposer = useLiveQuery(async () => (doc ? proposalBy(doc) : null), [doc]);
  if (doc === undefined) return <Text c="dimmed">正在载入…</Text>;
  if (!doc) return <Alert color="red">收文记录不存在。</Alert>;
  const mine = circs.find((c) => c.staffId === user.staffId && !c.done);
  const isDirector = user.roles.includes('director');
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Anchor href={href('documents', 'incoming')}>← 收文登记簿</Anchor>
          <Title order={3}>{doc.regNo}</Title>
          <Badge color={INCOMING_STATUS_COLORS[doc.status]}>{INCOMING_STATUS_LABELS[doc.status]}</Badge>
        </Group>
        <Button variant="default" onClick={() => navigate('documents', 'incoming', id, 'print')}>
          收文处理单
        </Button>
      </Group>
      <Group gap={4} aria-label="办理步骤">
        {INCOMING_STEPS.map((s, i) => (
          <Group key={s.key} gap={4} wrap="nowrap">
            {i > 0 && <Text c="dimmed">→</Text>}
            <Badge
              variant={i < STEP_INDEX[doc.status] ? 'filled' : 'light'}
              color={i < STEP_INDEX[doc.status] ? 'green' : i === STEP_INDEX[doc.status] ? 'blue' : 'gray'}
            >
              {s.label}
            </Badge>
          </Group>
        ))}
      </Group>
      <Alert color="blue" title="现在何处">
        <Text size="sm" data-testid="doc-holder">
          {doc.holder}（自 {fmtTime(doc.heldSince)} 起）
        </Text>
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap={4}>
            <Text fw={600}>{doc.title}</Text>
            <Field label={L.receivedOn}>{doc.receivedOn}</Field>
            <Field label={L.issuer}>{doc.issuer}</Field>
            <Field label={L.issuerNumber}>{doc.issuerNumber}</Field>
            <Field label={L.kind}>{INCOMING_KIND_LABELS[doc.kind]}</Field>
            <Field label="紧急程度/密级">{`${URGENCY_LABELS[doc.urgency]} / ${SECRECY_LABELS[doc.secrecy]}`}</Field>
            <Field label={L.copies}>{String(doc.copies)}</Field>
            <Field label={L.proposal}>
              {doc.proposal
                ? `${doc.proposal}（${proposer ? formatProposalBy(proposer) : ''} ${fmtTime(doc.proposedAt)}）`
                : ''}
            </Field>
            <Field label={L.decision}>
              {doc.decision
                ? `${doc.decision}（${book.name(doc.decidedById)} ${fmtTime(doc.decidedAt)}）`
                : ''}
            </Field>
            <Field label="传阅期限">
              {doc.circulationDue ?? ''}
              {doc.status === 'circulating' && <ProvisionalBadge due={doc.circulationDue} cal={cal} />}
            </Field>
            <Field label={L.outcome}>
              {doc.outcome ? `${doc.outcome}（${doc.reportedOn}反馈局长）` : ''}
            </Field>
            <Field label="归档">{doc.archived ? `${doc.archivedOn} ${doc.archiveRef ?? ''}` : ''}</Field>
          </Stack>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            流转记录
          </Text>
          <Timeline bulletSize={12} lineWidth={2} active={doc.trail.length - 1}>
            {doc.trail.map((t, i) => (
              <Timeline.Item key={i} title={<Text size="sm">{t.action}</Text>}>
                <Text size="xs" c="dimmed">
                  {fmtTime(t.at)} · {t.byName} · 在：{t.holder}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      </SimpleGrid>
      {circs.length > 0 && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            传阅、承办
          </Text>
          <Table fz="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>人员</Table.Th>
                <Table.Th>方式</Table.Th>
                <Table.Th>分送时间</Table.Th>
                <Table.Th>期限</Table.Th>
                <Table.Th>阅办情况</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {circs.map((c) => {
                const st = c.done ? null : deadlineState(c.due, today(), cal);
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td>{book.name(c.staffId)}</Table.Td>
                    <Table.Td>{CIRCULATION_ROLE_LABELS[c.role]}</Table.Td>
                    <Table.Td>{fmtTime(c.sentAt)}</Table.Td>
                    <Table.Td>{c.due}</Table.Td>
                    <Table.Td>
                      {c.done ? (
                        `${c.role === 'read' ? '已阅' : '已办理'} ${fmtTime(c.doneAt)}${c.note ? `：${c.note}` : ''}`
                      ) : (
                        <Group gap={4}>
                          <Text size="sm">未阅</Text>
                          {st && st !== 'running' && (
                            <Badge size="xs" color={STATE_COLOR[st]}>
                              {STATE_LABEL[st]}
                            </Badge>
                          )}
                          {c.chaseCount ? (
                            <Badge size="xs" color="gray">
                              已催办{c.chaseCount}次
                            </Badge>
                          ) : null}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {manage && !c.done && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() =>
                            chaseCirculation(c.id, currentActor()).then(
                              () => notifyOk(`已催办 ${book.name(c.staffId)}`),
                              notifyError,
                            )
                          }
                        >
                          {L.chase}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {mine && <ReadForm circulationId={mine.id} role={mine.role} />}
      {(manage || (!!office && office.id === user.staffId)) &&
        (doc.status === 'registered' || doc.status === 'proposed') && (
          <ProposeForm doc={doc} office={office ?? null} />
        )}
      {(manage || isDirector) && (doc.status === 'proposed' || doc.status === 'decided') && (
        <DecisionForm doc={doc} />
      )}
      {manage && ['decided', 'circulating', 'done'].includes(doc.status) && (
        <CirculateForm doc={doc} existing={circs.map((c) => c.staffId)} />
      )}
      {manage && (doc.status === 'done' || doc.status === 'reported') && <OutcomeForm doc={doc} />}
      {manage && doc.status === 'reported' && (
        <ArchiveForm
          initialRef={`${doc.year}-文书-`}
          archive={(ref, on) => archiveIncoming(doc.id, ref, on, currentActor())}
        />
      )}
      <RuleLines ids={['DOC-1', 'DOC-2']} inline />
    </Stack>
  );
}

function ReadForm({ circulationId, role }: { circulationId: string; role: 'read' | 'handle' }) {
  const form = useDocForm(
    {
      initial: { note: '' },
      submit: (v) => markCirculationDone(circulationId, v.note, currentActor()),
      success: role === 'read' ? '已登记已阅' : '已登记办理完毕',
    },
    'note',
  );
  return (
    <StepCard
      form={form}
      bg="var(--mantine-color-yellow-light)"
      submitLabel={role === 'read' ? L.markRead : L.markHandled}
    >
      <Textarea
        label={role === 'read' ? L.readNote : '办理情况'}
        {...form.text('note')}
        autosize
        minRows={1}
        w={480}
        autoFocus
      />
    </StepCard>
  );
}

// DOC-1: the office director writes the 拟办意见; the clerk may type it in for them (代录), saying so.
function ProposeForm({ doc, office }: { doc: IncomingDoc; office: Staff | null }) {
  const user = useSession((s) => s.user)!;
  const own = !!office && office.id === user.staffId;
  const form = useDocForm(
    {
      initial: { proposal: doc.proposal ?? '', onBehalf: false },
      submit: (v) =>
        proposeHandling(doc.id, v.proposal, currentActor(), {
          onBehalfOf: v.onBehalf && office ? office.id : null,
        }),
      success: '已填写拟办意见，送局长批办',
    },
    'proposal',
  );
  return (
    <StepCard form={form} submitLabel="保存拟办意见">
      <Textarea
        label={L.proposal}
        placeholder="办公室主任拟办意见"
        {...form.text('proposal')}
        autosize
        minRows={1}
        w={480}
      />
      {!office ? (
        <Text size="sm" c="red">
          未设置办公室主任：请在“系统—组织”中设置办公室负责人
        </Text>
      ) : own ? (
        <Text size="sm" c="dimmed">
          {L.proposer}：{office.name}（本人）
        </Text>
      ) : (
        <Checkbox
          label={`按办公室主任${office.name}的意见${L.recordedFor}`}
          {...form.checkbox('onBehalf')}
          error={form.errors.onBehalfOf}
        />
      )}
    </StepCard>
  );
}

function DecisionForm({ doc }: { doc: IncomingDoc }) {
  const user = useSession((s) => s.user)!;
  const book = useStaffBook();
  const directors = book.list.filter((s) => s.roles.includes('director'));
  const form = useDocForm(
    {
      initial: {
        decision: doc.decision ?? '',
        by: doc.decidedById ?? (user.roles.includes('director') ? user.staffId : ''),
      },
      submit: (v) => recordDecision(doc.id, v.decision, v.by || directors[0]?.id || '', currentActor()),
      success: '已登记批办意见',
    },
    'decision',
  );
  return (
    <StepCard form={form} submitLabel="登记批办">
      <Textarea
        label={L.decision}
        placeholder="局长批办意见"
        {...form.text('decision')}
        autosize
        minRows={1}
        w={420}
      />
      <NativeSelect
        label={L.decider}
        value={form.values.by || directors[0]?.id || ''}
        onChange={(e) => form.set('by', e.currentTarget.value)}
        data={directors.map((s) => ({ value: s.id, label: s.name }))}
        error={form.errors.decidedById}
      />
    </StepCard>
  );
}

function CirculateForm({ doc, existing }: { doc: IncomingDoc; existing: string[] }) {
  const book = useStaffBook();
  const cal = useCalendar();
  const form = useDocForm(
    {
      initial: { readers: [] as string[], handlers: [] as string[] },
      submit: (v) => circulate(doc.id, { readers: v.readers, handlers: v.handlers }, currentActor(), cal),
      success: '已分送',
      onDone: () => form.reset(),
    },
    'readers',
  );
  const { readers, handlers } = form.values;
  const candidates = book.list.filter((s) => !existing.includes(s.id));
  const due = circulationDue(doc.receivedOn, isUrgent(doc.urgency), cal);
  const data = candidates.map((s) => ({ value: s.id, label: s.name }));
  return (
    <FormCard
      form={form}
      title={existing.length ? '追加分送' : '分送传阅、承办'}
      titleOrder={6}
      submitLabel={L.circulate}
      footer={
        <Text size="sm" c="dimmed">
          传阅期限：{due}（{isUrgent(doc.urgency) ? '紧急文件随到随传阅' : '收文后5天内传阅完毕'}，DOC-2）
        </Text>
      }
    >
      <Group align="flex-start" grow>
        <MultiSelect
          label={L.readers}
          searchable
          hidePickedOptions
          {...form.input('readers')}
          data={data.filter((d) => !handlers.includes(d.value))}
        />
        <MultiSelect
          label={L.handlers}
          searchable
          hidePickedOptions
          {...form.input('handlers')}
          data={data.filter((d) => !readers.includes(d.value))}
        />
      </Group>
    </FormCard>
  );
}

function OutcomeForm({ doc }: { doc: IncomingDoc }) {
  const form = useDocForm(
    {
      initial: () => ({ outcome: doc.outcome ?? '', on: doc.reportedOn ?? today() }),
      submit: (v) => reportOutcome(doc.id, v.outcome, v.on, currentActor()),
      success: '办理结果已反馈局长',
    },
    'outcome',
  );
  return (
    <StepCard form={form} submitLabel={L.reportBack}>
      <Textarea label={L.outcome} {...form.text('outcome')} autosize minRows={1} w={420} />
      <DateField label="反馈日期" {...form.input('on')} error={form.errors.reportedOn} />
    </StepCard>
  );
}
