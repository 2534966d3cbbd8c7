// One incoming document's page: its steps (DOC-1), circulation and deadline (DOC-2), where it is now,
// and the actions of each step.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { deadlineState, INCOMING_STEPS } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { fmtTime } from '../../../components/dates';
import { STATE_COLOR, STATE_LABEL } from '../../../components/DeadlineView';
import { Field } from '../../../components/Field';
import { notifyError, notifyOk } from '../../../components/notify';
import { ProvisionalBadge } from '../../../components/ProvisionalBadge';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import type { IncomingStatus } from '../../../db/schema/documents';
import { useStaffBook } from '../../../org/hooks';
import {
  archiveIncoming,
  chaseCirculation,
  circulationsOf,
  formatProposalBy,
  proposalBy,
} from '../core/incoming';
import { officeDirector } from '../core/outgoing';
import { incomingDoc } from '../core/queries';
import {
  CIRCULATION_ROLE_LABELS,
  INCOMING_KIND_LABELS,
  INCOMING_STATUS_COLORS,
  INCOMING_STATUS_LABELS,
  L,
  SECRECY_LABELS,
  URGENCY_LABELS,
} from '../labels';

import { ReadForm, ProposeForm, DecisionForm, CirculateForm, OutcomeForm } from './IncomingSteps';
import { ArchiveForm } from './StepForm';

const STEP_INDEX: Record<IncomingStatus, number> = {
  registered: 1,
  proposed: 2,
  decided: 3,
  circulating: 3,
  done: 5,
  reported: 6,
  archived: 7,
  destroyed: 7,
};

export function IncomingDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const manage = useCan('documents.manage');
  const book = useStaffBook();
  const cal = useCalendar();
  const doc = useLiveQuery(() => incomingDoc(id), [id]);
  const circs = useLiveQuery(() => circulationsOf(id), [id], []);
  const office = useLiveQuery(officeDirector, []);
  const proposer = useLiveQuery(async () => (doc ? proposalBy(doc) : null), [doc]);
  if (doc === undefined) return <Text c="dimmed">正在载入…</Text>;
  if (!doc) return <Alert color="red">收文记录不存在。</Alert>;
  const mine = circs.find((c) => c.staffId === user.staffId && !c.done);
  const isDirector = user.roles.includes('director');
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Anchor href={href('documents', 'incoming')}>← 收文登记簿</Anchor>
          <Title order={3}>{doc.regNo}</Title>
          <Badge color={INCOMING_STATUS_COLORS[doc.status]}>{INCOMING_STATUS_LABELS[doc.status]}</Badge>
        </Group>
        <Button variant="default" onClick={() => navigate('documents', 'incoming', id, 'print')}>
          收文处理单
        </Button>
      </Group>
      <Group gap={4} aria-label="办理步骤">
        {INCOMING_STEPS.map((s, i) => (
          <Group key={s.key} gap={4} wrap="nowrap">
            {i > 0 && <Text c="dimmed">→</Text>}
            <Badge
              variant={i < STEP_INDEX[doc.status] ? 'filled' : 'light'}
              color={i < STEP_INDEX[doc.status] ? 'green' : i === STEP_INDEX[doc.status] ? 'blue' : 'gray'}
            >
              {s.label}
            </Badge>
          </Group>
        ))}
      </Group>
      <Alert color="blue" title="现在何处">
        <Text size="sm" data-testid="doc-holder">
          {doc.holder}（自 {fmtTime(doc.heldSince)} 起）
        </Text>
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap={4}>
            <Text fw={600}>{doc.title}</Text>
            <Field label={L.receivedOn}>{doc.receivedOn}</Field>
            <Field label={L.issuer}>{doc.issuer}</Field>
            <Field label={L.issuerNumber}>{doc.issuerNumber}</Field>
            <Field label={L.kind}>{INCOMING_KIND_LABELS[doc.kind]}</Field>
            <Field label="紧急程度/密级">{`${URGENCY_LABELS[doc.urgency]} / ${SECRECY_LABELS[doc.secrecy]}`}</Field>
            <Field label={L.copies}>{String(doc.copies)}</Field>
            <Field label={L.proposal}>
              {doc.proposal
                ? `${doc.proposal}（${proposer ? formatProposalBy(proposer) : ''} ${fmtTime(doc.proposedAt)}）`
                : ''}
            </Field>
            <Field label={L.decision}>
              {doc.decision
                ? `${doc.decision}（${book.name(doc.decidedById)} ${fmtTime(doc.decidedAt)}）`
                : ''}
            </Field>
            <Field label="传阅期限">
              {doc.circulationDue ?? ''}
              {doc.status === 'circulating' && <ProvisionalBadge due={doc.circulationDue} cal={cal} />}
            </Field>
            <Field label={L.outcome}>
              {doc.outcome ? `${doc.outcome}（${doc.reportedOn}反馈局长）` : ''}
            </Field>
            <Field label="归档">{doc.archived ? `${doc.archivedOn} ${doc.archiveRef ?? ''}` : ''}</Field>
          </Stack>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            流转记录
          </Text>
          <Timeline bulletSize={12} lineWidth={2} active={doc.trail.length - 1}>
            {doc.trail.map((t, i) => (
              <Timeline.Item key={i} title={<Text size="sm">{t.action}</Text>}>
                <Text size="xs" c="dimmed">
                  {fmtTime(t.at)} · {t.byName} · 在：{t.holder}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      </SimpleGrid>
      {circs.length > 0 && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            传阅、承办
          </Text>
          <Table fz="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>人员</Table.Th>
                <Table.Th>方式</Table.Th>
                <Table.Th>分送时间</Table.Th>
                <Table.Th>期限</Table.Th>
                <Table.Th>阅办情况</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {circs.map((c) => {
                const st = c.done ? null : deadlineState(c.due, today(), cal);
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td>{book.name(c.staffId)}</Table.Td>
                    <Table.Td>{CIRCULATION_ROLE_LABELS[c.role]}</Table.Td>
                    <Table.Td>{fmtTime(c.sentAt)}</Table.Td>
                    <Table.Td>{c.due}</Table.Td>
                    <Table.Td>
                      {c.done ? (
                        `${c.role === 'read' ? '已阅' : '已办理'} ${fmtTime(c.doneAt)}${c.note ? `：${c.note}` : ''}`
                      ) : (
                        <Group gap={4}>
                          <Text size="sm">未阅</Text>
                          {st && st !== 'running' && (
                            <Badge size="xs" color={STATE_COLOR[st]}>
                              {STATE_LABEL[st]}
                            </Badge>
                          )}
                          {c.chaseCount ? (
                            <Badge size="xs" color="gray">
                              已催办{c.chaseCount}次
                            </Badge>
                          ) : null}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {manage && !c.done && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() =>
                            chaseCirculation(c.id, currentActor()).then(
                              () => notifyOk(`已催办 ${book.name(c.staffId)}`),
                              notifyError,
                            )
                          }
                        >
                          {L.chase}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {mine && <ReadForm circulationId={mine.id} role={mine.role} />}
      {(manage || (!!office && office.id === user.staffId)) &&
        (doc.status === 'registered' || doc.status === 'proposed') && (
          <ProposeForm doc={doc} office={office ?? null} />
        )}
      {(manage || isDirector) && (doc.status === 'proposed' || doc.status === 'decided') && (
        <DecisionForm doc={doc} />
      )}
      {manage && ['decided', 'circulating', 'done'].includes(doc.status) && (
        <CirculateForm doc={doc} existing={circs.map((c) => c.staffId)} />
      )}
      {manage && (doc.status === 'done' || doc.status === 'reported') && <OutcomeForm doc={doc} />}
      {manage && doc.status === 'reported' && (
        <ArchiveForm
          initialRef={`${doc.year}-文书-`}
          archive={(ref, on) => archiveIncoming(doc.id, ref, on, currentActor())}
        />
      )}
      <RuleLines ids={['DOC-1', 'DOC-2']} inline />
    </Stack>
  );
}
