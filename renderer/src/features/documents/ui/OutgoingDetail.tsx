// One outgoing document's page: its approval (DOC-3), 签发 and number, printing and distribution.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { OUTGOING_STEPS } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { ApprovalChain, DecideForm } from '../../../approvals/ApprovalPanel';
import { approvalFor, canDecide, withdraw } from '../../../approvals/engine';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { Field } from '../../../components/Field';
import { notifyError, notifyOk } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { useSectionList, useStaffBook } from '../../../org/hooks';
import { docNumberText } from '../core/hubNumbers';
import { archiveOutgoing, submitOutgoing } from '../core/outgoing';
import { outgoingDoc } from '../core/queries';
import { L, OUTGOING_STATUS_COLORS, OUTGOING_STATUS_LABELS, SECRECY_LABELS, URGENCY_LABELS } from '../labels';

import { IssueForm } from './IssueForm';
import { ArchiveForm } from './StepForm';

export function OutgoingDetail({ id }: { id: string }) {
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
          <Title order={3}>{docNumberText(doc) || '（未编号）'}</Title>
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
          <Field label="文号">{docNumberText(doc)}</Field>
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
