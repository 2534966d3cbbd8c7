// One complaint: what was received, the investigation's finding and the answer (SUP-3).
import { Alert, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { BackLink, DetailCard, InfoLine, Loading, Missing, StatusBadge } from '../../../components/Detail';
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
  if (c === undefined) return <Loading />;
  if (!c) return <Missing>投诉举报不存在。</Missing>;
  return (
    <Stack>
      <BackLink to={['assessment', 'complaints']}>返回投诉举报列表</BackLink>
      <DetailCard
        title={`${c.receivedOn} 对${name(c.staffId)}的${COMPLAINT_KIND_LABELS[c.kind]}投诉`}
        badge={
          <StatusBadge
            size="lg"
            value={c.status}
            labels={COMPLAINT_STATUS_LABELS}
            colors={COMPLAINT_STATUS_COLORS}
          />
        }
      >
        <InfoLine
          mt="xs"
          items={[
            ['来源', COMPLAINT_SOURCE_LABELS[c.source]],
            ['投诉举报人', c.complainant || '（未留名）'],
            ['受理人', name(c.handlerId)],
          ]}
        />
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
      </DetailCard>
      {c.status !== 'answered' && <InvestigationForm id={c.id} />}
      {c.status === 'investigating' && <AnswerForm id={c.id} />}
    </Stack>
  );
}
