// 发文: drafts and numbered documents; a draft goes through 审核 → 核稿 → 定稿 → 签发 (DOC-3) in the
// approval engine and gets its number at 签发; the office then prints and distributes it.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
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

import { OUTGOING_STEPS } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { ApprovalChain, DecideForm } from '../../../approvals/ApprovalPanel';
import { approvalFor, canDecide, withdraw } from '../../../approvals/engine';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { DateField, thisYear, YearSelect } from '../../../components/dates';
import { Field, splitList } from '../../../components/Field';
import { FormCard } from '../../../components/FormCard';
import { notifyError, notifyOk } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import type { DocSecrecy, DocUrgency, OutgoingDoc } from '../../../db/schema/documents';
import { useSectionList, useStaffBook } from '../../../org/hooks';
import { exportOutgoingRegister } from '../core/exports';
import {
  archiveOutgoing,
  createOutgoing,
  docPrefixes,
  editOutgoing,
  issueOutgoing,
  setDocPrefixes,
  submitOutgoing,
} from '../core/outgoing';
import type { OutgoingInput } from '../core/outgoing';
import { numberedOutgoing, outgoingDoc, outgoingDrafts, staffRecord } from '../core/queries';
import { L, OUTGOING_STATUS_COLORS, OUTGOING_STATUS_LABELS, SECRECY_LABELS, URGENCY_LABELS } from '../labels';

import { OutgoingPrint } from './OutgoingPrint';
import { ArchiveForm, StepCard, useDocForm } from './StepForm';

const PAGE = 50;
const opts = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((k) => ({ value: k, label: labels[k] }));

export function OutgoingTab({ rest }: { rest: string[] }) {
  const [id, sub] = rest;
  if (id === 'new') return <OutgoingForm />;
  if (id && sub === 'print') return <OutgoingPrint id={id} />;
  if (id && sub === 'edit') return <OutgoingForm id={id} />;
  if (id) return <OutgoingDetail id={id} />;
  return <OutgoingList />;
}

function OutgoingList() {
  const user = useSession((s) => s.user)!;
  const manage = useCan('documents.manage');
  const book = useStaffBook();
  const [year, setYear] = useState(thisYear());
  const [limit, setLimit] = useState(PAGE);
  const drafts = useLiveQuery(
    () => outgoingDrafts({ staffId: user.staffId, manage }),
    [manage, user.staffId],
    [],
  );
  const numbered = useLiveQuery(() => numberedOutgoing(year, limit), [year, limit], []);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <YearSelect
          value={year}
          onChange={(y) => {
            setYear(y);
            setLimit(PAGE);
          }}
        />
        <Group>
          <Button variant="default" onClick={() => exportOutgoingRegister(year).catch(notifyError)}>
            {L.exportExcel}
          </Button>
          <Button onClick={() => navigate('documents', 'outgoing', 'new')}>发文拟稿</Button>
        </Group>
      </Group>
      {drafts.length > 0 && (
        <Card withBorder>
          <Title order={5} mb="xs">
            拟稿与审核签发中
          </Title>
          <Table fz="sm" striped>
            <Table.Tbody>
              {drafts.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor href={href('documents', 'outgoing', d.id)} size="sm">
                      {d.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{book.name(d.drafterId)}</Table.Td>
                  <Table.Td>{d.updatedAt.slice(0, 10)}</Table.Td>
                  <Table.Td>
                    <Badge color={OUTGOING_STATUS_COLORS[d.status]} variant="light">
                      {OUTGOING_STATUS_LABELS[d.status]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Title order={5}>发文登记（{year}年）</Title>
      <Table striped highlightOnHover fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>文号</Table.Th>
            <Table.Th>签发日期</Table.Th>
            <Table.Th>标题</Table.Th>
            <Table.Th>拟稿人</Table.Th>
            <Table.Th>主送</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th>归档</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {numbered.slice(0, limit).map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor href={href('documents', 'outgoing', d.id)}>{d.docNumber}</Anchor>
              </Table.Td>
              <Table.Td>{d.signedOn}</Table.Td>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>{book.name(d.drafterId)}</Table.Td>
              <Table.Td>{d.mainTo}</Table.Td>
              <Table.Td>
                <Badge color={OUTGOING_STATUS_COLORS[d.status]} variant="light">
                  {OUTGOING_STATUS_LABELS[d.status]}
                </Badge>
              </Table.Td>
              <Table.Td>{d.archived ? d.archivedOn : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {numbered.length === 0 && <Text c="dimmed">{year}年还没有编号的发文。</Text>}
      {numbered.length > limit && (
        <Button variant="subtle" onClick={() => setLimit((l) => l + PAGE)}>
          显示更多
        </Button>
      )}
      {manage && <PrefixSettings />}
      <RuleLines ids={['DOC-3']} inline />
    </Stack>
  );
}

function PrefixSettings() {
  const prefixes = useLiveQuery(docPrefixes, []);
  if (!prefixes) return null;
  return <PrefixForm key={prefixes.join('、')} initial={prefixes.join('、')} />;
}

function PrefixForm({ initial }: { initial: string }) {
  const form = useDocForm(
    {
      initial: { prefixes: initial },
      submit: (v) => setDocPrefixes(splitList(v.prefixes), currentActor()),
      success: '已保存机关代字',
    },
    'prefixes',
  );
  return (
    <StepCard form={form} submitLabel={L.save}>
      <TextInput
        label="机关代字设置"
        description="多个用顿号分隔，第一个为默认；文号格式：宁信发〔2026〕1号"
        {...form.text('prefixes')}
        w={420}
      />
    </StepCard>
  );
}

type OutgoingValues = OutgoingInput & { distributionText: string };

function OutgoingForm({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const sections = useSectionList();
  const prefixes = useLiveQuery(docPrefixes, []);
  const existing = useLiveQuery(() => (id ? outgoingDoc(id) : undefined), [id]);
  const me = useLiveQuery(() => staffRecord(user.staffId), [user.staffId]);
  if (!prefixes || (id && !existing) || !me) return <Text c="dimmed">正在载入…</Text>;
  const init: OutgoingValues = existing
    ? { ...existing, distributionText: existing.distribution.join('、') }
    : {
        title: '',
        prefix: prefixes[0],
        draftSectionId: me.sectionId ?? sections[0]?.id ?? null,
        urgency: 'normal',
        secrecy: 'none',
        mainTo: '',
        copyTo: '',
        summary: '',
        printCopies: 10,
        distribution: [],
        distributionText: '',
      };
  return <OutgoingFormBody id={id} init={init} prefixes={prefixes} />;
}

function OutgoingFormBody({ id, init, prefixes }: { id?: string; init: OutgoingValues; prefixes: string[] }) {
  const sections = useSectionList();
  const form = useDocForm<OutgoingValues, OutgoingDoc>({
    initial: init,
    check: (v) => {
      const e: Record<string, string> = {};
      if (!v.title.trim()) e.title = '请填写标题';
      if (!v.mainTo.trim()) e.mainTo = '请填写主送机关';
      return e;
    },
    submit: (v) => {
      const input: OutgoingInput = { ...v, distribution: splitList(v.distributionText) };
      return id ? editOutgoing(id, input, currentActor()) : createOutgoing(input, currentActor());
    },
    success: '已保存拟稿',
    onDone: (saved) => navigate('documents', 'outgoing', saved.id),
  });
  const cur = form.values;
  return (
    <FormCard form={form} submitLabel={L.save} gap="sm">
      <Group>
        <Anchor href={href('documents', 'outgoing')}>← 发文</Anchor>
        <Title order={4}>{id ? '修改拟稿' : '发文拟稿'}</Title>
      </Group>
      <TextInput label={L.outTitle} {...form.text('title')} autoFocus withAsterisk />
      <SimpleGrid cols={{ base: 1, md: 4 }}>
        <NativeSelect
          label={L.prefix}
          value={cur.prefix}
          onChange={(e) => form.set('prefix', e.currentTarget.value)}
          data={prefixes}
          error={form.errors.prefix}
        />
        <NativeSelect
          label={L.draftSection}
          value={cur.draftSectionId ?? ''}
          onChange={(e) => form.set('draftSectionId', e.currentTarget.value || null)}
          data={[{ value: '', label: '请选择' }, ...sections.map((s) => ({ value: s.id, label: s.name }))]}
          error={form.errors.draftSectionId}
        />
        <NativeSelect
          label={L.urgency}
          value={cur.urgency}
          onChange={(e) => form.set('urgency', e.currentTarget.value as DocUrgency)}
          data={opts(URGENCY_LABELS)}
        />
        <NativeSelect
          label={L.secrecy}
          value={cur.secrecy}
          onChange={(e) => form.set('secrecy', e.currentTarget.value as DocSecrecy)}
          data={opts(SECRECY_LABELS)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label={L.mainTo} {...form.text('mainTo')} withAsterisk />
        <TextInput label={L.copyTo} {...form.text('copyTo')} />
      </SimpleGrid>
      <Textarea label={L.summary} {...form.text('summary')} autosize minRows={3} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <NumberInput
          label={L.printCopies}
          value={cur.printCopies}
          min={0}
          onChange={(n) => form.set('printCopies', typeof n === 'number' ? n : 0)}
          error={form.errors.printCopies}
        />
        <TextInput label={L.distribution} description="多个用顿号分隔" {...form.text('distributionText')} />
      </SimpleGrid>
    </FormCard>
  );
}

function OutgoingDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const manage = useCan('documents.manage');
  const book = useStaffBook();
  const sections = useSectionList();
  const doc = useLiveQuery(() => outgoingDoc(id), [id]);
  const req = useLiveQuery(() => approvalFor('outgoingDocs', id), [id, doc?.updatedAt]);
  const mayDecide = useLiveQuery(
    async () => (req ? (await canDecide(req, { id: user.staffId, name: user.name })) === null : false),
    [req, user.staffId],
  );
  if (doc === undefined) return <Text c="dimmed">正在载入…</Text>;
  if (!doc) return <Alert color="red">发文记录不存在。</Alert>;
  const mineToEdit = doc.drafterId === user.staffId || manage;
  const editable = ['draft', 'rejected', 'withdrawn'].includes(doc.status);
  const stepNow = req?.status === 'pending' ? req.steps[req.currentStep] : null;
  async function submit() {
    try {
      await submitOutgoing(id, currentActor());
      notifyOk('已提交审核签发');
    } catch (e) {
      notifyError(e);
    }
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Anchor href={href('documents', 'outgoing')}>← 发文</Anchor>
          <Title order={3}>{doc.docNumber ?? '（未编号）'}</Title>
          <Badge color={OUTGOING_STATUS_COLORS[doc.status]}>{OUTGOING_STATUS_LABELS[doc.status]}</Badge>
        </Group>
        <Button variant="default" onClick={() => navigate('documents', 'outgoing', id, 'print')}>
          发文稿纸
        </Button>
      </Group>
      <Card withBorder>
        <Stack gap={4}>
          <Text fw={600} data-testid="outgoing-title">
            {doc.title}
          </Text>
          <Field label="文号">{doc.docNumber ?? ''}</Field>
          <Field label={L.draftSection}>
            {sections.find((s) => s.id === doc.draftSectionId)?.name ?? ''}
          </Field>
          <Field label="拟稿人">{book.name(doc.drafterId)}</Field>
          <Field label="紧急程度/密级">{`${URGENCY_LABELS[doc.urgency]} / ${SECRECY_LABELS[doc.secrecy]}`}</Field>
          <Field label={L.mainTo}>{doc.mainTo}</Field>
          <Field label={L.copyTo}>{doc.copyTo}</Field>
          <Field label={L.summary}>{doc.summary}</Field>
          <Field label="签发">{doc.signedOn ? `${book.name(doc.signerId)} ${doc.signedOn}` : ''}</Field>
          <Field label={L.printCopies}>{String(doc.printCopies)}</Field>
          <Field label={L.distribution}>{doc.distribution.join('、')}</Field>
          <Field label="分发日期">{doc.issuedOn ?? ''}</Field>
          <Field label="归档">{doc.archived ? `${doc.archivedOn} ${doc.archiveRef ?? ''}` : ''}</Field>
        </Stack>
      </Card>
      <Text size="sm" c="dimmed">
        流程：{OUTGOING_STEPS.map((s) => s.label).join(' → ')}
        {stepNow ? `；当前：${stepNow.label}（${stepNow.approverName}）` : ''}
      </Text>
      {req && <ApprovalChain req={req} />}
      {req && req.status === 'pending' && mayDecide && (
        <Card withBorder bg="var(--mantine-color-yellow-light)">
          <DecideForm req={req} />
        </Card>
      )}
      <Group>
        {mineToEdit && editable && (
          <>
            <Button variant="default" onClick={() => navigate('documents', 'outgoing', id, 'edit')}>
              修改
            </Button>
            <Button onClick={submit}>{L.submit}</Button>
          </>
        )}
        {req && req.status === 'pending' && req.applicantId === user.staffId && (
          <ConfirmButton
            color="gray"
            variant="default"
            title="撤回文稿"
            message="撤回后可修改再提交；撤回的文稿不占用文号。"
            onConfirm={() => withdraw(req.id, currentActor()).then(() => notifyOk('已撤回'), notifyError)}
          >
            撤回
          </ConfirmButton>
        )}
      </Group>
      {manage && (doc.status === 'signed' || doc.status === 'issued') && !doc.archived && (
        <IssueForm doc={doc} />
      )}
      {manage && doc.status === 'issued' && !doc.archived && (
        <ArchiveForm
          initialRef={`${doc.numberYear ?? doc.year}-发文-`}
          archive={(ref, on) => archiveOutgoing(doc.id, ref, on, currentActor())}
        />
      )}
      <RuleLines ids={['DOC-3']} inline />
    </Stack>
  );
}

function IssueForm({ doc }: { doc: OutgoingDoc }) {
  const form = useDocForm(
    {
      initial: () => ({
        copies: doc.printCopies || 1,
        dist: doc.distribution.join('、'),
        on: doc.issuedOn ?? today(),
      }),
      submit: (v) =>
        issueOutgoing(
          doc.id,
          { printCopies: v.copies, distribution: splitList(v.dist), issuedOn: v.on },
          currentActor(),
        ),
      success: '已登记印制分发',
    },
    'distribution',
  );
  return (
    <StepCard form={form} submitLabel={L.issue}>
      <NumberInput
        label={L.printCopies}
        value={form.values.copies}
        min={1}
        onChange={(n) => form.set('copies', typeof n === 'number' ? n : 0)}
        error={form.errors.printCopies}
        w={120}
      />
      <TextInput label={L.distribution} {...form.text('dist')} error={form.errors.distribution} w={360} />
      <DateField label="分发日期" {...form.input('on')} error={form.errors.issuedOn} />
    </StepCard>
  );
}
