// 外出申请 (TRIP-1..3): 外出人, 外出类型, 目的地, 外出事由, 开始, 结束; a study or inspection trip
// elsewhere cites a decision of the 局长办公会 (TRIP-3). The route, the length and the travel
// allowance days show before submitting.
import { Alert, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { navigate } from '../../app/router';
import { currentActor, useCan, useSession } from '../../auth/session';
import { notifyError, notifyOk } from '../../components/notify';
import { today } from '../../db/clock';
import { DomainError } from '../../db/repo';
import type { TripKind } from '../../db/schema/attendance';
import { activeStaff } from '../../org/org';

import { L, TRIP_KIND_LABELS } from './labels';
import type { FieldErrors, TripDraft } from './repo';
import { directorOfficeDecisions, previewTrip, ruleLine, submitTrip } from './repo';
import { HalfDayField } from './ui';

const LIVE_FIELDS = ['start', 'end', 'decisionId'];

export function TripForm() {
  const user = useSession((s) => s.user)!;
  const canOral = useCan('leave.recordOral');
  const staff = useLiveQuery(activeStaff, []);
  const decisions = useLiveQuery(() => directorOfficeDecisions(), []);
  const t = today();
  const [d, setD] = useState<TripDraft>({
    staffId: user.staffId,
    tripKind: '',
    destination: '',
    purpose: '',
    startDate: t,
    startHalf: 'am',
    endDate: t,
    endHalf: 'pm',
    decisionId: null,
  });
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const preview = useLiveQuery(() => previewTrip(d), [d]);

  const set = <K extends keyof TripDraft>(k: K, v: TripDraft[K]) => {
    setD((x) => ({ ...x, [k]: v }));
    setServerErrors({});
  };
  const errorOf = (f: string) => serverErrors[f] ?? (tried || LIVE_FIELDS.includes(f) ? preview?.errors[f] : undefined);

  async function submit() {
    setTried(true);
    const p = await previewTrip(d);
    if (Object.keys(p.errors).length) return;
    setBusy(true);
    try {
      const trip = await submitTrip(d, currentActor());
      notifyOk(`已提交：${trip.number}`);
      navigate('leave', 'trip', trip.id);
    } catch (e) {
      if (e instanceof DomainError && e.field) setServerErrors({ [e.field]: e.message });
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack maw={720}>
        <Select
          label={L.form.traveller}
          data={(staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={d.staffId}
          onChange={(v) => set('staffId', v ?? '')}
          searchable
          disabled={!canOral}
          error={errorOf('staffId')}
          w={260}
        />
        <Select
          label={L.form.tripKind}
          data={Object.entries(TRIP_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          value={d.tripKind || null}
          onChange={(v) => set('tripKind', (v ?? '') as TripKind | '')}
          error={errorOf('tripKind')}
          w={260}
          autoFocus
        />
        {d.tripKind === 'study' && (
          <Select
            label={L.form.decision}
            description="TRIP-3：赴外地学习、考察须经局长办公会研究同意，并按干部管理权限报县领导"
            placeholder={decisions?.length ? '选择所依据的决定' : '暂无局长办公会决定，请先在“会议”中登记'}
            data={(decisions ?? []).map((m) => ({ value: m.id, label: `${m.number}（${m.meetingDate}）${m.text.slice(0, 24)}` }))}
            value={d.decisionId}
            onChange={(v) => set('decisionId', v)}
            searchable
            error={errorOf('decisionId')}
          />
        )}
        <TextInput label={L.form.destination} value={d.destination} onChange={(e) => set('destination', e.currentTarget.value)} error={errorOf('destination')} />
        <Group align="flex-start">
          <HalfDayField
            label={L.form.start}
            halfLabel={L.form.startHalf}
            date={d.startDate}
            half={d.startHalf}
            onDate={(v) => set('startDate', v)}
            onHalf={(h) => set('startHalf', h)}
            error={errorOf('start')}
          />
          <HalfDayField
            label={L.form.end}
            halfLabel={L.form.endHalf}
            date={d.endDate}
            half={d.endHalf}
            onDate={(v) => set('endDate', v)}
            onHalf={(h) => set('endHalf', h)}
            error={errorOf('end')}
          />
        </Group>
        <Textarea
          label={L.form.purpose}
          value={d.purpose}
          onChange={(e) => set('purpose', e.currentTarget.value)}
          error={errorOf('purpose')}
          autosize
          minRows={2}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <Card withBorder bg="var(--mantine-color-default-hover)">
          <Title order={5} mb={4}>
            时长与审批路线
          </Title>
          {preview?.days != null && preview.route ? (
            <Stack gap={4}>
              <Text>
                外出时长：<b>{preview.days}天</b>；出差补助天数：<b>{preview.allowanceDays}天</b>；形式：
                {preview.route.kind === 'report' ? '报告' : preview.route.form === 'written' ? '书面审批' : '口头审批'}（须事前办理）
              </Text>
              {preview.routeText && (
                <Text data-testid="trip-route">
                  审批路线：<b>{preview.routeText}</b>
                </Text>
              )}
              {preview.routeError && <Alert color="red">{preview.routeError}</Alert>}
              {preview.ruleIds?.map((id) => (
                <Text key={id} size="sm" c="dimmed">
                  {ruleLine(id)}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text c="dimmed" size="sm">
              选择外出类型并填写开始和结束后显示审批路线。
            </Text>
          )}
        </Card>
        <Group>
          <Button type="submit" loading={busy}>
            {L.form.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
