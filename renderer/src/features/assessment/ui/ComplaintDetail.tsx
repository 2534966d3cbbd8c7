// One complaint: what was received, the investigation's finding and the answer (SUP-3).
import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { href } from '../../../app/router';
import { useStaffBook } from '../../../org/hooks';
import { getComplaint } from '../core/queries';
import {
  COMPLAINT_KIND_LABELS,
  COMPLAINT_SOURCE_LABELS,
  COMPLAINT_STATUS_COLORS,
  COMPLAINT_STATUS_LABELS,
  FINDING_LABELS,
  MEDIA_LABELS,
} from '../labels';

import { AnswerForm, InvestigationForm } from './ComplaintSteps';

export function ComplaintDetail({ id }: { id: string }) {
  const c = useLiveQuery(async () => (await getComplaint(id)) ?? null, [id]);
  const { name } = useStaffBook();
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
          <Badge size="lg" color={COMPLAINT_STATUS_COLORS[c.status]}>
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
      {c.status !== 'answered' && <InvestigationForm id={c.id} />}
      {c.status === 'investigating' && <AnswerForm id={c.id} />}
    </Stack>
  );
}
