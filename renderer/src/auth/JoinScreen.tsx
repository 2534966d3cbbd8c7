// 加入已有单位 (first run): the hub's address and this PC's account on it, this PC's name and the
// unit's name; 测试连接, then 加入; then the catch-up until the office's accounts are here and the
// engine says 已同步, and the login screen. The work is in sync/join.ts.
import {
  Alert,
  Badge,
  Button,
  Group,
  PasswordInput,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

import { ConfirmButton } from '../components/Confirm';
import { errorMessage, notifyError, notifyOk } from '../components/notify';
import { useCommandForm } from '../components/useCommandForm';
import type { ConnectionReport } from '../sync/config';
import { abandonJoin, joinOffice, joinShare, testJoin, watchCatchUp } from '../sync/join';
import type { JoinForm, JoinProgress } from '../sync/join';
import { statusColor, statusText, useSyncStatus } from '../sync/status';

import { JOIN_LABELS, SETUP_LABELS } from './labels';

// A first-run step's title and the line under it.
export function StepTitle({ title, intro }: { title: string; intro: string }) {
  return (
    <>
      <Title order={2}>{title}</Title>
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
    </>
  );
}

const EMPTY: JoinForm = { hubUrl: '', user: '', password: '', pcName: '', unitName: '' };

export function JoinForm({
  onJoined,
  onNewUnit,
  onBack,
}: {
  onJoined: () => void;
  onNewUnit: () => void;
  onBack: () => void;
}) {
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [testing, setTesting] = useState(false);
  const form = useCommandForm<JoinForm, ConnectionReport>({
    initial: EMPTY,
    submit: async (v) => {
      setReport(null);
      return joinOffice(v);
    },
    onDone: (r) => {
      if (r.ok) onJoined();
      else setReport(r);
    },
  });
  const test = async () => {
    setTesting(true);
    setReport(null);
    try {
      setReport(await testJoin(form.values));
    } catch (e) {
      form.fail(e, 'hubUrl');
    } finally {
      setTesting(false);
    }
  };
  const busy = form.busy || testing;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <Stack>
        <StepTitle title={JOIN_LABELS.title} intro={JOIN_LABELS.intro} />
        <TextInput
          label={JOIN_LABELS.hubUrl}
          placeholder={JOIN_LABELS.hubUrlPlaceholder}
          {...form.text('hubUrl')}
          data-autofocus
          autoFocus
        />
        <Group grow align="flex-start">
          <TextInput label={JOIN_LABELS.user} {...form.text('user')} autoComplete="off" />
          <PasswordInput
            label={JOIN_LABELS.password}
            {...form.text('password')}
            autoComplete="new-password"
          />
        </Group>
        <TextInput label={JOIN_LABELS.pcName} description={JOIN_LABELS.pcNameHint} {...form.text('pcName')} />
        <TextInput
          label={JOIN_LABELS.unitName}
          description={JOIN_LABELS.unitNameHint}
          placeholder="如：新宁县信访局"
          {...form.text('unitName')}
        />
        {report && (
          <Alert
            color={report.ok ? 'green' : 'red'}
            role={report.ok ? 'status' : 'alert'}
            data-testid="join-answer"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{report.message}</Text>
              {report.nothingToJoin && (
                <Button size="xs" variant="light" onClick={onNewUnit}>
                  {JOIN_LABELS.newUnitInstead}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={form.busy} disabled={testing}>
            {JOIN_LABELS.submit}
          </Button>
          <Button variant="default" onClick={test} loading={testing} disabled={form.busy}>
            {JOIN_LABELS.test}
          </Button>
          <Button variant="subtle" onClick={onBack} disabled={busy} ml="auto">
            {SETUP_LABELS.back}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// The catch-up: what has arrived, the engine's status line; done, the login screen.
export function JoinCatchUp({ onDone, onAbandoned }: { onDone: () => void; onAbandoned: () => void }) {
  const status = useSyncStatus();
  const [progress, setProgress] = useState<JoinProgress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const watch = watchCatchUp(setProgress);
    watch.done.then(
      () => {
        notifyOk(JOIN_LABELS.done);
        done.current();
      },
      (e: unknown) => setFailure(errorMessage(e)),
    );
    return () => watch.stop();
  }, []);
  const abandon = async () => {
    try {
      await abandonJoin();
      onAbandoned();
    } catch (e) {
      notifyError(e);
    }
  };
  const p = progress ?? { received: 0, expected: 0, written: 0, accounts: 0, arrived: 0, applied: 0 };
  const share = joinShare(p);
  const stalled = status.phase === 'offline' || status.phase === 'error';

  return (
    <Stack>
      <StepTitle title={JOIN_LABELS.catchUpTitle} intro={JOIN_LABELS.catchUpIntro} />
      <Progress
        value={share}
        aria-label={JOIN_LABELS.progress}
        size="lg"
        animated={!stalled}
        striped={p.expected === 0}
      />
      <Stack gap={4} data-testid="join-progress">
        <Text size="sm">{JOIN_LABELS.received(p.received, p.expected)}</Text>
        <Text size="sm">{JOIN_LABELS.written(p.written, p.accounts)}</Text>
      </Stack>
      <Group gap="xs">
        <Text size="sm">{JOIN_LABELS.status}</Text>
        <Badge color={statusColor(status)} variant="light" size="lg" data-testid="join-status">
          {statusText(status)}
        </Badge>
      </Group>
      {stalled && (
        <Alert color="orange" role="status">
          {JOIN_LABELS.stalled}
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end">
        <ConfirmButton
          variant="subtle"
          color="red"
          title={JOIN_LABELS.abandon}
          message={JOIN_LABELS.abandonMessage}
          confirmLabel={JOIN_LABELS.abandon}
          onConfirm={abandon}
        >
          {JOIN_LABELS.abandon}
        </ConfirmButton>
      </Group>
    </Stack>
  );
}
