// One piece: its reward and where its claim stands; the office reviews it here.
import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { can } from '../../../../../shared/permissions';
import { LEVEL_LABELS, PUBLICITY_CLAIM_STATES, rmbUppercase } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { currentActor, useSession } from '../../../auth/session';
import { BackLink, DetailCard, Loading, Missing, StatusBadge } from '../../../components/Detail';
import { notifyOk } from '../../../components/notify';
import { useFieldErrors } from '../../../components/useFieldErrors';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { reviewPiece, rewardFor } from '../core/pieces';
import { getPiece, pieceExpense } from '../core/queries';
import { KIND_LABELS, L } from '../labels';

import { PieceForm } from './PieceForm';
import { STATE_COLOR, STATE_LABEL } from './state';

export function PieceDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const p = useLiveQuery(() => getPiece(id), [id]);
  const expense = useLiveQuery(() => pieceExpense(p?.expenseId), [p?.expenseId]);
  const { name } = useStaff();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const { errors, fail, clear } = useFieldErrors({ notifyFieldErrors: 'with_rule' });
  useEffect(() => setEditing(false), [id]);
  if (p === undefined) return <Loading />;
  if (!p) return <Missing>作品不存在或已作不予奖励处理。</Missing>;
  const row = rewardFor(p);
  const canReview =
    can(user.roles, 'publicity.review') && p.claimState === 'claimed' && p.staffId !== user.staffId;
  async function review(approve: boolean) {
    clear();
    try {
      await reviewPiece(id, approve, note, currentActor());
      notifyOk(approve ? '审核通过' : '已作不予奖励处理');
      if (!approve) navigate('publicity', 'pieces');
    } catch (e) {
      fail(e, 'note');
    }
  }
  if (editing) return <PieceForm piece={p} onDone={() => setEditing(false)} />;
  return (
    <Stack>
      <BackLink to={['publicity', 'pieces']}>返回作品列表</BackLink>
      <DetailCard
        title={p.title}
        badge={<StatusBadge size="lg" value={p.claimState} labels={STATE_LABEL} colors={STATE_COLOR} />}
      >
        <Text size="sm" mt="xs">
          作者：{name(p.staffId)} · {p.outlet}（{LEVEL_LABELS[p.level]}）· {p.publishedOn} · {p.chars}字 ·{' '}
          {KIND_LABELS[p.kind]}
        </Text>
        <Alert mt="sm" color="green" variant="light" title={`奖励金额：${row.yuan}元`}>
          奖励标准：{row.rowLabel} × {row.levelLabel}（PUB-1）。人民币大写：{rmbUppercase(p.rewardFen)}
        </Alert>
        <Text size="sm" mt="xs">
          流程（PUB-2）：{PUBLICITY_CLAIM_STATES.map((s) => s.label).join(' → ')}
          {p.reviewedOn ? ` · 办公室审核：${name(p.reviewedById)} ${p.reviewedOn}` : ''}
          {expense ? ` · 报销单：` : ''}
          {expense && <Anchor href={href('finance', 'claims', expense.id)}>{expense.number}</Anchor>}
          {p.paidOn ? ` · 发放日期：${p.paidOn}` : ''}
        </Text>
      </DetailCard>
      {p.claimState === 'claimed' && (p.staffId === user.staffId || can(user.roles, 'publicity.review')) && (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            修改申报
          </Button>
        </Group>
      )}
      {canReview && (
        <Card withBorder>
          <Title order={5} mb="xs">
            {L.review}
          </Title>
          <Textarea
            label="审核意见"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={1}
          />
          <Group mt="xs">
            <Button onClick={() => review(true)}>审核通过</Button>
            <Button color="red" variant="outline" onClick={() => review(false)}>
              不予奖励
            </Button>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
