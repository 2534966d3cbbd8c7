// 请假申请: 请假人, 请假类型, 开始, 结束 (date + 上午/下午), 事由, 提交. Before submitting the form
// shows the length in working half-days and the route (LV-1..4) with the rule text; an oral
// request for someone else is recorded by whoever received it (leave.recordOral).
import { Alert, Button, Card, Checkbox, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { navigate } from '../../app/router';
import { currentActor, useCan, useSession } from '../../auth/session';
import { notifyError, notifyOk } from '../../components/notify';
import { today } from '../../db/clock';
import { DomainError } from '../../db/repo';
import { activeStaff } from '../../org/org';

import { L } from './labels';
import type { FieldErrors, LeaveDraft } from './repo';
import { LEAVE_TYPE_OPTIONS, previewLeave, ruleLine, submitLeave } from './repo';
import { HalfDayField } from './ui';

const LIVE_FIELDS = ['start', 'end'];

export function LeaveForm() {
  const user = useSession((s) => s.user)!;
  const canOral = useCan('leave.recordOral');
  const staff = useLiveQuery(activeStaff, []);
  const t = today();
  const [d, setD] = useState<LeaveDraft>({
    staffId: user.staffId,
    leaveType: '',
    startDate: t,
    startHalf: 'am',
    endDate: t,
    endHalf: 'pm',
    reason: '',
    afterTheFact: false,
  });
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const preview = useLiveQuery(() => previewLeave(d), [d]);

  const set = <K extends keyof LeaveDraft>(k: K, v: LeaveDraft[K]) => {
    setD((x) => ({ ...x, [k]: v }));
    setServerErrors({});
  };
  const errorOf = (field: string): string | undefined =>
    serverErrors[field] ?? (tried || LIVE_FIELDS.includes(field) ? preview?.errors[field] : undefined);

  async function submit() {
    setTried(true);
    const p = await previewLeave(d);
    if (Object.keys(p.errors).length) return;
    setBusy(true);
    try {
      const leave = await submitLeave(d, currentActor());
      notifyOk(`已提交：${leave.number}`);
      navigate('leave', 'leave', leave.id);
    } catch (e) {
      if (e instanceof DomainError && e.field) setServerErrors({ [e.field]: e.message });
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  const other = d.staffId !== user.staffId;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack maw={720}>
        <Select
          label={L.form.applicant}
          data={(staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={d.staffId}
          onChange={(v) => set('staffId', v ?? '')}
          searchable
          disabled={!canOral}
          error={errorOf('staffId')}
          description={canOral ? '为他人录入时，即记录您收到的口头请假（代录）' : undefined}
          w={260}
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
          label={L.form.reason}
          value={d.reason}
          onChange={(e) => set('reason', e.currentTarget.value)}
          error={errorOf('reason')}
          autosize
          minRows={2}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <Checkbox label={L.form.afterTheFact} checked={!!d.afterTheFact} onChange={(e) => set('afterTheFact', e.currentTarget.checked)} />

        <Card withBorder bg="var(--mantine-color-default-hover)">
          <Title order={5} mb={4}>
            时长与审批路线
          </Title>
          {preview?.days != null ? (
            <Stack gap={4}>
              <Text>
                时长：<b>{preview.days}天</b>（{preview.days * 2}个工作半日，只计工作日）
                {preview.route && `；形式：${preview.route.form === 'written' ? '书面（填写请假申报条）' : '口头'}`}
              </Text>
              {preview.routeText && (
                <Text data-testid="leave-route">
                  审批路线：<b>{preview.routeText}</b>
                  {preview.route?.reportToCounty ? '（报告县领导）' : ''}
                </Text>
              )}
              {preview.routeError && <Alert color="red">{preview.routeError}</Alert>}
              {preview.ruleIds?.map((id) => (
                <Text key={id} size="sm" c="dimmed">
                  {ruleLine(id)}
                </Text>
              ))}
              {preview.afterTheFact && (
                <Alert color="orange" p="xs">
                  事后补办（LV-5）：批准前，所涉时段在考勤中按旷工统计。
                </Alert>
              )}
              {other && <Text size="sm">代录人：{user.name}（口头请假由接收人登记）</Text>}
            </Stack>
          ) : (
            <Text c="dimmed" size="sm">
              填写开始和结束后显示请假时长和审批路线。
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
