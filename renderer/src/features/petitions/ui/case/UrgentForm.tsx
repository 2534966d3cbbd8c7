import { Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';

import { URGENT_NOTIFY, URGENT_REPORT_TO } from '../../../../../../shared/rules';
import { useSession } from '../../../../auth/session';
import { localHHmm, today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { RuleNote, useActor, useFieldErrors } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function UrgentForm({ p }: { p: Petition }) {
  const actor = useActor();
  const user = useSession((s) => s.user)!;
  const { errors, run } = useFieldErrors();
  const all = [...URGENT_REPORT_TO, ...URGENT_NOTIFY, '市信访局'];
  const [at, setAt] = useState(`${today()}T${localHHmm()}`);
  const [recipients, setRecipients] = useState<string[]>([...URGENT_REPORT_TO]);
  const [note, setNote] = useState('');
  const [delayReason, setDelayReason] = useState('');
  const [reason, setReason] = useState('');
  return (
    <Stack>
      {!p.urgent && !p.urgentDowngrade && (
        <ActionForm label="标为重大紧急" color="red" onSubmit={() => run(() => repo.markUrgent(p.id, actor))}>
          <Text size="sm">标记后须即时报告，工作台将提示所有领导和信访工作人员。</Text>
        </ActionForm>
      )}
      {p.urgent && !p.urgentReport && (
        <ActionForm
          label="登记报告"
          color="red"
          onSubmit={() => run(() => repo.reportUrgent(p.id, { at, recipients, note, delayReason }, actor))}
        >
          <TextInput
            type="datetime-local"
            label="报告时间"
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={errors.at}
          />
          <Checkbox.Group
            label="报告/告知对象"
            value={recipients}
            onChange={setRecipients}
            error={errors.recipients}
          >
            <Group mt={4}>
              {all.map((r) => (
                <Checkbox key={r} value={r} label={r} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput label="报告方式及说明" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <TextInput
            label="迟报原因（未在登记当日报告时必填）"
            value={delayReason}
            onChange={(e) => setDelayReason(e.currentTarget.value)}
            error={errors.delayReason}
          />
        </ActionForm>
      )}
      {p.urgent && (
        <ActionForm
          label="取消重大紧急标记"
          color="orange"
          onSubmit={() => run(() => repo.downgradeUrgent(p.id, reason, actor))}
        >
          <Textarea
            label="降级理由（局长可见）"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            autosize
            minRows={2}
          />
        </ActionForm>
      )}
      {p.directorNoticeOpen === 1 && user.roles.includes('director') && (
        <ActionForm label="已阅" onSubmit={() => run(() => repo.acknowledgeDirectorNotice(p.id, actor))}>
          <Text size="sm">理由：{p.urgentDowngrade?.reason ?? p.urgentReport?.delayReason}</Text>
        </ActionForm>
      )}
      <RuleNote id="PET-7" />
    </Stack>
  );
}
