// 投诉举报 (SUP-3): complaints and reports about staff received by the designated person, investigated
// and answered; PET-11 attitude complaints from 信访 land here too and feed ASM-3.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { can } from '../../../../shared/permissions';
import { ruleText } from '../../../../shared/rules';
import { href, navigate } from '../../app/router';
import { currentActor, useSession } from '../../auth/session';
import { notifyOk } from '../../components/notify';
import { today } from '../../db/clock';
import { db } from '../../db/db';
import type { StaffComplaint } from '../../db/schema/supervision';
import { StaffSelect, useFieldErrors, useStaff } from '../finance/ui';

import {
  COMPLAINT_KIND_LABELS,
  COMPLAINT_SOURCE_LABELS,
  COMPLAINT_STATUS_LABELS,
  FINDING_LABELS,
  L,
  MEDIA_LABELS,
} from './labels';
import { answerComplaint, investigateComplaint, receiveComplaint } from './repo';

const STATUS_COLOR: Record<StaffComplaint['status'], string> = {
  received: 'blue',
  investigating: 'orange',
  answered: 'green',
};

export function ComplaintsTab({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'assessment.manage');
  const { name } = useStaff();
  const [limit, setLimit] = useState(50);
  const rows = useLiveQuery(
    async () =>
      (
        await db.staffComplaints
          .orderBy('receivedOn')
          .reverse()
          .limit(limit + 1)
          .toArray()
      ).filter((c) => !c.deletedAt),
    [limit],
  );
  if (!manage)
    return <Alert color="gray">投诉举报由办公室指定专人受理（SUP-3），仅考核监督人员可查看。</Alert>;
  if (id) return <ComplaintDetail id={id} />;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        SUP-3 {ruleText('SUP-3').text}
      </Text>
      <ComplaintForm />
      <Table striped highlightOnHover fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.receivedOn}</Table.Th>
            <Table.Th>{L.staff}</Table.Th>
            <Table.Th>{L.source}</Table.Th>
            <Table.Th>{L.kind}</Table.Th>
            <Table.Th>内容</Table.Th>
            <Table.Th>核查结论</Table.Th>
            <Table.Th>状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rows ?? []).slice(0, limit).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.receivedOn}</Table.Td>
              <Table.Td>{name(c.staffId)}</Table.Td>
              <Table.Td>{COMPLAINT_SOURCE_LABELS[c.source]}</Table.Td>
              <Table.Td>{COMPLAINT_KIND_LABELS[c.kind]}</Table.Td>
              <Table.Td>
                <Anchor href={href('assessment', 'complaints', c.id)} size="sm" lineClamp={1}>
                  {c.content}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.finding ? FINDING_LABELS[c.finding] : '—'}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[c.status]}>{COMPLAINT_STATUS_LABELS[c.status]}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows && rows.length > limit && (
        <Button variant="default" onClick={() => setLimit(limit + 50)}>
          加载更多
        </Button>
      )}
    </Stack>
  );
}

function ComplaintForm() {
  const { list } = useStaff();
  const [staffId, setStaffId] = useState('');
  const [receivedOn, setReceivedOn] = useState(today());
  const [source, setSource] = useState<StaffComplaint['source']>('visit');
  const [kind, setKind] = useState<StaffComplaint['kind']>('attitude');
  const [complainant, setComplainant] = useState('');
  const [content, setContent] = useState('');
  const { errors, fail, clear } = useFieldErrors();
  return (
    <Card withBorder>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          clear();
          try {
            const c = await receiveComplaint(
              { staffId, receivedOn, source, complainant, content, kind },
              currentActor(),
            );
            notifyOk('已登记受理');
            navigate('assessment', 'complaints', c.id);
          } catch (err) {
            fail(err, 'content');
          }
        }}
      >
        <Title order={5} mb="xs">
          受理投诉举报
        </Title>
        <Group grow align="flex-start">
          <StaffSelect
            label={L.staff}
            staff={list}
            value={staffId}
            onChange={setStaffId}
            error={errors.staffId}
          />
          <TextInput
            label={L.receivedOn}
            type="date"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            error={errors.receivedOn}
          />
          <NativeSelect
            label={L.source}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value as StaffComplaint['source'])}
            data={Object.entries(COMPLAINT_SOURCE_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <NativeSelect
            label={L.kind}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as StaffComplaint['kind'])}
            data={Object.entries(COMPLAINT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Group>
        <Group grow align="flex-start" mt="xs">
          <TextInput
            label={L.complainant}
            value={complainant}
            onChange={(e) => setComplainant(e.currentTarget.value)}
          />
        </Group>
        <Textarea
          mt="xs"
          label={L.content}
          value={content}
          onChange={(e) => setContent(e.currentTarget.value)}
          error={errors.content}
          autosize
          minRows={2}
        />
        <Button type="submit" mt="sm">
          {L.receive}
        </Button>
      </form>
    </Card>
  );
}

function ComplaintDetail({ id }: { id: string }) {
  const c = useLiveQuery(() => db.staffComplaints.get(id), [id]);
  const { name } = useStaff();
  const [investigation, setInvestigation] = useState('');
  const [finding, setFinding] = useState<'' | 'substantiated' | 'unsubstantiated'>('');
  const [corrected, setCorrected] = useState(false);
  const [media, setMedia] = useState('');
  const [answer, setAnswer] = useState('');
  const [answeredOn, setAnsweredOn] = useState(today());
  const inv = useFieldErrors();
  const ans = useFieldErrors();
  if (c === undefined) return <Text c="dimmed">正在读取…</Text>;
  if (!c) return <Alert color="red">投诉举报不存在。</Alert>;
  return (
    <Stack>
      <Anchor href={href('assessment', 'complaints')}>← 返回投诉举报列表</Anchor>
      <Card withBorder>
        <Group justify="space-between">
          <Title order={4}>
            {c.receivedOn} 对{name(c.staffId)}的{COMPLAINT_KIND_LABELS[c.kind]}投诉
          </Title>
          <Badge size="lg" color={STATUS_COLOR[c.status]}>
            {COMPLAINT_STATUS_LABELS[c.status]}
          </Badge>
        </Group>
        <Text size="sm" mt="xs">
          来源：{COMPLAINT_SOURCE_LABELS[c.source]} · 投诉举报人：{c.complainant || '（未留名）'} · 受理人：
          {name(c.handlerId)}
        </Text>
        <Text mt="xs">{c.content}</Text>
        {c.finding && (
          <Alert
            mt="sm"
            color={c.finding === 'substantiated' ? 'orange' : 'gray'}
            title={`核查结论：${FINDING_LABELS[c.finding]}`}
          >
            {c.investigation}
            {c.finding === 'substantiated' && c.kind === 'attitude' && (
              <div>
                {c.corrected ? '已改正并向群众道歉。' : '尚未改正。'}
                {c.mediaLevel ? `经${MEDIA_LABELS[c.mediaLevel]}报道、曝光。` : ''}（计入年度考核 ASM-3）
              </div>
            )}
          </Alert>
        )}
        {c.status === 'answered' && (
          <Alert mt="sm" color="green" title={`已答复 ${c.answeredOn}`}>
            {c.answer}
          </Alert>
        )}
      </Card>
      {c.status !== 'answered' && (
        <Card withBorder>
          <Title order={5} mb="xs">
            调查核实
          </Title>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              inv.clear();
              try {
                if (!finding) {
                  inv.setErrors({ finding: '请选择核查结论' });
                  return;
                }
                await investigateComplaint(
                  id,
                  {
                    investigation,
                    finding,
                    corrected,
                    mediaLevel: (media || null) as StaffComplaint['mediaLevel'],
                  },
                  currentActor(),
                );
                notifyOk('已保存核查结论');
              } catch (err) {
                inv.fail(err, 'investigation');
              }
            }}
          >
            <Textarea
              label={L.investigation}
              value={investigation}
              onChange={(e) => setInvestigation(e.currentTarget.value)}
              error={inv.errors.investigation}
              autosize
              minRows={2}
            />
            <Group mt="xs" align="flex-end">
              <NativeSelect
                label={L.finding}
                value={finding}
                onChange={(e) => setFinding(e.currentTarget.value as typeof finding)}
                data={[
                  { value: '', label: '请选择' },
                  { value: 'substantiated', label: FINDING_LABELS.substantiated },
                  { value: 'unsubstantiated', label: FINDING_LABELS.unsubstantiated },
                ]}
                error={inv.errors.finding}
              />
              {finding === 'substantiated' && (
                <>
                  <Checkbox
                    label={L.corrected}
                    checked={corrected}
                    onChange={(e) => setCorrected(e.currentTarget.checked)}
                    mb={8}
                  />
                  <NativeSelect
                    label={L.media}
                    value={media}
                    onChange={(e) => setMedia(e.currentTarget.value)}
                    data={[
                      { value: '', label: '未经媒体报道' },
                      ...Object.entries(MEDIA_LABELS).map(([value, label]) => ({ value, label })),
                    ]}
                  />
                </>
              )}
              <Button type="submit">{L.saveInvestigation}</Button>
            </Group>
          </form>
        </Card>
      )}
      {c.status === 'investigating' && (
        <Card withBorder>
          <Title order={5} mb="xs">
            答复办结
          </Title>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              ans.clear();
              try {
                await answerComplaint(id, answer, answeredOn, currentActor());
                notifyOk('已答复办结');
              } catch (err) {
                ans.fail(err, 'answer');
              }
            }}
          >
            <Textarea
              label={L.answer}
              value={answer}
              onChange={(e) => setAnswer(e.currentTarget.value)}
              error={ans.errors.answer}
              autosize
              minRows={2}
            />
            <Group mt="xs" align="flex-end">
              <TextInput
                label={L.answeredOn}
                type="date"
                value={answeredOn}
                onChange={(e) => setAnsweredOn(e.currentTarget.value)}
                error={ans.errors.answeredOn}
              />
              <Button type="submit">{L.saveAnswer}</Button>
            </Group>
          </form>
        </Card>
      )}
    </Stack>
  );
}
