// 外出申请 (TRIP-1..3): 外出人, 外出类型, 目的地, 外出事由, 开始, 结束; a study or inspection trip
// elsewhere cites a decision of the 局长办公会 (TRIP-3). The route, the length and the travel
// allowance days show before submitting.
import { Alert, Select, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { currentActor, useSession } from '../../../auth/session';
import { today } from '../../../db/clock';
import type { TripKind } from '../../../db/schema/attendance';
import type { TripDraft } from '../core';
import { directorOfficeDecisions, previewTrip, submitTrip } from '../core';
import { L, TRIP_KIND_LABELS } from '../labels';

import {
  ApplicantSelect,
  RequestForm,
  RoutePreviewCard,
  RouteLines,
  SpanReasonAfter,
  todaySpan,
  useRequestForm,
} from './request';

export function TripForm() {
  const user = useSession((s) => s.user)!;
  const decisions = useLiveQuery(() => directorOfficeDecisions(), []);
  const form = useRequestForm<TripDraft, Awaited<ReturnType<typeof previewTrip>>>({
    initial: {
      staffId: user.staffId,
      tripKind: '',
      destination: '',
      purpose: '',
      ...todaySpan(today()),
      decisionId: null,
      afterTheFact: false,
    },
    preview: previewTrip,
    submit: (x) => submitTrip(x, currentActor()),
    liveFields: ['start', 'end', 'decisionId'],
    tab: 'trip',
  });
  const { d, set, errorOf, submit, busy, preview } = form;

  return (
    <RequestForm onSubmit={submit} busy={busy}>
      <ApplicantSelect
        label={L.form.traveller}
        value={d.staffId}
        onChange={(v) => set('staffId', v)}
        error={errorOf('staffId')}
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
          data={(decisions ?? []).map((m) => ({
            value: m.id,
            label: `${m.number}（${m.meetingDate}）${m.text.slice(0, 24)}`,
          }))}
          value={d.decisionId}
          onChange={(v) => set('decisionId', v)}
          searchable
          error={errorOf('decisionId')}
        />
      )}
      <TextInput
        label={L.form.destination}
        value={d.destination}
        onChange={(e) => set('destination', e.currentTarget.value)}
        error={errorOf('destination')}
      />
      <SpanReasonAfter
        form={form}
        reason="purpose"
        label={L.form.purpose}
        afterLabel={L.form.tripAfterTheFact}
      />
      <RoutePreviewCard
        ready={preview?.days != null && !!preview.route}
        empty="选择外出类型并填写开始和结束后显示审批路线。"
      >
        {preview?.days != null && preview.route && (
          <>
            <Text>
              外出时长：<b>{preview.days}天</b>；出差补助天数：<b>{preview.allowanceDays}天</b>；形式：
              {preview.route.kind === 'report'
                ? '报告'
                : preview.route.form === 'written'
                  ? '书面审批'
                  : '口头审批'}
              （须事前办理）
            </Text>
            <RouteLines testId="trip-route" preview={preview} />
            {preview.afterTheFact && (
              <Alert color="orange" p="xs" data-testid="trip-after-the-fact">
                {L.msg.tripAfterTheFact}
              </Alert>
            )}
          </>
        )}
      </RoutePreviewCard>
    </RequestForm>
  );
}
