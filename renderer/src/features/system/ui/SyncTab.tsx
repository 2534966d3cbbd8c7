import { Alert, Anchor, Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { href } from '../../../app/router';
import { Loading } from '../../../components/Detail';
import { FormCard } from '../../../components/FormCard';
import { notifyError, notifyOk } from '../../../components/notify';
import { useCommandForm } from '../../../components/useCommandForm';
import {
  checkConnection,
  deniedText,
  statusColor,
  statusText,
  syncCounts,
  syncView,
  turnSyncOff,
  turnSyncOn,
  useSyncStatus,
} from '../core/sync';
import type { SyncForm, SyncView } from '../core/sync';
import { CONFLICT_LABELS, SYNC_LABELS } from '../labels';

export function SyncTab() {
  const view = useLiveQuery(() => syncView(), []);
  const counts = useLiveQuery(() => syncCounts(), []);
  const status = useSyncStatus();
  const enabled = !!view?.enabled;
  const shown = enabled ? status : { phase: 'off' as const, pending: 0 };

  return (
    <Stack>
      <Group gap="xs" aria-label="同步状态">
        <Text size="sm">{SYNC_LABELS.status}</Text>
        <Badge color={statusColor(shown)} variant="light" size="lg" data-testid="sync-status">
          {statusText({ ...shown, pending: counts?.pending ?? shown.pending })}
        </Badge>
        {!!counts?.conflicts && (
          <Anchor href={href('system', 'conflicts')} size="sm" c="orange" data-testid="sync-conflicts">
            {CONFLICT_LABELS.waiting(counts.conflicts)}
          </Anchor>
        )}
        {!!counts?.denied && (
          <Anchor href={href('system', 'conflicts')} size="sm" c="orange" data-testid="sync-denied">
            {deniedText(counts.denied)}
          </Anchor>
        )}
        {!!counts?.parked && (
          <Text size="sm" c="orange">
            {SYNC_LABELS.parked(counts.parked)}
          </Text>
        )}
      </Group>
      <Alert variant="light" color="gray">
        {SYNC_LABELS.intro}
      </Alert>
      {/* the form opens with the stored values: nothing typed before they are read is overwritten */}
      {view ? <SyncSettings view={view} /> : <Loading />}
    </Stack>
  );
}

function SyncSettings({ view }: { view: SyncView }) {
  const [testing, setTesting] = useState(false);
  const form = useCommandForm<SyncForm>({
    initial: view.form,
    submit: (v) => turnSyncOn(v),
    success: SYNC_LABELS.turnedOn,
  });
  const enabled = view.enabled;

  const test = async () => {
    setTesting(true);
    try {
      const r = await checkConnection(form.values);
      if (r.ok) notifyOk(r.message);
      else notifyError(r.message);
    } catch (e) {
      form.fail(e, 'hubUrl');
    } finally {
      setTesting(false);
    }
  };
  const off = async () => {
    try {
      await turnSyncOff(form.values);
      notifyOk(SYNC_LABELS.turnedOff);
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <FormCard
      form={form}
      title={SYNC_LABELS.title}
      titleOrder={4}
      submitLabel={enabled ? SYNC_LABELS.reconnect : SYNC_LABELS.turnOn}
      footer={
        <Group gap="xs">
          <Button variant="default" onClick={test} loading={testing}>
            {SYNC_LABELS.test}
          </Button>
          {enabled && (
            <Button variant="light" color="red" onClick={off}>
              {SYNC_LABELS.turnOff}
            </Button>
          )}
        </Group>
      }
    >
      <TextInput
        label={SYNC_LABELS.hubUrl}
        placeholder={SYNC_LABELS.hubUrlPlaceholder}
        {...form.text('hubUrl')}
        w={360}
      />
      <Group>
        <TextInput label={SYNC_LABELS.user} {...form.text('user')} w={200} autoComplete="off" />
        <PasswordInput
          label={SYNC_LABELS.password}
          placeholder={view.hasPassword ? SYNC_LABELS.passwordKept : ''}
          {...form.text('password')}
          w={200}
          autoComplete="new-password"
        />
      </Group>
      <TextInput
        label={SYNC_LABELS.pcName}
        description={SYNC_LABELS.pcNameHint}
        {...form.text('pcName')}
        w={360}
      />
    </FormCard>
  );
}
