// 学习: Friday collective study and the study group with attendance (STU-1, STU-2), the quarterly
// notes check (STU-3), papers per person per year with the year-end list (STU-4), tuition and
// exam-cost claims at 2/3 (STU-5).
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import {
  fenToYuan,
  formatYuan,
  parseISODate,
  studyQuarter,
  tuitionReimbursement,
  yuanToFen,
} from '../../../../shared/rules';
import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';
import { currentActor, useCan, useSession } from '../../auth/session';
import { useCalendar } from '../../calendar/calendar';
import { FormCard } from '../../components/FormCard';
import { notifyError, notifyOk } from '../../components/notify';
import { today } from '../../db/clock';
import { db } from '../../db/db';
import type {
  NotesCheckResult,
  StudyPaperKind,
  StudySessionKind,
  TuitionClaimKind,
} from '../../db/schema/meetings';
import {
  AttendanceEditor,
  attendanceOf,
  bureauStaff,
  DateField,
  RuleNote,
  StaffSelect,
  thisYear,
  useFieldErrors,
  useSectionList,
  useStaffBook,
  YearSelect,
} from '../documents/ui';
import type { AttendanceValue } from '../documents/ui';

import { exportPaperRegister, exportStudyAttendance } from './exports';
import {
  CLAIM_KIND_LABELS,
  CLAIM_STATUS_LABELS,
  DEGREES,
  L,
  NOTES_RESULT_LABELS,
  PAPER_KIND_LABELS,
  SESSION_KIND_LABELS,
} from './labels';
import {
  fridaysWithoutSession,
  papersMissing,
  groupMonthsMissing,
  notesCheckTable,
  papersByStaff,
  recordNotesCheck,
  recordPaper,
  recordSession,
  submitTuitionClaim,
} from './repo';

const TABS: RouteTab[] = [
  { value: 'sessions', label: L.tabs.sessions },
  { value: 'notes', label: L.tabs.notes },
  { value: 'papers', label: L.tabs.papers },
  { value: 'tuition', label: L.tabs.tuition },
];

export default function StudyPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="study" tabs={TABS}>
        {(tab) =>
          tab === 'sessions' ? (
            <SessionsTab />
          ) : tab === 'notes' ? (
            <NotesTab />
          ) : tab === 'papers' ? (
            <PapersTab />
          ) : (
            <TuitionTab />
          )
        }
      </RouteTabs>
    </Stack>
  );
}

function SessionsTab() {
  const manage = useCan('study.manage');
  const book = useStaffBook();
  const cal = useCalendar();
  const [year, setYear] = useState(thisYear());
  const sessions = useLiveQuery(
    async () =>
      (
        await db.studySessions
          .where('date')
          .between(`${year}-01-01`, `${year}-12-31`, true, true)
          .reverse()
          .toArray()
      ).filter((s) => !s.deletedAt),
    [year],
    [],
  );
  const now = parseISODate(today());
  const through = year === now.year ? now.month : 12;
  const missingFridays = useLiveQuery(
    () =>
      year === now.year ? fridaysWithoutSession(now.year, now.month, cal, today()) : Promise.resolve([]),
    [year, cal],
    [],
  );
  const groupMissing = useLiveQuery(
    () => (year <= now.year ? groupMonthsMissing(year, through) : Promise.resolve([])),
    [year, through],
    [],
  );
  return (
    <Stack>
      {manage && <SessionForm />}
      {(missingFridays.length > 0 || groupMissing.length > 0) && (
        <Alert color="orange" title="学习提醒">
          {missingFridays.length > 0 && (
            <Text size="sm">本月未登记的周五集中学习（STU-1）：{missingFridays.join('、')}</Text>
          )}
          {groupMissing.length > 0 && (
            <Text size="sm">
              {year}年学习中心组未集中学习的月份（STU-2）：{groupMissing.map((m) => `${m}月`).join('、')}
            </Text>
          )}
        </Alert>
      )}
      <Group justify="space-between" align="flex-end">
        <YearSelect value={year} onChange={setYear} />
        <Button variant="default" onClick={() => exportStudyAttendance(year).catch(notifyError)}>
          {L.exportExcel}
        </Button>
      </Group>
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.date}</Table.Th>
            <Table.Th>{L.kind}</Table.Th>
            <Table.Th>{L.topic}</Table.Th>
            <Table.Th>{L.speaker}</Table.Th>
            <Table.Th>实到/应到</Table.Th>
            <Table.Th>缺席人员及原因</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.date}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{SESSION_KIND_LABELS[s.kind]}</Table.Td>
              <Table.Td>{s.topic}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.speaker}</Table.Td>
              <Table.Td>
                {s.attendeeIds.length}/{s.attendeeIds.length + s.absences.length}
              </Table.Td>
              <Table.Td>
                {s.absences.map((a) => `${book.name(a.staffId)}（${a.reason}）`).join('；')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {sessions.length === 0 && <Text c="dimmed">{year}年没有集中学习记录。</Text>}
      <RuleNote ids={['STU-1', 'STU-2']} />
    </Stack>
  );
}

function SessionForm() {
  const book = useStaffBook();
  const cal = useCalendar();
  const [draft, setDraft] = useState<{
    kind: StudySessionKind;
    date: string;
    topic: string;
    speaker: string;
    attendance: AttendanceValue | null;
  }>({
    kind: 'friday',
    date: today(),
    topic: '',
    speaker: '',
    attendance: null,
  });
  const { errors, fail, clear, setErrors } = useFieldErrors();
  const everyone = bureauStaff(book.list).map((s) => s.id);
  const leaders = book.list
    .filter((s) => s.rank === 'director' || s.rank === 'deputy' || s.rank === 'section_head')
    .map((s) => s.id);
  const attendance = draft.attendance ?? {
    expected: draft.kind === 'group' ? leaders : everyone,
    present: draft.kind === 'group' ? leaders : everyone,
    reasons: {},
  };
  async function save() {
    clear();
    const att = attendanceOf(attendance);
    const e: Record<string, string> = {};
    att.absences.forEach((a, i) => {
      if (!a.reason.trim()) e[`absences.${i}.reason`] = '请填写缺席原因';
    });
    if (!draft.topic.trim()) e.topic = '请填写学习内容';
    if (Object.keys(e).length) return setErrors(e);
    await recordSession(
      { kind: draft.kind, date: draft.date, topic: draft.topic, speaker: draft.speaker, ...att },
      cal,
      currentActor(),
    );
    notifyOk('已登记集中学习');
    setDraft({ ...draft, topic: '', speaker: '', attendance: null });
  }
  return (
    <FormCard title="登记集中学习" submitLabel={L.save} showBusy gap="sm" onSubmit={save} onError={fail}>
      <SimpleGrid cols={{ base: 1, md: 4 }}>
        <NativeSelect
          label={L.kind}
          value={draft.kind}
          onChange={(e) =>
            setDraft({ ...draft, kind: e.currentTarget.value as StudySessionKind, attendance: null })
          }
          data={Object.entries(SESSION_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <DateField
          label={L.date}
          value={draft.date}
          onChange={(d) => setDraft({ ...draft, date: d })}
          error={errors.date}
        />
        <TextInput
          label={L.topic}
          value={draft.topic}
          onChange={(e) => setDraft({ ...draft, topic: e.currentTarget.value })}
          error={errors.topic}
        />
        <TextInput
          label={L.speaker}
          value={draft.speaker}
          onChange={(e) => setDraft({ ...draft, speaker: e.currentTarget.value })}
        />
      </SimpleGrid>
      {book.list.length > 0 && (
        <AttendanceEditor
          book={book}
          value={attendance}
          onChange={(a) => setDraft({ ...draft, attendance: a })}
          errors={errors}
          expectedLabel={draft.kind === 'group' ? '中心组成员' : '应到人员（全体工作人员）'}
        />
      )}
    </FormCard>
  );
}

const RESULTS = Object.entries(NOTES_RESULT_LABELS).map(([value, label]) => ({ value, label }));

function NotesTab() {
  const manage = useCan('study.manage');
  const book = useStaffBook();
  const sections = useSectionList();
  const [year, setYear] = useState(thisYear());
  const [quarter, setQuarter] = useState(studyQuarter(today()));
  const rows = useLiveQuery(
    () => notesCheckTable(year, quarter, bureauStaff(book.list)),
    [year, quarter, book.list],
    [],
  );
  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  const unchecked = rows.filter((r) => !r.check).length;
  return (
    <Stack>
      <Group align="flex-end">
        <YearSelect value={year} onChange={setYear} />
        <NativeSelect
          label={L.quarter}
          value={String(quarter)}
          onChange={(e) => setQuarter(Number(e.currentTarget.value) as 1 | 2 | 3 | 4)}
          data={['1', '2', '3', '4'].map((q) => ({ value: q, label: `第${q}季度` }))}
        />
        <Text size="sm" c="dimmed">
          未检查：{unchecked}人
        </Text>
      </Group>
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.staff}</Table.Th>
            <Table.Th>股室</Table.Th>
            <Table.Th>{L.collective}</Table.Th>
            <Table.Th>{L.selfStudy}</Table.Th>
            <Table.Th>{L.checkedOn}</Table.Th>
            <Table.Th>{L.remark}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <NotesRow
              key={r.staff.id}
              row={r}
              section={sectionName.get(r.staff.sectionId ?? '') ?? ''}
              year={year}
              quarter={quarter}
              manage={manage}
            />
          ))}
        </Table.Tbody>
      </Table>
      <RuleNote ids={['STU-3']} />
    </Stack>
  );
}

function NotesRow({
  row,
  section,
  year,
  quarter,
  manage,
}: {
  row: Awaited<ReturnType<typeof notesCheckTable>>[number];
  section: string;
  year: number;
  quarter: number;
  manage: boolean;
}) {
  const c = row.check;
  const [collective, setCollective] = useState<NotesCheckResult>(c?.collective ?? 'good');
  const [selfStudy, setSelfStudy] = useState<NotesCheckResult>(c?.selfStudy ?? 'good');
  const [remark, setRemark] = useState(c?.remark ?? '');
  const { errors, fail, clear } = useFieldErrors();
  if (!manage)
    return (
      <Table.Tr>
        <Table.Td>{row.staff.name}</Table.Td>
        <Table.Td>{section}</Table.Td>
        <Table.Td>{c ? NOTES_RESULT_LABELS[c.collective] : '未检查'}</Table.Td>
        <Table.Td>{c ? NOTES_RESULT_LABELS[c.selfStudy] : ''}</Table.Td>
        <Table.Td>{c?.checkedOn ?? ''}</Table.Td>
        <Table.Td>{c?.remark ?? ''}</Table.Td>
      </Table.Tr>
    );
  async function save() {
    clear();
    try {
      await recordNotesCheck(
        { staffId: row.staff.id, year, quarter, checkedOn: today(), collective, selfStudy, remark },
        currentActor(),
      );
      notifyOk(`已登记 ${row.staff.name}`);
    } catch (e) {
      fail(e, 'checkedOn');
    }
  }
  return (
    <Table.Tr>
      <Table.Td>{row.staff.name}</Table.Td>
      <Table.Td>{section}</Table.Td>
      <Table.Td>
        <NativeSelect
          size="xs"
          aria-label={`${row.staff.name}${L.collective}`}
          value={collective}
          onChange={(e) => setCollective(e.currentTarget.value as NotesCheckResult)}
          data={RESULTS}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          size="xs"
          aria-label={`${row.staff.name}${L.selfStudy}`}
          value={selfStudy}
          onChange={(e) => setSelfStudy(e.currentTarget.value as NotesCheckResult)}
          data={RESULTS}
        />
      </Table.Td>
      <Table.Td>
        {c ? (
          c.checkedOn
        ) : (
          <Badge color="gray" variant="light">
            未检查
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="xs"
            aria-label={`${row.staff.name}${L.remark}`}
            value={remark}
            onChange={(e) => setRemark(e.currentTarget.value)}
            error={errors.checkedOn}
          />
          <Button size="xs" variant="light" onClick={save}>
            {c ? '更新' : '登记'}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function PapersTab() {
  const manage = useCan('study.manage');
  const user = useSession((s) => s.user)!;
  const book = useStaffBook();
  const sections = useSectionList();
  const [year, setYear] = useState(thisYear());
  const counts = useLiveQuery(() => papersByStaff(year), [year], {} as Record<string, number>);
  const papers = useLiveQuery(
    async () =>
      (await db.studyPapers.where('year').equals(year).toArray())
        .filter((p) => !p.deletedAt)
        .sort((a, b) => b.writtenOn.localeCompare(a.writtenOn)),
    [year],
    [],
  );
  // STU-4: the year-end list, by the rule (yearEndPapersMissing).
  const missing = useLiveQuery(
    () => papersMissing(year, bureauStaff(book.list)),
    [year, book.list, counts],
    [],
  );
  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  return (
    <Stack>
      <PaperForm staff={manage ? book.list : book.list.filter((s) => s.id === user.staffId)} />
      <Group justify="space-between" align="flex-end">
        <YearSelect value={year} onChange={setYear} />
        <Button variant="default" onClick={() => exportPaperRegister(year).catch(notifyError)}>
          {L.exportExcel}
        </Button>
      </Group>
      <Alert
        color={missing.length ? 'orange' : 'green'}
        title={`${year}年未完成学习心得或论文的人员（STU-4，年底名单）`}
      >
        {missing.length
          ? missing
              .map((s) =>
                s.sectionId && sectionName.get(s.sectionId)
                  ? `${s.name}（${sectionName.get(s.sectionId)}）`
                  : s.name,
              )
              .join('、')
          : '全部完成'}
      </Alert>
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.staff}</Table.Th>
            <Table.Th>{L.paperKind}</Table.Th>
            <Table.Th>{L.paperTitle}</Table.Th>
            <Table.Th>{L.writtenOn}</Table.Th>
            <Table.Th>{L.publishedIn}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {papers.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{book.name(p.staffId)}</Table.Td>
              <Table.Td>{PAPER_KIND_LABELS[p.kind]}</Table.Td>
              <Table.Td>{p.title}</Table.Td>
              <Table.Td>{p.writtenOn}</Table.Td>
              <Table.Td>{p.publishedIn}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RuleNote ids={['STU-4']} />
    </Stack>
  );
}

function PaperForm({ staff }: { staff: ReturnType<typeof useStaffBook>['list'] }) {
  const user = useSession((s) => s.user)!;
  const empty = () => ({
    staffId: user.staffId,
    writtenOn: today(),
    kind: 'reflection' as StudyPaperKind,
    title: '',
    publishedIn: '',
  });
  const [v, setV] = useState(empty);
  const { errors, fail, clear, setErrors } = useFieldErrors();
  async function save() {
    clear();
    if (!v.title.trim()) return setErrors({ title: '请填写题目' });
    await recordPaper(v, currentActor());
    notifyOk('已登记');
    setV(empty());
  }
  return (
    <FormCard inline submitLabel="登记心得论文" onSubmit={save} onError={fail}>
      <StaffSelect
        label={L.staff}
        staff={staff}
        value={v.staffId}
        onChange={(id) => setV({ ...v, staffId: id })}
        error={errors.staffId ?? errors.permission}
      />
      <NativeSelect
        label={L.paperKind}
        value={v.kind}
        onChange={(e) => setV({ ...v, kind: e.currentTarget.value as StudyPaperKind })}
        data={Object.entries(PAPER_KIND_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <TextInput
        label={L.paperTitle}
        w={320}
        value={v.title}
        onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
        error={errors.title}
      />
      <DateField
        label={L.writtenOn}
        value={v.writtenOn}
        onChange={(d) => setV({ ...v, writtenOn: d })}
        error={errors.writtenOn}
      />
      <TextInput
        label={L.publishedIn}
        value={v.publishedIn}
        onChange={(e) => setV({ ...v, publishedIn: e.currentTarget.value })}
      />
    </FormCard>
  );
}

function TuitionTab() {
  const manage = useCan('study.manage');
  const user = useSession((s) => s.user)!;
  const book = useStaffBook();
  const claims = useLiveQuery(
    async () =>
      (await db.tuitionClaims.toArray())
        .filter((c) => !c.deletedAt && (manage || c.staffId === user.staffId))
        .sort((a, b) => (b.submittedOn ?? '').localeCompare(a.submittedOn ?? '')),
    [manage, user.staffId],
    [],
  );
  return (
    <Stack>
      <TuitionForm staff={manage ? book.list : book.list.filter((s) => s.id === user.staffId)} />
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>日期</Table.Th>
            <Table.Th>{L.staff}</Table.Th>
            <Table.Th>{L.claimKind}</Table.Th>
            <Table.Th>{L.description}</Table.Th>
            <Table.Th ta="right">实缴（元）</Table.Th>
            <Table.Th ta="right">可报销（元）</Table.Th>
            <Table.Th>状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {claims.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.submittedOn}</Table.Td>
              <Table.Td>{book.name(c.staffId)}</Table.Td>
              <Table.Td>
                {CLAIM_KIND_LABELS[c.kind]}
                {c.degree ? `（${c.degree}）` : ''}
              </Table.Td>
              <Table.Td>{c.description}</Table.Td>
              <Table.Td ta="right">{formatYuan(c.paidFen)}</Table.Td>
              <Table.Td ta="right">{formatYuan(c.reimbursableFen)}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={c.status === 'paid' ? 'green' : c.status === 'claimed' ? 'blue' : 'orange'}
                >
                  {CLAIM_STATUS_LABELS[c.status]}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {claims.length === 0 && <Text c="dimmed">没有学费报销登记。</Text>}
      <RuleNote ids={['STU-5']} />
    </Stack>
  );
}

function parseYuan(text: string): number | null {
  try {
    return yuanToFen(text.trim());
  } catch {
    return null;
  }
}

function TuitionForm({ staff }: { staff: ReturnType<typeof useStaffBook>['list'] }) {
  const user = useSession((s) => s.user)!;
  const empty = () => ({
    staffId: user.staffId,
    kind: 'tuition' as TuitionClaimKind,
    degree: '本科',
    description: '',
    paid: '',
    submittedOn: today(),
  });
  const [v, setV] = useState(empty);
  const { errors, fail, clear, setErrors } = useFieldErrors();
  const fen = parseYuan(v.paid);
  const reimbursable = fen && fen > 0 ? (v.kind === 'tuition' ? tuitionReimbursement(fen) : fen) : null;
  async function save() {
    clear();
    const e: Record<string, string> = {};
    if (!fen || fen <= 0) e.paidFen = '请填写实缴金额（元，最多两位小数）';
    if (!v.description.trim()) e.description = '请填写说明';
    if (Object.keys(e).length) return setErrors(e);
    await submitTuitionClaim(
      {
        staffId: v.staffId,
        kind: v.kind,
        degree: v.kind === 'tuition' ? v.degree : undefined,
        description: v.description,
        paidFen: fen!,
        submittedOn: v.submittedOn,
      },
      currentActor(),
    );
    notifyOk('已登记，待报销');
    setV(empty());
  }
  return (
    <FormCard
      title="学费、考试费用报销登记"
      submitLabel="登记"
      footer={
        <Text size="sm" c="dimmed">
          {L.reimbursable}：{reimbursable !== null ? `${fenToYuan(reimbursable).toFixed(2)}元` : '—'}
          {v.kind === 'tuition' ? '（学费的三分之二）' : '（全额）'}
        </Text>
      }
      onSubmit={save}
      onError={fail}
    >
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <StaffSelect
          label={L.staff}
          staff={staff}
          value={v.staffId}
          onChange={(id) => setV({ ...v, staffId: id })}
          error={errors.staffId}
        />
        <NativeSelect
          label={L.claimKind}
          value={v.kind}
          onChange={(e) => setV({ ...v, kind: e.currentTarget.value as TuitionClaimKind })}
          data={Object.entries(CLAIM_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        {v.kind === 'tuition' ? (
          <NativeSelect
            label={L.degree}
            value={v.degree}
            onChange={(e) => setV({ ...v, degree: e.currentTarget.value })}
            data={[...DEGREES]}
            error={errors.degree}
          />
        ) : (
          <div />
        )}
        <TextInput
          label={L.description}
          placeholder={
            v.kind === 'tuition' ? '如：函授本科（法学）学费' : '如：县公开选拔报名费、体检费、差旅费'
          }
          value={v.description}
          onChange={(e) => setV({ ...v, description: e.currentTarget.value })}
          error={errors.description}
        />
        <TextInput
          label={L.paidYuan}
          value={v.paid}
          onChange={(e) => setV({ ...v, paid: e.currentTarget.value })}
          error={errors.paidFen}
          inputMode="decimal"
        />
        <DateField
          label="登记日期"
          value={v.submittedOn}
          onChange={(d) => setV({ ...v, submittedOn: d })}
          error={errors.submittedOn}
        />
      </SimpleGrid>
    </FormCard>
  );
}
