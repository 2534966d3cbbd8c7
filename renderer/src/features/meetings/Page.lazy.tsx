// 会议: 局长办公会 and 局务会 (attendance, agenda by the regulations' categories, minutes, numbered
// decisions with an owner and follow-up), the decisions register, and the sections' monthly
// reports before the 28th (MTG-1..3).
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { parseISODate, sectionReportDue, staffMeetingDay } from '../../../../shared/rules';
import { href, navigate } from '../../app/router';
import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';
import { currentActor, useCan, useSession } from '../../auth/session';
import { FormCard } from '../../components/FormCard';
import { notifyError, notifyOk } from '../../components/notify';
import { today } from '../../db/clock';
import { db } from '../../db/db';
import type { Meeting, MeetingDecision, MeetingKind } from '../../db/schema/meetings';
import {
  AttendanceEditor,
  attendanceOf,
  bureauStaff,
  attendanceValue,
  DateField,
  Field,
  RuleNote,
  StaffSelect,
  thisYear,
  useFieldErrors,
  useSectionList,
  useStaffBook,
  YearSelect,
} from '../documents/ui';
import type { AttendanceValue, StaffBook } from '../documents/ui';

import { DecisionSelect } from './DecisionSelect';
import { exportDecisionRegister } from './exports';
import { AGENDA_CATEGORIES, FOLLOW_UP_COLORS, FOLLOW_UP_LABELS, L, MEETING_KIND_LABELS } from './labels';
import {
  addDecision,
  createMeeting,
  monthsWithoutDirectorMeeting,
  sectionReportTable,
  setFollowUp,
  submitSectionReport,
  updateMeeting,
} from './repo';
import type { MeetingInput } from './repo';

const TABS: RouteTab[] = [
  { value: 'director', label: L.tabs.director },
  { value: 'staff', label: L.tabs.staff },
  { value: 'decisions', label: L.tabs.decisions },
  { value: 'reports', label: L.tabs.reports },
];
const KIND_OF_TAB: Record<string, MeetingKind> = { director: 'director_office', staff: 'staff' };

export default function MeetingsPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="meetings" tabs={TABS}>
        {(tab, rest) =>
          tab === 'decisions' ? (
            <DecisionsTab focus={rest[0]} />
          ) : tab === 'reports' ? (
            <ReportsTab />
          ) : rest[0] === 'new' ? (
            <MeetingForm kind={KIND_OF_TAB[tab]} tab={tab} />
          ) : rest[0] && rest[1] === 'edit' ? (
            <MeetingForm kind={KIND_OF_TAB[tab]} tab={tab} id={rest[0]} />
          ) : rest[0] ? (
            <MeetingDetail id={rest[0]} tab={tab} />
          ) : (
            <MeetingList kind={KIND_OF_TAB[tab]} tab={tab} />
          )
        }
      </RouteTabs>
    </Stack>
  );
}

function MeetingList({ kind, tab }: { kind: MeetingKind; tab: string }) {
  const manage = useCan('meetings.manage');
  const book = useStaffBook();
  const [year, setYear] = useState(thisYear());
  const meetings = useLiveQuery(
    async () =>
      (await db.meetings.where('[kind+year]').equals([kind, year]).toArray())
        .filter((m) => !m.deletedAt)
        .sort((a, b) => b.date.localeCompare(a.date)),
    [kind, year],
    [],
  );
  const counts = useLiveQuery(async () => {
    const ds = await db.meetingDecisions.where('[meetingKind+year]').equals([kind, year]).toArray();
    const out = new Map<string, number>();
    for (const d of ds.filter((x) => !x.deletedAt)) out.set(d.meetingId, (out.get(d.meetingId) ?? 0) + 1);
    return out;
  }, [kind, year]);
  const through = year === thisYear() ? parseISODate(today()).month : 12;
  const missing = useLiveQuery(
    () =>
      kind === 'director_office' && year <= thisYear()
        ? monthsWithoutDirectorMeeting(year, through)
        : Promise.resolve([]),
    [kind, year, through],
    [],
  );
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <YearSelect value={year} onChange={setYear} />
        {manage && <Button onClick={() => navigate('meetings', tab, 'new')}>{L.newMeeting}</Button>}
      </Group>
      {missing.length > 0 && (
        <Alert color="orange" title="未召开局长办公会的月份（MTG-1 原则上每月一次）">
          {year}年：{missing.map((m) => `${m}月`).join('、')}
        </Alert>
      )}
      {kind === 'staff' && (
        <Text size="sm" c="dimmed">
          局务会一般每月28日召开（本月：
          {staffMeetingDay(parseISODate(today()).year, parseISODate(today()).month)}
          ），全体工作人员参加（MTG-2）。
        </Text>
      )}
      <Table fz="sm" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.date}</Table.Th>
            <Table.Th>会次</Table.Th>
            <Table.Th>{L.chair}</Table.Th>
            <Table.Th>议题</Table.Th>
            <Table.Th>出席/缺席</Table.Th>
            <Table.Th>决定</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meetings.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor href={href('meetings', tab, m.id)}>{m.date}</Anchor>
              </Table.Td>
              <Table.Td>
                {m.year}年第{m.seq}次
              </Table.Td>
              <Table.Td>{book.name(m.chairId)}</Table.Td>
              <Table.Td>{m.agenda.map((a) => a.title).join('；')}</Table.Td>
              <Table.Td>
                {m.attendeeIds.length} / {m.absences.length}
              </Table.Td>
              <Table.Td>{counts?.get(m.id) ?? 0}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {meetings.length === 0 && (
        <Text c="dimmed">
          {year}年没有{MEETING_KIND_LABELS[kind]}记录。
        </Text>
      )}
      <RuleNote ids={[kind === 'director_office' ? 'MTG-1' : 'MTG-2']} />
    </Stack>
  );
}

type AgendaRow = { category: string; title: string };

function defaultExpected(kind: MeetingKind, book: StaffBook): string[] {
  if (kind === 'staff') return bureauStaff(book.list).map((s) => s.id);
  return book.list
    .filter(
      (s) =>
        s.rank === 'director' ||
        s.rank === 'deputy' ||
        (s.roles.includes('office') && s.rank === 'section_head'),
    )
    .map((s) => s.id);
}

function MeetingForm({ kind, tab, id }: { kind: MeetingKind; tab: string; id?: string }) {
  const user = useSession((s) => s.user)!;
  const book = useStaffBook();
  const existing = useLiveQuery(() => (id ? db.meetings.get(id) : undefined), [id]);
  const [draft, setDraft] = useState<{
    date: string;
    chairId: string;
    recorderId: string;
    location: string;
    observerNames: string;
    attendance: AttendanceValue;
    agenda: AgendaRow[];
    minutes: string;
  } | null>(null);
  const { errors, fail, clear, setErrors } = useFieldErrors();
  const [busy, setBusy] = useState(false);
  if ((id && !existing) || book.all.length === 0) return <Text c="dimmed">正在载入…</Text>;
  const cats = AGENDA_CATEGORIES[kind];
  const dir = book.list.find((s) => s.rank === 'director');
  const v = draft ?? {
    date: existing?.date ?? today(),
    chairId: existing?.chairId ?? dir?.id ?? '',
    recorderId: existing?.recorderId ?? (user.roles.includes('office') ? user.staffId : ''),
    location: existing?.location ?? '局会议室',
    observerNames: existing?.observerNames ?? '',
    attendance: existing
      ? attendanceValue(existing.attendeeIds, existing.absences)
      : { expected: defaultExpected(kind, book), present: defaultExpected(kind, book), reasons: {} },
    agenda: existing?.agenda.length ? existing.agenda : [{ category: cats[0], title: '' }],
    minutes: existing?.minutes ?? '',
  };
  const set = (patch: Partial<typeof v>) => setDraft({ ...v, ...patch });
  async function save() {
    clear();
    const e: Record<string, string> = {};
    const att = attendanceOf(v.attendance);
    att.absences.forEach((a, i) => {
      if (!a.reason.trim()) e[`absences.${i}.reason`] = '请填写缺席原因';
    });
    v.agenda.forEach((a, i) => {
      if (!a.title.trim()) e[`agenda.${i}.title`] = '请填写议题';
    });
    if (!v.date) e.date = '请填写会议日期';
    if (Object.keys(e).length) return setErrors(e);
    const input: MeetingInput = {
      kind,
      date: v.date,
      chairId: v.chairId || null,
      recorderId: v.recorderId || null,
      location: v.location,
      observerNames: v.observerNames,
      attendeeIds: att.attendeeIds,
      absences: att.absences,
      agenda: v.agenda,
      minutes: v.minutes,
    };
    setBusy(true);
    try {
      const m = id
        ? await updateMeeting(id, input, currentActor())
        : await createMeeting(input, currentActor());
      notifyOk('已保存会议');
      navigate('meetings', tab, m.id);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Group>
            <Anchor href={href('meetings', tab)}>← {MEETING_KIND_LABELS[kind]}</Anchor>
            <Title order={4}>{id ? '修改会议记录' : `新建${MEETING_KIND_LABELS[kind]}`}</Title>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 4 }}>
            <DateField
              label={L.date}
              value={v.date}
              onChange={(v) => set({ date: v })}
              error={errors.date}
              autoFocus
            />
            <StaffSelect
              label={L.chair}
              staff={book.list.filter((s) => s.roles.includes('director'))}
              value={v.chairId}
              onChange={(x) => set({ chairId: x })}
              error={errors.chairId}
            />
            <StaffSelect
              label={L.recorder}
              staff={book.list.filter((s) => s.roles.includes('office'))}
              value={v.recorderId}
              onChange={(x) => set({ recorderId: x })}
            />
            <TextInput
              label={L.location}
              value={v.location}
              onChange={(e) => set({ location: e.currentTarget.value })}
            />
          </SimpleGrid>
          <AttendanceEditor
            book={book}
            value={v.attendance}
            onChange={(a) => set({ attendance: a })}
            errors={errors}
            expectedLabel={kind === 'staff' ? '应到人员（全体工作人员）' : '应参会人员'}
          />
          <TextInput
            label={L.observers}
            value={v.observerNames}
            onChange={(e) => set({ observerNames: e.currentTarget.value })}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              议题（按会议制度所列内容）
            </Text>
            {v.agenda.map((a, i) => (
              <Group key={i} align="flex-start" wrap="nowrap">
                <NativeSelect
                  aria-label={`${L.agendaCategory}${i + 1}`}
                  w={380}
                  value={a.category}
                  onChange={(e) =>
                    set({
                      agenda: v.agenda.map((x, j) =>
                        j === i ? { ...x, category: e.currentTarget.value } : x,
                      ),
                    })
                  }
                  data={[...cats, '其他']}
                  error={errors[`agenda.${i}.category`]}
                />
                <TextInput
                  aria-label={`${L.agendaTitle}${i + 1}`}
                  placeholder="议题"
                  style={{ flex: 1 }}
                  value={a.title}
                  onChange={(e) =>
                    set({
                      agenda: v.agenda.map((x, j) => (j === i ? { ...x, title: e.currentTarget.value } : x)),
                    })
                  }
                  error={errors[`agenda.${i}.title`]}
                />
                {v.agenda.length > 1 && (
                  <Button
                    variant="subtle"
                    color="gray"
                    onClick={() => set({ agenda: v.agenda.filter((_, j) => j !== i) })}
                  >
                    删除
                  </Button>
                )}
              </Group>
            ))}
            {errors.agenda && (
              <Text c="red" size="sm">
                {errors.agenda}
              </Text>
            )}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => set({ agenda: [...v.agenda, { category: cats[0], title: '' }] })}
              >
                {L.addAgenda}
              </Button>
            </Group>
          </Stack>
          <Textarea
            label={L.minutes}
            value={v.minutes}
            onChange={(e) => set({ minutes: e.currentTarget.value })}
            autosize
            minRows={4}
          />
          <Group>
            <Button type="submit" loading={busy}>
              {L.save}
            </Button>
          </Group>
          <RuleNote ids={[kind === 'director_office' ? 'MTG-1' : 'MTG-2']} />
        </Stack>
      </form>
    </Card>
  );
}

function MeetingDetail({ id, tab }: { id: string; tab: string }) {
  const manage = useCan('meetings.manage');
  const book = useStaffBook();
  const m = useLiveQuery(() => db.meetings.get(id), [id]);
  const decisions = useLiveQuery(
    async () =>
      (await db.meetingDecisions.where('meetingId').equals(id).toArray())
        .filter((d) => !d.deletedAt)
        .sort((a, b) => a.seq - b.seq),
    [id],
    [],
  );
  if (m === undefined) return <Text c="dimmed">正在载入…</Text>;
  if (!m || m.deletedAt) return <Alert color="red">会议不存在。</Alert>;
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Anchor href={href('meetings', tab)}>← {MEETING_KIND_LABELS[m.kind]}</Anchor>
          <Title order={3}>
            {MEETING_KIND_LABELS[m.kind]}（{m.year}年第{m.seq}次，{m.date}）
          </Title>
        </Group>
        {manage && (
          <Button variant="default" onClick={() => navigate('meetings', tab, id, 'edit')}>
            修改
          </Button>
        )}
      </Group>
      <Card withBorder>
        <Stack gap={4}>
          <Field label={L.chair}>{book.name(m.chairId)}</Field>
          <Field label={L.recorder}>{book.name(m.recorderId)}</Field>
          <Field label={L.location}>{m.location ?? ''}</Field>
          <Field label={L.attendees}>{m.attendeeIds.map((x) => book.name(x)).join('、')}</Field>
          <Field label={L.absentees}>
            {m.absences.map((a) => `${book.name(a.staffId)}（${a.reason}）`).join('、')}
          </Field>
          <Field label={L.observers}>{m.observerNames ?? ''}</Field>
          <Field label="议题">
            {m.agenda.map((a, i) => `${i + 1}. ${a.title}〔${a.category}〕`).join('\n')}
          </Field>
          <Field label={L.minutes}>{m.minutes ?? ''}</Field>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={5} mb="xs">
          会议决定
        </Title>
        <DecisionTable decisions={decisions} book={book} />
        {manage && <DecisionForm meeting={m} />}
      </Card>
    </Stack>
  );
}

function DecisionTable({
  decisions,
  book,
  focus,
}: {
  decisions: MeetingDecision[];
  book: StaffBook;
  focus?: string;
}) {
  if (decisions.length === 0)
    return (
      <Text c="dimmed" size="sm">
        尚无决定。
      </Text>
    );
  return (
    <Table fz="sm" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>决定编号</Table.Th>
          <Table.Th>{L.decisionText}</Table.Th>
          <Table.Th>{L.owner}</Table.Th>
          <Table.Th>{L.due}</Table.Th>
          <Table.Th>{L.followUp}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {decisions.map((d) => (
          <Table.Tr key={d.id} bg={focus === d.id ? 'var(--mantine-color-yellow-light)' : undefined}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Anchor href={href('meetings', 'decisions', d.id)}>{d.number}</Anchor>
            </Table.Td>
            <Table.Td>{d.text}</Table.Td>
            <Table.Td>{book.name(d.ownerId)}</Table.Td>
            <Table.Td>{d.dueDate ?? ''}</Table.Td>
            <Table.Td>
              <Badge color={FOLLOW_UP_COLORS[d.followUp]} variant="light">
                {FOLLOW_UP_LABELS[d.followUp]}
              </Badge>
              {d.doneOn ? ` ${d.doneOn}` : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DecisionForm({ meeting }: { meeting: Meeting }) {
  const book = useStaffBook();
  const cats = [...AGENDA_CATEGORIES[meeting.kind], '其他'];
  const empty = () => ({
    text: '',
    category: meeting.agenda[0]?.category ?? cats[0],
    ownerId: '',
    dueDate: '',
  });
  const [v, setV] = useState(empty);
  const { errors, fail, clear, setErrors } = useFieldErrors();
  async function save() {
    clear();
    if (!v.text.trim()) return setErrors({ text: '请填写决定事项' });
    try {
      const d = await addDecision(
        meeting.id,
        { text: v.text, category: v.category, ownerId: v.ownerId || null, dueDate: v.dueDate || null },
        currentActor(),
      );
      notifyOk(`已登记 ${d.number}`);
      setV(empty());
    } catch (e) {
      fail(e, 'text');
    }
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="xs" mt="sm">
        <Textarea
          label={L.decisionText}
          value={v.text}
          onChange={(e) => setV({ ...v, text: e.currentTarget.value })}
          error={errors.text}
          autosize
          minRows={1}
        />
        <Group align="flex-end">
          <NativeSelect
            label={L.agendaCategory}
            w={380}
            value={v.category}
            onChange={(e) => setV({ ...v, category: e.currentTarget.value })}
            data={cats}
          />
          <StaffSelect
            label={L.owner}
            staff={book.list}
            value={v.ownerId}
            onChange={(x) => setV({ ...v, ownerId: x })}
          />
          <DateField
            label={L.due}
            value={v.dueDate}
            onChange={(d) => setV({ ...v, dueDate: d })}
            error={errors.dueDate}
          />
          <Button type="submit">{L.addDecision}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function DecisionsTab({ focus }: { focus?: string }) {
  const book = useStaffBook();
  const user = useSession((s) => s.user)!;
  const manage = useCan('meetings.manage');
  const [year, setYear] = useState(thisYear());
  const [state, setState] = useState('');
  const focused = useLiveQuery(() => (focus ? db.meetingDecisions.get(focus) : undefined), [focus]);
  const list = useLiveQuery(
    async () =>
      (
        await db.meetingDecisions
          .where('meetingDate')
          .between(`${year}-01-01`, `${year}-12-31`, true, true)
          .toArray()
      )
        .filter((d) => !d.deletedAt && (!state || d.followUp === state))
        .sort((a, b) => b.meetingDate.localeCompare(a.meetingDate) || b.seq - a.seq),
    [year, state],
    [],
  );
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <YearSelect value={year} onChange={setYear} />
          <NativeSelect
            label={L.followUp}
            value={state}
            onChange={(e) => setState(e.currentTarget.value)}
            data={[
              { value: '', label: '全部' },
              ...Object.entries(FOLLOW_UP_LABELS).map(([value, label]) => ({ value, label })),
            ]}
          />
          <DecisionSelect
            label="查找局长办公会决定"
            w={420}
            value={focus ?? null}
            onChange={(id) =>
              id ? navigate('meetings', 'decisions', id) : navigate('meetings', 'decisions')
            }
          />
        </Group>
        <Button variant="default" onClick={() => exportDecisionRegister(year).catch(notifyError)}>
          {L.exportExcel}
        </Button>
      </Group>
      {focused && !focused.deletedAt && (manage || focused.ownerId === user.staffId) && (
        <FollowUpForm key={focused.id} decision={focused} book={book} />
      )}
      {focused && !focused.deletedAt && !(manage || focused.ownerId === user.staffId) && (
        <Alert color="blue" title={focused.number}>
          {focused.text}（{FOLLOW_UP_LABELS[focused.followUp]}）
        </Alert>
      )}
      <DecisionTable decisions={list} book={book} focus={focus} />
      <RuleNote ids={['MTG-1']} />
    </Stack>
  );
}

function FollowUpForm({ decision, book }: { decision: MeetingDecision; book: StaffBook }) {
  const [state, setState] = useState<MeetingDecision['followUp']>(decision.followUp);
  const [note, setNote] = useState(decision.followUpNote ?? '');
  const [doneOn, setDoneOn] = useState(decision.doneOn ?? today());
  const { errors, fail, clear } = useFieldErrors();
  async function save() {
    clear();
    try {
      await setFollowUp(
        decision.id,
        { followUp: state, note, doneOn: state === 'done' ? doneOn : null },
        currentActor(),
      );
      notifyOk('已登记落实情况');
    } catch (e) {
      fail(e, 'followUp');
    }
  }
  return (
    <Card withBorder bg="var(--mantine-color-yellow-light)">
      <Text fw={600}>
        {decision.number}（{decision.meetingDate}）
      </Text>
      <Text size="sm" mb="xs">
        {decision.text}；责任人：{book.name(decision.ownerId) || '—'}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Group align="flex-end">
          <NativeSelect
            label={L.followUp}
            value={state}
            onChange={(e) => setState(e.currentTarget.value as MeetingDecision['followUp'])}
            data={Object.entries(FOLLOW_UP_LABELS).map(([value, label]) => ({ value, label }))}
            error={errors.followUp}
          />
          <TextInput
            label={L.followUpNote}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            w={320}
          />
          {state === 'done' && (
            <DateField label="落实日期" value={doneOn} onChange={(v) => setDoneOn(v)} error={errors.doneOn} />
          )}
          <Button type="submit">{L.save}</Button>
        </Group>
      </form>
    </Card>
  );
}

function ReportsTab() {
  const user = useSession((s) => s.user)!;
  const manage = useCan('meetings.manage');
  const sections = useSectionList();
  const book = useStaffBook();
  const now = parseISODate(today());
  const [year, setYear] = useState(now.year);
  const [month, setMonth] = useState(now.month);
  const table = useLiveQuery(() => sectionReportTable(year, month), [year, month], []);
  const mine = sections.filter((s) => manage || s.headId === user.staffId);
  const missing = table.filter((r) => r.state === 'missing');
  return (
    <Stack>
      <Group align="flex-end">
        <YearSelect value={year} onChange={setYear} />
        <NativeSelect
          label={L.reportMonth}
          value={String(month)}
          onChange={(e) => setMonth(Number(e.currentTarget.value))}
          data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }))}
        />
        <Text size="sm" c="dimmed">
          报送期限：{sectionReportDue(year, month)}（每月28日前，MTG-3）
        </Text>
      </Group>
      {missing.length > 0 && (
        <Alert color="orange" title={`未报送（${missing.length}）`}>
          {missing.map((r) => r.section.name).join('、')}
        </Alert>
      )}
      <Table fz="sm" withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.section}</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th>{L.submittedOn}</Table.Th>
            <Table.Th>报送人</Table.Th>
            <Table.Th>{L.workSummary}</Table.Th>
            <Table.Th>{L.nextPlan}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.map((r) => (
            <Table.Tr key={r.section.id}>
              <Table.Td>{r.section.name}</Table.Td>
              <Table.Td>
                <Badge
                  color={r.state === 'on_time' ? 'green' : r.state === 'late' ? 'orange' : 'red'}
                  variant="light"
                >
                  {r.state === 'on_time' ? '按时报送' : r.state === 'late' ? '逾期报送' : '未报送'}
                </Badge>
              </Table.Td>
              <Table.Td>{r.report?.submittedOn ?? ''}</Table.Td>
              <Table.Td>{book.name(r.report?.reporterId)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.report?.workSummary ?? ''}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.report?.nextPlan ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {mine.length > 0 && <ReportForm sections={mine} year={year} month={month} />}
      <RuleNote ids={['MTG-3']} />
    </Stack>
  );
}

function ReportForm({
  sections,
  year,
  month,
}: {
  sections: { id: string; name: string }[];
  year: number;
  month: number;
}) {
  const user = useSession((s) => s.user)!;
  const empty = () => ({
    sectionId: sections[0]?.id ?? '',
    submittedOn: today(),
    workSummary: '',
    nextPlan: '',
  });
  const [v, setV] = useState(empty);
  const { errors, fail, clear, setErrors } = useFieldErrors();
  async function save() {
    clear();
    const e: Record<string, string> = {};
    if (!v.workSummary.trim()) e.workSummary = '请填写本月工作情况';
    if (!v.nextPlan.trim()) e.nextPlan = '请填写下月工作计划';
    if (Object.keys(e).length) return setErrors(e);
    await submitSectionReport({ ...v, year, month, reporterId: user.staffId }, currentActor());
    notifyOk('已报送');
    setV(empty());
  }
  return (
    <FormCard title={`报送${year}年${month}月工作汇报`} submitLabel="报送" onSubmit={save} onError={fail}>
      <Group align="flex-end">
        <NativeSelect
          label={L.section}
          value={v.sectionId}
          onChange={(e) => setV({ ...v, sectionId: e.currentTarget.value })}
          data={sections.map((s) => ({ value: s.id, label: s.name }))}
          error={errors.sectionId}
        />
        <DateField
          label={L.submittedOn}
          value={v.submittedOn}
          onChange={(d) => setV({ ...v, submittedOn: d })}
          error={errors.submittedOn}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Textarea
          label={L.workSummary}
          value={v.workSummary}
          onChange={(e) => setV({ ...v, workSummary: e.currentTarget.value })}
          error={errors.workSummary}
          autosize
          minRows={3}
        />
        <Textarea
          label={L.nextPlan}
          value={v.nextPlan}
          onChange={(e) => setV({ ...v, nextPlan: e.currentTarget.value })}
          error={errors.nextPlan}
          autosize
          minRows={3}
        />
      </SimpleGrid>
    </FormCard>
  );
}
