// One case: its petitioner (masked for informants, PET-6: the query masks it, from the session), its
// next deadline (PET-9), every step of its history with the audit trail, the actions its state
// allows, its printed forms, and for those who may see it a 重复件待核 (PET-6, PET-10).
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  FileInput,
  Grid,
  Group,
  NativeSelect,
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
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';

import { PETITION_DEADLINE_LABELS, URGENT_NOTIFY, URGENT_REPORT_TO } from '../../../../../shared/rules';
import type { SortDecision } from '../../../../../shared/rules';
import { href } from '../../../app/router';
import { useCan, useSession } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { AttachmentLink } from '../../../components/AttachmentLink';
import { notifyOk } from '../../../components/notify';
import { ProvisionalBadge } from '../../../components/ProvisionalBadge';
import { localHHmm, today } from '../../../db/clock';
import type { PetitionChannel, PetitionRecusal } from '../../../db/schema/petitions';
import type { ShownPetition } from '../core/informant';
import { attachmentsOfCase, routeFor } from '../core/lookups';
import {
  caseAudit,
  caseSteps,
  duplicatesOf,
  identityReviewOf,
  openCase,
  receptionDaysOfCase,
} from '../core/queries';
import * as repo from '../core/repo';
import {
  CHANNEL_LABELS,
  correctionLabel,
  DECISION_LABELS,
  IDENTITY_REVIEW,
  INFORMANT_TEXT,
  NATURE_LABELS,
  OUTCOMES,
  RECEPTION_KIND_LABELS,
  RECUSAL_LABELS,
  REPLY_WAYS,
  STEP_LABELS,
} from '../labels';
import type { CorrectionField } from '../labels';

import { CorrectionButton } from './CorrectionForm';
import { HandoverPrint } from './prints';
import {
  caseRuleText,
  DueBadge,
  RuleNote,
  StateBadge,
  useActor,
  useFieldErrors,
  useSettings,
  useStaffList,
  useUnits,
} from './ui';

type Petition = ShownPetition;

export function CaseView({ id }: { id: string }) {
  const p = useLiveQuery(() => openCase(id), [id]);
  const cal = useCalendar();
  const settings = useSettings();
  const [printing, setPrinting] = useState(false);
  if (p === undefined) return <Text c="dimmed">正在读取…</Text>;
  if (!p) return <Alert color="red">信访件不存在。</Alert>;
  const day = today();
  const next = repo.nextDeadlineOf(p, cal, settings, day);

  if (printing) {
    return (
      <Stack>
        <Button variant="default" w={120} onClick={() => setPrinting(false)}>
          返回案件
        </Button>
        <HandoverPrint p={p} />
      </Stack>
    );
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={3}>{p.regNo}</Title>
          <StateBadge state={p.state} />
          <Badge variant="outline">{CHANNEL_LABELS[p.channel]}</Badge>
          {p.urgent && <Badge color="red">重大紧急</Badge>}
          {p.informant && <Badge color="grape">检举揭发</Badge>}
          {!p.informant && p.informantCase && <Badge color="grape">{INFORMANT_TEXT.linkedBadge}</Badge>}
        </Group>
        <Group>
          <CorrectionButton p={p} />
          {p.unitId && (p.decision === 'forward' || p.decision === 'hand_down') && (
            <Button variant="default" onClick={() => setPrinting(true)}>
              打印{p.decision === 'forward' ? '转送函' : '交办单'}
            </Button>
          )}
          <Anchor href={href('petitions', 'list')}>返回列表</Anchor>
        </Group>
      </Group>
      <Card withBorder>
        <Group>
          <Text fw={500}>下一期限：</Text>
          {next ? (
            <>
              <Text>{PETITION_DEADLINE_LABELS[next.kind]}</Text>
              <DueBadge due={next.due} kind={next.kind} today={day} cal={cal} soonDays={settings.soonDays} />
              {next.party === 'petitioner' && (
                <Text size="sm" c="dimmed">
                  （信访人的申请期限）
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {next.ruleId}：{caseRuleText(next.ruleId, p.nature, settings).text}
              </Text>
            </>
          ) : (
            <Text c="dimmed">无进行中的期限</Text>
          )}
        </Group>
      </Card>
      <IdentityReview id={p.id} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <CaseInfo p={p} />
            <History id={p.id} channel={p.channel} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Actions key={`${p.id}-${p.state}-${p.updatedAt}`} p={p} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

// 重复件待核 (PET-6, PET-10): shown only to someone who may see one of the informant cases this
// case's petitioner matches (the query answers null to anyone else).
function IdentityReview({ id }: { id: string }) {
  const actor = useActor();
  const canHandle = useCan('petition.handle');
  const data = useLiveQuery(() => identityReviewOf(id), [id]);
  const [note, setNote] = useState('');
  const { errors, run } = useFieldErrors();
  if (!data) return null;
  const { case: p, matches, review } = data;
  return (
    <Card
      withBorder
      style={{ borderColor: 'var(--mantine-color-grape-5)' }}
      role="region"
      aria-label={IDENTITY_REVIEW.todo}
    >
      <Stack gap="xs">
        <Title order={4}>{IDENTITY_REVIEW.title}</Title>
        <Text size="sm">{IDENTITY_REVIEW.intro}</Text>
        <Text size="xs" c="dimmed">
          {review.byName} 登记于 {new Date(review.at).toLocaleString('zh-CN')}；本件信访人：{p.name}
          {p.idNo ? `，身份证号 ${p.idNo}` : ''}
          {p.phone ? `，电话 ${p.phone}` : ''}
        </Text>
        <Table fz="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>检举揭发件</Table.Th>
              <Table.Th>收件日期</Table.Th>
              <Table.Th>信访人</Table.Th>
              <Table.Th>联系电话</Table.Th>
              <Table.Th>内容摘要</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {matches.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Anchor href={href('petitions', 'case', m.id)} size="sm">
                    {m.regNo}
                  </Anchor>
                </Table.Td>
                <Table.Td>{m.receivedOn}</Table.Td>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{m.phone ?? '—'}</Table.Td>
                <Table.Td>{m.summary.length > 40 ? `${m.summary.slice(0, 40)}…` : m.summary}</Table.Td>
                <Table.Td>
                  {canHandle && p.state === 'registered' && (
                    <Button
                      size="xs"
                      onClick={() =>
                        run(async () => {
                          await repo.linkDuplicate(id, { caseId: m.id, note }, actor);
                          notifyOk(`${IDENTITY_REVIEW.linked} ${m.regNo}`);
                        })
                      }
                    >
                      {IDENTITY_REVIEW.link}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end">
          <TextInput
            label={IDENTITY_REVIEW.note}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            w={360}
          />
          <Button
            variant="default"
            onClick={() =>
              run(async () => {
                await repo.closeIdentityReview(id, note, actor);
                notifyOk(IDENTITY_REVIEW.closed);
              })
            }
          >
            {IDENTITY_REVIEW.close}
          </Button>
        </Group>
        <RuleNote id="PET-6" />
      </Stack>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={140} style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function CaseInfo({ p }: { p: Petition }) {
  const units = useUnits();
  const dups = useLiveQuery(() => duplicatesOf(p.id), [p.id], []);
  const receptions = useLiveQuery(() => receptionDaysOfCase(p), [p.id, p.receivedOn], []);
  const files = useLiveQuery(() => attachmentsOfCase(p.id), [p.id], []);
  return (
    <Card withBorder>
      <Table fz="sm" withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          <Row label="收件日期">{p.receivedOn}</Row>
          <Row label="信访人">
            {p.name}
            {p.channel === 'visit' && (p.visitors ?? 1) > 1 && `（共${p.visitors}人）`}
          </Row>
          <Row label="身份证号">{p.idNo ?? '—'}</Row>
          <Row label="联系电话">{p.phone ?? '—'}</Row>
          <Row label="住址/所属乡镇">
            {p.address || '—'} / {p.township}
          </Row>
          {p.representatives && p.representatives.length > 0 && (
            <Row label="代表">
              {p.representatives.map((r) => `${r.name}${r.phone ? `（${r.phone}）` : ''}`).join('、')}
            </Row>
          )}
          {p.receptionistName && <Row label="接待人">{p.receptionistName}</Row>}
          {receptions.map((r) => (
            <Row key={r.id} label={RECEPTION_KIND_LABELS[r.kind]}>
              <Anchor href={href('petitions', 'reception')} size="sm">
                {r.date} {r.leaderName}（{r.place}）
              </Anchor>
            </Row>
          ))}
          <Row label="来源">{[p.letterSource, p.upstreamNo].filter(Boolean).join(' ') || '—'}</Row>
          <Row label="问题类别">
            {p.category}（{NATURE_LABELS[p.nature]}）
          </Row>
          <Row label="内容摘要">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {p.summary}
            </Text>
          </Row>
          {p.informant && (
            <Row label="被检举单位/人">
              {[...p.accusedUnitIds.map((u) => units.byId.get(u)?.name ?? u), p.accusedNote]
                .filter(Boolean)
                .join('、')}
            </Row>
          )}
          <Row label="全国系统录入编号">
            {p.nationalNo ?? (
              <Text c="orange" size="sm">
                未录入
              </Text>
            )}
          </Row>
          {p.decision && (
            <Row label="处理方式">
              {DECISION_LABELS[p.decision]}（{p.sortedOn}）{p.unitName && `→ ${p.unitName}`}
              {p.rejectReason && `，理由：${p.rejectReason}`}
            </Row>
          )}
          {p.assigneeName && <Row label="承办人">{p.assigneeName}</Row>}
          {p.recusals.length > 0 && (
            <Row label="回避">
              {p.recusals.map((r) => `${r.staffName}（${RECUSAL_LABELS[r.reason]}）`).join('、')}
            </Row>
          )}
          {p.extensionDays > 0 && (
            <Row label="延期">
              {p.extensionDays}天：{p.extensionReason}
            </Row>
          )}
          {p.concludedOn && (
            <Row label="办结">
              {p.concludedOn} {p.outcome}：{p.outcomeText}
            </Row>
          )}
          {p.urgentReport && (
            <Row label="紧急报告">
              {new Date(p.urgentReport.at).toLocaleString('zh-CN')} 报 {p.urgentReport.recipients.join('、')}
              （{p.urgentReport.byName}）
              {p.urgentReport.delayReason && `，迟报原因：${p.urgentReport.delayReason}`}
            </Row>
          )}
          {p.urgentDowngrade && (
            <Row label="降级">
              {p.urgentDowngrade.reason}（{p.urgentDowngrade.byName}）
              {p.directorNoticeOpen ? '，待局长阅知' : '，局长已阅'}
            </Row>
          )}
          {p.duplicateOf && (
            <Row label={p.state === 'repeat' ? '重复信访，并入' : '重复件，并入'}>
              <Anchor href={href('petitions', 'case', p.duplicateOf)} size="sm">
                {p.duplicateOfRegNo ?? '原件'}
              </Anchor>
              {p.duplicateNote && `：${p.duplicateNote}`}
            </Row>
          )}
          {dups.length > 0 && (
            <Row label="重复件">
              {dups.map((d) => (
                <Anchor key={d.id} href={href('petitions', 'case', d.id)} size="sm" mr="xs">
                  {d.regNo}（{d.receivedOn}）
                </Anchor>
              ))}
            </Row>
          )}
          <Row label="附件">
            {files.length === 0
              ? '—'
              : p.identityMasked
                ? INFORMANT_TEXT.attachmentsHidden(files.length)
                : files.map((f) => <AttachmentLink key={f.id} file={f} />)}
          </Row>
        </Table.Tbody>
      </Table>
    </Card>
  );
}

// The steps and the audit trail come masked from the queries (PET-6).
function History({ id, channel }: { id: string; channel: PetitionChannel }) {
  const steps = useLiveQuery(() => caseSteps(id), [id], []);
  const [showAudit, setShowAudit] = useState(false);
  const audit = useLiveQuery(() => (showAudit ? caseAudit(id) : Promise.resolve([])), [id, showAudit], []);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>办理过程</Title>
        <Button size="xs" variant="subtle" onClick={() => setShowAudit((s) => !s)}>
          {showAudit ? '隐藏审计记录' : '查看审计记录'}
        </Button>
      </Group>
      <Timeline bulletSize={14} lineWidth={2} active={steps.length}>
        {steps.map((s) => (
          <Timeline.Item key={s.id} title={`${s.on} ${STEP_LABELS[s.kind]}`}>
            <Text size="sm">{s.text}</Text>
            {s.kind === 'correct' && Array.isArray(s.data?.fields) && (
              <Text size="xs" c="dimmed">
                更正项目：
                {(s.data.fields as CorrectionField[]).map((f) => correctionLabel(f, channel)).join('、')}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {s.byName} · 记录于 {new Date(s.at).toLocaleString('zh-CN')}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {showAudit && (
        <Table fz="xs" mt="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>时间</Table.Th>
              <Table.Th>操作人</Table.Th>
              <Table.Th>操作</Table.Th>
              <Table.Th>变更</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audit.map((a) => (
              <Table.Tr key={a.seq}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{new Date(a.at).toLocaleString('zh-CN')}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.actorName}</Table.Td>
                <Table.Td>{a.summary}</Table.Td>
                <Table.Td>
                  <Code block style={{ maxWidth: 360, whiteSpace: 'pre-wrap', fontSize: 11 }}>
                    {a.action === 'create' ? '新建' : JSON.stringify(a.after ?? {}, null, 0).slice(0, 300)}
                  </Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

// ---- actions ---------------------------------------------------------------------------------

function ActionForm({
  label,
  onSubmit,
  children,
  color,
}: {
  label: string;
  onSubmit: () => Promise<boolean>;
  children: ReactNode;
  color?: string;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        await onSubmit();
        setBusy(false);
      }}
      noValidate
    >
      <Stack gap="xs">
        {children}
        <Group>
          <Button type="submit" loading={busy} color={color}>
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DateField({
  value,
  onChange,
  error,
  label = '日期',
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
  label?: string;
}) {
  return (
    <TextInput
      type="date"
      label={label}
      value={value}
      max={today()}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

function Actions({ p }: { p: Petition }) {
  const canHandle = useCan('petition.handle');
  const canRegister = useCan('petition.register');
  const user = useSession((s) => s.user)!;
  const leader = user.roles.includes('director') || user.roles.includes('deputy');
  const items: { key: string; title: string; body: ReactNode }[] = [];
  const open = !['archived', 'duplicate', 'repeat'].includes(p.state);
  if (canHandle) {
    if (p.state === 'registered')
      items.push({
        key: 'sort',
        title: '分类处理（受理/转送/交办/上报/不予受理）',
        body: <SortForm p={p} />,
      });
    if (p.sortedOn && !p.notifiedOn && p.state !== 'duplicate')
      items.push({ key: 'notify', title: '告知信访人', body: <NotifyForm p={p} /> });
    if (p.state === 'handed_down' && !p.acceptedOn)
      items.push({ key: 'accept', title: '责任单位受理', body: <UnitAcceptForm p={p} /> });
    if (repo.mayObject(p))
      items.push({ key: 'objection', title: '责任单位异议（重新转送/交办）', body: <ObjectionForm p={p} /> });
    if (
      leader &&
      (p.decision === 'accept' || p.decision === 'hand_down') &&
      !p.concludedOn &&
      !p.extensionDays &&
      open
    )
      items.push({ key: 'extend', title: '延期（PET-4）', body: <ExtendForm p={p} /> });
    if (['forwarded', 'handed_down', 'accepted', 'reported_up'].includes(p.state))
      items.push({ key: 'conclude', title: '办结', body: <ConcludeForm p={p} /> });
    if ((p.state === 'concluded' || p.state === 'archived') && !p.replyReceivedOn)
      items.push({ key: 'received', title: '信访人收到答复', body: <ReplyReceivedForm p={p} /> });
    if (
      (p.state === 'concluded' || p.state === 'archived') &&
      p.replyReceivedOn &&
      !p.recheckAnsweredOn &&
      !p.recheckRequestedOn
    )
      items.push({
        key: 'review',
        title: p.reviewAnsweredOn ? '申请复核' : '申请复查',
        body: <ReviewRequestForm p={p} />,
      });
    if (p.state === 'review' || p.state === 'recheck')
      items.push({
        key: 'answer',
        title: p.state === 'review' ? '复查答复' : '复核答复',
        body: <ReviewAnswerForm p={p} />,
      });
    items.push({ key: 'reply', title: '答复记录（PET-11）', body: <ReplyForm p={p} /> });
    if (open) items.push({ key: 'assign', title: '承办人与回避（PET-13）', body: <AssignForm p={p} /> });
    if (
      ['concluded', 'rejected', 'forwarded', 'reported_up', 'duplicate', 'repeat'].includes(p.state) &&
      !p.dueOn
    )
      items.push({ key: 'archive', title: '归档', body: <ArchiveForm p={p} /> });
    items.push({ key: 'urgent', title: '重大紧急事项（PET-7）', body: <UrgentForm p={p} /> });
  }
  if (canRegister)
    items.push({ key: 'national', title: '全国系统录入编号与附件', body: <NationalForm p={p} /> });
  if (!items.length) return <Alert color="gray">您可以查看本件，但没有办理权限。</Alert>;
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        办理
      </Title>
      <Accordion variant="separated" defaultValue={items[0].key}>
        {items.map((i) => (
          <Accordion.Item key={i.key} value={i.key}>
            <Accordion.Control>{i.title}</Accordion.Control>
            <Accordion.Panel>{i.body}</Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  );
}

function SortForm({ p }: { p: Petition }) {
  const actor = useActor();
  const units = useUnits();
  const { errors, run } = useFieldErrors();
  const [decision, setDecision] = useState<SortDecision>('hand_down');
  const [on, setOn] = useState(today());
  const [reason, setReason] = useState('');
  const suggested = useLiveQuery(() => routeFor(p.township, p.category), [p.township, p.category]);
  const [unitId, setUnitId] = useState('');
  const suggestedOk = suggested && !(p.informant && p.accusedUnitIds.includes(suggested.unitId));
  useEffect(() => {
    if (!unitId && suggested && suggestedOk) setUnitId(suggested.unitId);
  }, [suggested, suggestedOk, unitId]);
  const needsUnit = decision === 'forward' || decision === 'hand_down';
  return (
    <ActionForm
      label="确定"
      onSubmit={() =>
        run(async () => {
          await repo.sortPetition(
            p.id,
            { decision, on, unitId: needsUnit ? unitId || null : null, reason },
            actor,
          );
          notifyOk(`已${DECISION_LABELS[decision]}`);
        })
      }
    >
      <NativeSelect
        label="处理方式"
        value={decision}
        onChange={(e) => setDecision(e.currentTarget.value as SortDecision)}
        data={(['hand_down', 'forward', 'accept', 'report_up', 'reject'] as SortDecision[]).map((d) => ({
          value: d,
          label: DECISION_LABELS[d],
        }))}
        error={errors.decision}
      />
      {needsUnit && (
        <NativeSelect
          label="责任单位"
          value={unitId}
          onChange={(e) => setUnitId(e.currentTarget.value)}
          data={[
            { value: '', label: '请选择' },
            ...units.list.map((u) => ({
              value: u.id,
              label: `${u.name}${suggested?.unitId === u.id ? '（按乡镇×类别建议）' : ''}${p.accusedUnitIds.includes(u.id) ? '（被检举单位）' : ''}`,
            })),
          ]}
          error={errors.unitId}
        />
      )}
      {needsUnit && suggested && !suggestedOk && (
        <Text size="xs" c="red">
          按责任单位表建议的单位是被检举单位，不能转送或交办（PET-6）。
        </Text>
      )}
      {decision === 'reject' && (
        <Textarea
          label="不予受理理由"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
        />
      )}
      <DateField value={on} onChange={setOn} error={errors.on} label="决定日期" />
      <RuleNote id="PET-2" />
      {needsUnit && <RuleNote id="PET-8" />}
    </ActionForm>
  );
}

function NotifyForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  const [way, setWay] = useState('书面');
  return (
    <ActionForm label="登记告知" onSubmit={() => run(() => repo.notifyPetitioner(p.id, { on, way }, actor))}>
      <NativeSelect
        label="告知方式"
        value={way}
        onChange={(e) => setWay(e.currentTarget.value)}
        data={['书面', '短信', '网上']}
      />
      <DateField value={on} onChange={setOn} error={errors.on} label="告知日期" />
      {p.petitionerUnknown && (
        <Text size="xs" c="dimmed">
          信访人姓名或住址不详，可不书面告知（PET-2）。
        </Text>
      )}
    </ActionForm>
  );
}

function UnitAcceptForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  return (
    <ActionForm label="登记受理" onSubmit={() => run(() => repo.recordUnitAcceptance(p.id, on, actor))}>
      <DateField value={on} onChange={setOn} error={errors.on} label={`${p.unitName ?? ''}受理日期`} />
      <RuleNote id="PET-4" nature={p.nature} />
    </ActionForm>
  );
}

function ObjectionForm({ p }: { p: Petition }) {
  const actor = useActor();
  const units = useUnits();
  const cal = useCalendar();
  const settings = useSettings();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  const [reason, setReason] = useState('');
  const [unitId, setUnitId] = useState('');
  const due = repo.objectionDueOf(p, { cal, settings });
  return (
    <ActionForm
      label="登记异议并重新转送"
      onSubmit={() => run(() => repo.recordObjection(p.id, { on, reason, newUnitId: unitId }, actor))}
    >
      <Group gap={0}>
        <Text size="sm">异议期限：{due}（收到之日起5个工作日）</Text>
        <ProvisionalBadge due={due} cal={cal} from={p.handedOn} />
      </Group>
      <Textarea
        label="异议理由"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        autosize
        minRows={2}
      />
      <NativeSelect
        label="新的责任单位"
        value={unitId}
        onChange={(e) => setUnitId(e.currentTarget.value)}
        data={[
          { value: '', label: '请选择' },
          ...units.list.filter((u) => u.id !== p.unitId).map((u) => ({ value: u.id, label: u.name })),
        ]}
        error={errors.newUnitId ?? errors.unitId}
      />
      <DateField value={on} onChange={setOn} error={errors.on} label="异议日期" />
      <RuleNote id="PET-3" />
    </ActionForm>
  );
}

function ExtendForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [days, setDays] = useState('30');
  const [reason, setReason] = useState('');
  const [told, setTold] = useState(false);
  const [on, setOn] = useState(today());
  return (
    <ActionForm
      label="批准延期"
      onSubmit={() =>
        run(() => repo.extendPetition(p.id, { days: Number(days), reason, on, toldPetitioner: told }, actor))
      }
    >
      <TextInput
        type="number"
        label="延长天数（不超过30天）"
        value={days}
        onChange={(e) => setDays(e.currentTarget.value)}
        error={errors.days}
      />
      <Textarea
        label="延期理由"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        autosize
        minRows={2}
      />
      <Checkbox
        label="已将延期理由告知信访人"
        checked={told}
        onChange={(e) => setTold(e.currentTarget.checked)}
        error={errors.toldPetitioner}
      />
      <DateField value={on} onChange={setOn} error={errors.on} />
      <RuleNote id="PET-4" nature={p.nature} />
    </ActionForm>
  );
}

function ConcludeForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  const [outcome, setOutcome] = useState<string>(OUTCOMES[0]);
  const [text, setText] = useState('');
  return (
    <ActionForm
      label="办结"
      color="green"
      onSubmit={() => run(() => repo.concludePetition(p.id, { on, outcome, text }, actor))}
    >
      <NativeSelect
        label="办理结果"
        value={outcome}
        onChange={(e) => setOutcome(e.currentTarget.value)}
        data={[...OUTCOMES]}
        error={errors.outcome}
      />
      <Textarea
        label="处理意见"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.text}
        autosize
        minRows={2}
      />
      <DateField value={on} onChange={setOn} error={errors.on} label="办结日期" />
    </ActionForm>
  );
}

function ReplyReceivedForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  return (
    <ActionForm label="登记" onSubmit={() => run(() => repo.recordReplyReceived(p.id, on, actor))}>
      <DateField value={on} onChange={setOn} error={errors.on} label="收到书面答复日期" />
      <RuleNote id="PET-5" />
    </ActionForm>
  );
}

function ReviewRequestForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  return (
    <ActionForm label="登记申请" onSubmit={() => run(() => repo.requestReview(p.id, { on }, actor))}>
      <DateField value={on} onChange={setOn} error={errors.on} label="申请日期" />
      <RuleNote id="PET-5" />
    </ActionForm>
  );
}

function ReviewAnswerForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  const [result, setResult] = useState('维持原处理意见');
  const [text, setText] = useState('');
  const [hearing, setHearing] = useState('0');
  return (
    <ActionForm
      label="登记答复"
      onSubmit={() =>
        run(() => repo.answerReview(p.id, { on, result, text, hearingDays: Number(hearing) }, actor))
      }
    >
      <NativeSelect
        label="结论"
        value={result}
        onChange={(e) => setResult(e.currentTarget.value)}
        data={['维持原处理意见', '变更原处理意见', '撤销原处理意见']}
        error={errors.result}
      />
      <Textarea
        label="答复意见"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.text}
        autosize
        minRows={2}
      />
      {p.state === 'recheck' && (
        <TextInput
          type="number"
          label="听证天数（不计入期限）"
          value={hearing}
          onChange={(e) => setHearing(e.currentTarget.value)}
          error={errors.hearingDays}
        />
      )}
      <DateField value={on} onChange={setOn} error={errors.on} label="答复日期" />
    </ActionForm>
  );
}

function ReplyForm({ p }: { p: Petition }) {
  const actor = useActor();
  const staff = useStaffList();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  const [way, setWay] = useState<string>(REPLY_WAYS[0]);
  const [text, setText] = useState('');
  const [staffId, setStaffId] = useState(actor.id);
  const [complaint, setComplaint] = useState(false);
  const [complaintStaff, setComplaintStaff] = useState('');
  const [complaintText, setComplaintText] = useState('');
  return (
    <ActionForm
      label="记录答复"
      onSubmit={() =>
        run(async () => {
          await repo.recordReply(
            p.id,
            {
              on,
              way,
              text,
              staffId,
              complaint: complaint ? { staffId: complaintStaff, content: complaintText } : null,
            },
            actor,
          );
          setText('');
          setComplaint(false);
          notifyOk('已记录答复');
        })
      }
    >
      <NativeSelect
        label="答复方式"
        value={way}
        onChange={(e) => setWay(e.currentTarget.value)}
        data={[...REPLY_WAYS]}
      />
      <NativeSelect
        label="答复人"
        value={staffId}
        onChange={(e) => setStaffId(e.currentTarget.value)}
        data={staff.map((s) => ({ value: s.id, label: s.name }))}
      />
      <Textarea
        label="答复内容"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.text}
        autosize
        minRows={2}
      />
      <DateField value={on} onChange={setOn} error={errors.on} label="答复日期" />
      <Checkbox
        label="信访人投诉答复态度"
        checked={complaint}
        onChange={(e) => setComplaint(e.currentTarget.checked)}
      />
      {complaint && (
        <>
          <NativeSelect
            label="被投诉的工作人员"
            value={complaintStaff}
            onChange={(e) => setComplaintStaff(e.currentTarget.value)}
            data={[{ value: '', label: '请选择' }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
            error={errors.complaintStaffId}
          />
          <Textarea
            label="投诉内容"
            value={complaintText}
            onChange={(e) => setComplaintText(e.currentTarget.value)}
            error={errors.complaintContent}
            autosize
            minRows={2}
          />
        </>
      )}
      <RuleNote id="PET-11" />
    </ActionForm>
  );
}

function AssignForm({ p }: { p: Petition }) {
  const actor = useActor();
  const staff = useStaffList();
  const { errors, run } = useFieldErrors();
  const [staffId, setStaffId] = useState('');
  const [recusedId, setRecusedId] = useState('');
  const [reason, setReason] = useState<PetitionRecusal['reason']>('interest');
  const [note, setNote] = useState('');
  const options = [{ value: '', label: '请选择' }, ...staff.map((s) => ({ value: s.id, label: s.name }))];
  return (
    <Stack>
      <ActionForm label="指定承办人" onSubmit={() => run(() => repo.assignHandler(p.id, staffId, actor))}>
        <NativeSelect
          label="承办人"
          value={staffId}
          onChange={(e) => setStaffId(e.currentTarget.value)}
          data={options}
          error={errors.staffId}
        />
      </ActionForm>
      <ActionForm
        label="登记回避"
        color="orange"
        onSubmit={() =>
          run(() => repo.recordRecusal(p.id, { staffId: recusedId, reason, note, on: today() }, actor))
        }
      >
        <SimpleGrid cols={2}>
          <NativeSelect
            label="回避人员"
            value={recusedId}
            onChange={(e) => setRecusedId(e.currentTarget.value)}
            data={options}
          />
          <NativeSelect
            label="回避原因"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value as PetitionRecusal['reason'])}
            data={(Object.keys(RECUSAL_LABELS) as PetitionRecusal['reason'][]).map((k) => ({
              value: k,
              label: RECUSAL_LABELS[k],
            }))}
          />
        </SimpleGrid>
        <TextInput label="说明" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <RuleNote id="PET-13" />
      </ActionForm>
    </Stack>
  );
}

function ArchiveForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  return (
    <ActionForm label="归档" onSubmit={() => run(() => repo.archivePetition(p.id, on, actor))}>
      <DateField value={on} onChange={setOn} error={errors.on} label="归档日期" />
    </ActionForm>
  );
}

function UrgentForm({ p }: { p: Petition }) {
  const actor = useActor();
  const user = useSession((s) => s.user)!;
  const { errors, run } = useFieldErrors();
  const all = [...URGENT_REPORT_TO, ...URGENT_NOTIFY, '市信访局'];
  const [at, setAt] = useState(`${today()}T${localHHmm()}`);
  const [recipients, setRecipients] = useState<string[]>([...URGENT_REPORT_TO]);
  const [note, setNote] = useState('');
  const [delayReason, setDelayReason] = useState('');
  const [reason, setReason] = useState('');
  return (
    <Stack>
      {!p.urgent && !p.urgentDowngrade && (
        <ActionForm label="标为重大紧急" color="red" onSubmit={() => run(() => repo.markUrgent(p.id, actor))}>
          <Text size="sm">标记后须即时报告，工作台将提示所有领导和信访工作人员。</Text>
        </ActionForm>
      )}
      {p.urgent && !p.urgentReport && (
        <ActionForm
          label="登记报告"
          color="red"
          onSubmit={() => run(() => repo.reportUrgent(p.id, { at, recipients, note, delayReason }, actor))}
        >
          <TextInput
            type="datetime-local"
            label="报告时间"
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={errors.at}
          />
          <Checkbox.Group
            label="报告/告知对象"
            value={recipients}
            onChange={setRecipients}
            error={errors.recipients}
          >
            <Group mt={4}>
              {all.map((r) => (
                <Checkbox key={r} value={r} label={r} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput label="报告方式及说明" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <TextInput
            label="迟报原因（未在登记当日报告时必填）"
            value={delayReason}
            onChange={(e) => setDelayReason(e.currentTarget.value)}
            error={errors.delayReason}
          />
        </ActionForm>
      )}
      {p.urgent && (
        <ActionForm
          label="取消重大紧急标记"
          color="orange"
          onSubmit={() => run(() => repo.downgradeUrgent(p.id, reason, actor))}
        >
          <Textarea
            label="降级理由（局长可见）"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            autosize
            minRows={2}
          />
        </ActionForm>
      )}
      {p.directorNoticeOpen === 1 && user.roles.includes('director') && (
        <ActionForm label="已阅" onSubmit={() => run(() => repo.acknowledgeDirectorNotice(p.id, actor))}>
          <Text size="sm">理由：{p.urgentDowngrade?.reason ?? p.urgentReport?.delayReason}</Text>
        </ActionForm>
      )}
      <RuleNote id="PET-7" />
    </Stack>
  );
}

function NationalForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [no, setNo] = useState(p.nationalNo ?? '');
  const [files, setFiles] = useState<File[]>([]);
  return (
    <Stack>
      <ActionForm label="保存编号" onSubmit={() => run(() => repo.setNationalNo(p.id, no, actor))}>
        <TextInput
          label="全国系统录入编号"
          value={no}
          onChange={(e) => setNo(e.currentTarget.value)}
          error={errors.nationalNo}
        />
        <RuleNote id="PET-1" />
      </ActionForm>
      <ActionForm
        label="添加附件"
        onSubmit={() =>
          run(async () => {
            await repo.addAttachments(
              p.id,
              files.map((f) => ({ name: f.name, type: f.type || 'application/octet-stream', blob: f })),
              actor,
            );
            setFiles([]);
          })
        }
      >
        <FileInput label="扫描件" multiple value={files} onChange={setFiles} placeholder="选择文件" />
      </ActionForm>
    </Stack>
  );
}
