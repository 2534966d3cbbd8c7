// 作息时间 (ATT-1): summer and winter session times by date range, and the base of the 月考核分 (ATT-6).
// Which days are working days is the work calendar's (系统—工作日历).
import { Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';

import type { SessionTimes, WorkSchedule } from '../../../../../shared/rules';
import { ruleText } from '../../../../../shared/rules';
import { currentActor, useCan } from '../../../auth/session';
import { FormCard } from '../../../components/FormCard';
import { useCommandForm } from '../../../components/useCommandForm';
import { getBaseScore, getWorkSchedule, saveAttendanceSettings } from '../core/settings';

const FIELDS: { key: keyof SessionTimes; label: string }[] = [
  { key: 'amStart', label: '上午上班' },
  { key: 'amEnd', label: '上午下班' },
  { key: 'pmStart', label: '下午上班' },
  { key: 'pmEnd', label: '下午下班' },
];

type Values = { schedule: WorkSchedule; base: number | string };

export function ScheduleForm() {
  const [loaded, setLoaded] = useState<Values | null>(null);
  useEffect(() => {
    void Promise.all([getWorkSchedule(), getBaseScore()]).then(([w, base]) =>
      setLoaded({ schedule: structuredClone(w), base }),
    );
  }, []);
  return loaded ? <ScheduleFields initial={loaded} /> : null;
}

function ScheduleFields({ initial }: { initial: Values }) {
  const clerk = useCan('attendance.close');
  const admin = useCan('system.settings');
  const mayEdit = clerk || admin;
  const form = useCommandForm<Values>({
    initial,
    submit: (v) => saveAttendanceSettings(v.schedule, Number(v.base), currentActor()),
    success: '作息时间已保存',
    notifyFieldErrors: 'never',
  });
  const s = form.values.schedule;
  const { errors } = form;
  const setSchedule = (patch: Partial<WorkSchedule>) => form.set('schedule', { ...s, ...patch });

  const season = (k: 'summer' | 'winter', title: string) => (
    <Card withBorder>
      <Title order={5} mb="xs">
        {title}
      </Title>
      <Group>
        {FIELDS.map((f) => (
          <TextInput
            key={f.key}
            type="time"
            label={f.label}
            value={s[k][f.key]}
            readOnly={!mayEdit}
            error={errors[`${k}.${f.key}`]}
            onChange={(e) => setSchedule({ [k]: { ...s[k], [f.key]: e.currentTarget.value } })}
            w={130}
          />
        ))}
      </Group>
    </Card>
  );

  const fields = (
    <>
      <Text size="sm" c="dimmed">
        ATT-1 {ruleText('ATT-1').text} 工作日与节假日以“系统—工作日历”为准。
      </Text>
      {season('summer', '夏季作息')}
      {season('winter', '冬季作息')}
      <Group>
        {(
          [
            ['summerStart', '夏季作息开始（月-日）'],
            ['summerEnd', '夏季作息结束（月-日）'],
          ] as const
        ).map(([key, label]) => (
          <TextInput
            key={key}
            label={label}
            value={s[key]}
            readOnly={!mayEdit}
            error={errors[key]}
            onChange={(e) => setSchedule({ [key]: e.currentTarget.value })}
            w={190}
          />
        ))}
        <NumberInput
          label="月考核基础分（ATT-6）"
          {...form.input('base')}
          readOnly={!mayEdit}
          w={190}
          min={1}
        />
      </Group>
    </>
  );

  // who may not edit sees the times without a form
  if (!mayEdit) return <Stack maw={760}>{fields}</Stack>;
  return (
    <FormCard form={form} submitLabel="保存" gap="md" withBorder={false} p={0} maw={760}>
      {fields}
    </FormCard>
  );
}
