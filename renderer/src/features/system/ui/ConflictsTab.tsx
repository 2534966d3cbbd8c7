// 系统 › 同步冲突: each conflict with its versions side by side, field by field, the differing fields
// marked; 保留此版本 (asked first) decides it on every PC. A change of this PC the hub refused shows
// as this PC has it, with the hub's reason; 采用同步中心的版本 (asked first) brings the hub's back.
import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { ConfirmButton } from '../../../components/Confirm';
import { Loading } from '../../../components/Detail';
import { notifyError, notifyOk } from '../../../components/notify';
import { adoptHub, conflictViews, keepVersion, PARKED_APPLY, PARKED_ASIDE } from '../core/conflicts';
import type { ConflictVersionView, ConflictView } from '../core/conflicts';
import { CONFLICT_LABELS as L } from '../labels';

export function ConflictsTab() {
  const list = useLiveQuery(() => conflictViews().catch((e) => (notifyError(e), [])), []);
  return <ConflictList list={list} />;
}

export function ConflictList({ list }: { list: ConflictView[] | undefined }) {
  return (
    <Stack>
      <Title order={4}>{L.title}</Title>
      <Text size="sm" c="dimmed">
        {L.intro}
      </Text>
      {!list ? (
        <Loading />
      ) : list.length === 0 ? (
        <Alert color="green" variant="light" data-testid="conflicts-empty">
          {L.empty}
        </Alert>
      ) : (
        list.map((c) => <ConflictCard key={c.docId} c={c} />)
      )}
    </Stack>
  );
}

function heading(c: ConflictView, v: ConflictVersionView) {
  if (c.kind === 'denied') return L.deniedVersion;
  if (c.kind === 'parked') return v.local ? L.localRecord : L.cameFrom(v.pcName);
  return L.versionOf(v.pcName);
}

// What the button over a version decides: its label, the question asked first, the decision.
function decisionOf(
  c: ConflictView,
  v: ConflictVersionView,
): [string, string, () => Promise<unknown>, string] {
  if (c.kind === 'denied') return [L.adopt, L.adoptMessage, () => adoptHub(c.docId), L.adopted];
  const [choice, label, message] =
    c.kind === 'parked'
      ? v.local
        ? [PARKED_ASIDE, L.aside, L.asideMessage]
        : [PARKED_APPLY, L.apply, L.applyMessage]
      : [v.rev, L.keep, L.keepMessage(v.pcName)];
  return [label, message, () => keepVersion(c.docId, choice), L.kept];
}

function KeepButton({ c, v }: { c: ConflictView; v: ConflictVersionView }) {
  const [label, message, decide, done] = decisionOf(c, v);
  return (
    <ConfirmButton
      size="xs"
      color="blue"
      variant="light"
      title={label}
      message={message}
      onConfirm={async () => {
        try {
          await decide();
          notifyOk(done);
        } catch (e) {
          notifyError(e);
        }
      }}
    >
      {label}
    </ConfirmButton>
  );
}

function ConflictCard({ c }: { c: ConflictView }) {
  return (
    <Card withBorder data-testid="conflict">
      <Group gap="xs" mb="xs">
        <Badge variant="light">{c.kindLabel}</Badge>
        <Text fw={600}>{c.title}</Text>
        <Text size="sm" c="dimmed">
          {c.kind === 'denied' ? L.deniedAt(c.seenAt) : L.seenAt(c.seenAt)}
        </Text>
        {c.reasonLabel && (
          <Text size="sm" c="orange">
            {L.parkedReason(c.reasonLabel)}
          </Text>
        )}
      </Group>
      {c.refusal && (
        <Stack gap={2} mb="xs">
          <Text size="sm" c="red" data-testid="denied-reason">
            {L.deniedReason(c.refusal)}
          </Text>
          <Text size="sm" c="dimmed">
            {L.deniedNote}
          </Text>
        </Stack>
      )}
      {c.masked && (
        <Text size="sm" c="dimmed" mb="xs">
          {L.masked}
        </Text>
      )}
      <Table withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={140}>{L.field}</Table.Th>
            {c.versions.map((v) => (
              <Table.Th key={v.rev}>
                <Group justify="space-between" gap="xs">
                  <Text size="sm" fw={600}>
                    {heading(c, v)}
                  </Text>
                  <KeepButton c={c} v={v} />
                </Group>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.rows.map((r) => (
            <Table.Tr
              key={r.key}
              bg={r.differs ? 'var(--mantine-color-yellow-light)' : undefined}
              data-differs={r.differs || undefined}
            >
              <Table.Td>
                {r.label}
                {r.differs && (
                  <Badge ml={6} size="xs" color="yellow">
                    {L.differs}
                  </Badge>
                )}
              </Table.Td>
              {r.values.map((val, i) => (
                <Table.Td key={c.versions[i].rev}>{val}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
