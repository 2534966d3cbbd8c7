import { Accordion, Alert, Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

import { useCan, useSession } from '../../../../auth/session';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';

import { AssignForm } from './AssignForm';
import { ConcludeForm } from './ConcludeForm';
import { ArchiveForm, ReplyReceivedForm, ReviewRequestForm, UnitAcceptForm } from './DateStepForms';
import { ExtendForm } from './ExtendForm';
import { NationalForm } from './NationalForm';
import { NotifyForm } from './NotifyForm';
import { ObjectionForm } from './ObjectionForm';
import { ReplyForm } from './ReplyForm';
import { ReviewAnswerForm } from './ReviewAnswerForm';
import { SortForm } from './SortForm';
import { UrgentForm } from './UrgentForm';

type Petition = ShownPetition;

export function Actions({ p }: { p: Petition }) {
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
