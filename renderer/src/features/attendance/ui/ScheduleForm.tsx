// 作息时间 (ATT-1): summer and winter session times by date range, and the base of the 月考核分 (ATT-6).
// Which days are working days is the work calendar's (系统—工作日历).
import { Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';

import type { SessionTimes, WorkSchedule } from '../../../../../shared/rules';
import { ruleText } from '../../../../../shared/rules';
import { currentActor, useCan } from '../../../auth/session';
import { notifyError, notifyOk } from '../../../components/notify';
import { DomainError } from '../../../db/repo';
import { getBaseScore, getWorkSchedule, saveAttendanceSettings } from '../core/settings';

const FIELDS: { key: keyof SessionTimes; label: string }[] = [
  { key: 'amStart', label: '上午上班' },
  { key: 'amEnd', label: '上午下班' },
  { key: 'pmStart', label: '下午上班' },
  { key: 'pmEnd', label: '下午下班' },
];

export function ScheduleForm() {
  const clerk = useCan('attendance.close');
  const admin = useCan('system.settings');
  const mayEdit = clerk || admin;
  const [s, setS] = useState<WorkSchedule | null>(null);
  const [base, setBase] = useState<number | string>(100);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    getWorkSchedule().then((w) => setS(structuredClone(w)));
    getBaseScore().then(setBase);
  }, []);
  if (!s) return null;

  async function save() {
    setErrors({});
    try {
      await saveAttendanceSettings(s!, Number(base), currentActor());
      notifyOk('作息时间已保存');
    } catch (e) {
      if (e instanceof DomainError && e.field) setErrors({ [e.field]: e.message });
      else notifyError(e);
    }
  }

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
            onChange={(e) => {
              const v = e.currentTarget.value;
              setS((x) => (x ? { ...x, [k]: { ...x[k], [f.key]: v } } : x));
            }}
            w={130}
          />
        ))}
      </Group>
    </Card>
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Stack maw={760}>
        <Text size="sm" c="dimmed">
          ATT-1 {ruleText('ATT-1').text} 工作日与节假日以“系统—工作日历”为准。
        </Text>
        {season('summer', '夏季作息')}
        {season('winter', '冬季作息')}
        <Group>
          <TextInput
            label="夏季作息开始（月-日）"
            value={s.summerStart}
            readOnly={!mayEdit}
            error={errors.summerStart}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setS((x) => (x ? { ...x, summerStart: v } : x));
            }}
            w={190}
          />
          <TextInput
            label="夏季作息结束（月-日）"
            value={s.summerEnd}
            readOnly={!mayEdit}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setS((x) => (x ? { ...x, summerEnd: v } : x));
            }}
            w={190}
          />
          <NumberInput
            label="月考核基础分（ATT-6）"
            value={base}
            onChange={setBase}
            readOnly={!mayEdit}
            error={errors.base}
            w={190}
            min={1}
          />
        </Group>
        {mayEdit && (
          <Group>
            <Button type="submit">保存</Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
