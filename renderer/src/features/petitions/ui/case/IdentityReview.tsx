import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { useCan } from '../../../../auth/session';
import { ListTable } from '../../../../components/ListTable';
import { notifyOk } from '../../../../components/notify';
import * as repo from '../../core/commands';
import { identityReviewOf } from '../../core/queries';
import { IDENTITY_REVIEW } from '../../labels';
import { CaseLink } from '../CaseLink';
import { RuleNote, useActor, useFieldErrors } from '../ui';

// 重复件待核 (PET-6, PET-10): shown only to someone who may see one of the informant cases this
// case's petitioner matches (the query answers null to anyone else).
export function IdentityReview({ id }: { id: string }) {
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
        <ListTable
          withTableBorder
          striped={false}
          highlightOnHover={false}
          rows={matches}
          head={['检举揭发件', '收件日期', '信访人', '联系电话', '内容摘要', '']}
          row={(m) => [
            <CaseLink key="n" p={m} />,
            m.receivedOn,
            m.name,
            m.phone ?? '—',
            m.summary.length > 40 ? `${m.summary.slice(0, 40)}…` : m.summary,
            canHandle && p.state === 'registered' && (
              <Button
                key="l"
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
            ),
          ]}
        />
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
