// 请假申请: 请假人, 请假类型, 开始, 结束 (date + 上午/下午), 事由, 提交. Before submitting the form
// shows the length in working half-days and the route (LV-1..4) with the rule text; an oral
// request for someone else is recorded by whoever received it (leave.recordOral).
import { Alert, Select, Text } from '@mantine/core';

import { currentActor, useSession } from '../../../auth/session';
import { today } from '../../../db/clock';
import type { LeaveDraft } from '../core';
import { LEAVE_TYPE_OPTIONS, previewLeave, submitLeave } from '../core';
import { L } from '../labels';

import {
  ApplicantSelect,
  RequestForm,
  RoutePreviewCard,
  RouteLines,
  SpanReasonAfter,
  todaySpan,
  useRequestForm,
} from './request';

export function LeaveForm() {
  const user = useSession((s) => s.user)!;
  const form = useRequestForm<LeaveDraft, Awaited<ReturnType<typeof previewLeave>>>({
    initial: {
      staffId: user.staffId,
      leaveType: '',
      ...todaySpan(today()),
      reason: '',
      afterTheFact: false,
    },
    preview: previewLeave,
    submit: (x) => submitLeave(x, currentActor()),
    liveFields: ['start', 'end'],
    tab: 'leave',
  });
  const { d, set, errorOf, submit, busy, preview } = form;

  const other = d.staffId !== user.staffId;
  return (
    <RequestForm onSubmit={submit} busy={busy}>
      <ApplicantSelect
        label={L.form.applicant}
        value={d.staffId}
        onChange={(v) => set('staffId', v)}
        error={errorOf('staffId')}
        oralHint="为他人录入时，即记录您收到的口头请假（代录）"
      />
      <Select
        label={L.form.type}
        data={LEAVE_TYPE_OPTIONS}
        value={d.leaveType || null}
        onChange={(v) => set('leaveType', (v ?? '') as LeaveDraft['leaveType'])}
        error={errorOf('leaveType')}
        w={260}
        autoFocus
      />
      <SpanReasonAfter form={form} reason="reason" label={L.form.reason} afterLabel={L.form.afterTheFact} />

      <RoutePreviewCard ready={preview?.days != null} empty="填写开始和结束后显示请假时长和审批路线。">
        {preview?.days != null && (
          <>
            <Text>
              时长：<b>{preview.days}天</b>（{preview.days * 2}个工作半日，只计工作日）
              {preview.route &&
                `；形式：${preview.route.form === 'written' ? '书面（填写请假申报条）' : '口头'}`}
            </Text>
            <RouteLines
              testId="leave-route"
              preview={preview}
              suffix={preview.route?.reportToCounty ? '（报告县领导）' : ''}
            />
            {preview.afterTheFact && (
              <Alert color="orange" p="xs">
                事后补办（LV-5）：批准前，所涉时段在考勤中按旷工统计。
              </Alert>
            )}
            {other && <Text size="sm">代录人：{user.name}（口头请假由接收人登记）</Text>}
          </>
        )}
      </RoutePreviewCard>
    </RequestForm>
  );
}
