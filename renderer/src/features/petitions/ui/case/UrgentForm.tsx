import { Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';

import { URGENT_NOTIFY, URGENT_REPORT_TO } from '../../../../../../shared/rules';
import { useSession } from '../../../../auth/session';
import { localHHmm, today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { RuleNote, useActor, useCaseForm } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

const RECIPIENTS = [...URGENT_REPORT_TO, ...URGENT_NOTIFY, '市信访局'];

export function UrgentForm({ p }: { p: Petition }) {
  const actor = useActor();
  const user = useSession((s) => s.user)!;
  const mark = useCaseForm({ initial: {}, submit: () => repo.markUrgent(p.id, actor) });
  const report = useCaseForm({
    initial: () => ({
      at: `${today()}T${localHHmm()}`,
      recipients: [...URGENT_REPORT_TO] as string[],
      note: '',
      delayReason: '',
    }),
    submit: (v) => repo.reportUrgent(p.id, v, actor),
  });
  const downgrade = useCaseForm({
    initial: { reason: '' },
    submit: (v) => repo.downgradeUrgent(p.id, v.reason, actor),
  });
  const acknowledge = useCaseForm({ initial: {}, submit: () => repo.acknowledgeDirectorNotice(p.id, actor) });
  return (
    <Stack>
      {!p.urgent && !p.urgentDowngrade && (
        <ActionForm label="标为重大紧急" color="red" form={mark}>
          <Text size="sm">标记后须即时报告，工作台将提示所有领导和信访工作人员。</Text>
        </ActionForm>
      )}
      {p.urgent && !p.urgentReport && (
        <ActionForm label="登记报告" color="red" form={report}>
          <TextInput type="datetime-local" label="报告时间" {...report.text('at')} />
          <Checkbox.Group label="报告/告知对象" {...report.input('recipients')}>
            <Group mt={4}>
              {RECIPIENTS.map((r) => (
                <Checkbox key={r} value={r} label={r} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput label="报告方式及说明" {...report.text('note')} />
          <TextInput label="迟报原因（未在登记当日报告时必填）" {...report.text('delayReason')} />
        </ActionForm>
      )}
      {p.urgent && (
        <ActionForm label="取消重大紧急标记" color="orange" form={downgrade}>
          <Textarea label="降级理由（局长可见）" {...downgrade.text('reason')} autosize minRows={2} />
        </ActionForm>
      )}
      {p.directorNoticeOpen === 1 && user.roles.includes('director') && (
        <ActionForm label="已阅" form={acknowledge}>
          <Text size="sm">理由：{p.urgentDowngrade?.reason ?? p.urgentReport?.delayReason}</Text>
        </ActionForm>
      )}
      <RuleNote id="PET-7" />
    </Stack>
  );
}
