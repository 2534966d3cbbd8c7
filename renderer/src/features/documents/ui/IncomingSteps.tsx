// The actions of an incoming document's steps: read/handle, 拟办 (DOC-1), 批示, circulation, outcome.
import { Checkbox, Group, MultiSelect, NativeSelect, Text, Textarea } from '@mantine/core';

import { circulationDue } from '../../../../../shared/rules';
import { currentActor, useSession } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { today } from '../../../db/clock';
import type { Staff } from '../../../db/schema/core';
import type { IncomingDoc } from '../../../db/schema/documents';
import { useStaffBook } from '../../../org/hooks';
import { staffWithRole } from '../../../org/order';
import {
  circulate,
  isUrgent,
  markCirculationDone,
  proposeHandling,
  recordDecision,
  reportOutcome,
} from '../core/incoming';
import { L } from '../labels';

import { StepCard, useDocForm } from './StepForm';

export function ReadForm({ circulationId, role }: { circulationId: string; role: 'read' | 'handle' }) {
  const form = useDocForm(
    {
      initial: { note: '' },
      submit: (v) => markCirculationDone(circulationId, v.note, currentActor()),
      success: role === 'read' ? '已登记已阅' : '已登记办理完毕',
    },
    'note',
  );
  return (
    <StepCard
      form={form}
      bg="var(--mantine-color-yellow-light)"
      submitLabel={role === 'read' ? L.markRead : L.markHandled}
    >
      <Textarea
        label={role === 'read' ? L.readNote : '办理情况'}
        {...form.text('note')}
        autosize
        minRows={1}
        w={480}
        autoFocus
      />
    </StepCard>
  );
}

// DOC-1: the office director writes the 拟办意见; the clerk may type it in for them (代录), saying so.
export function ProposeForm({ doc, office }: { doc: IncomingDoc; office: Staff | null }) {
  const user = useSession((s) => s.user)!;
  const own = !!office && office.id === user.staffId;
  const form = useDocForm(
    {
      initial: { proposal: doc.proposal ?? '', onBehalf: false },
      submit: (v) =>
        proposeHandling(doc.id, v.proposal, currentActor(), {
          onBehalfOf: v.onBehalf && office ? office.id : null,
        }),
      success: '已填写拟办意见，送局长批办',
    },
    'proposal',
  );
  return (
    <StepCard form={form} submitLabel="保存拟办意见">
      <Textarea
        label={L.proposal}
        placeholder="办公室主任拟办意见"
        {...form.text('proposal')}
        autosize
        minRows={1}
        w={480}
      />
      {!office ? (
        <Text size="sm" c="red">
          未设置办公室主任：请在“系统—组织”中设置办公室负责人
        </Text>
      ) : own ? (
        <Text size="sm" c="dimmed">
          {L.proposer}：{office.name}（本人）
        </Text>
      ) : (
        <Checkbox
          label={`按办公室主任${office.name}的意见${L.recordedFor}`}
          {...form.checkbox('onBehalf')}
          error={form.errors.onBehalfOf}
        />
      )}
    </StepCard>
  );
}

export function DecisionForm({ doc }: { doc: IncomingDoc }) {
  const user = useSession((s) => s.user)!;
  const book = useStaffBook();
  const directors = staffWithRole(book.list, 'director');
  const form = useDocForm(
    {
      initial: {
        decision: doc.decision ?? '',
        by: doc.decidedById ?? (user.roles.includes('director') ? user.staffId : ''),
      },
      submit: (v) => recordDecision(doc.id, v.decision, v.by || directors[0]?.id || '', currentActor()),
      success: '已登记批办意见',
    },
    'decision',
  );
  return (
    <StepCard form={form} submitLabel="登记批办">
      <Textarea
        label={L.decision}
        placeholder="局长批办意见"
        {...form.text('decision')}
        autosize
        minRows={1}
        w={420}
      />
      <NativeSelect
        label={L.decider}
        value={form.values.by || directors[0]?.id || ''}
        onChange={(e) => form.set('by', e.currentTarget.value)}
        data={directors.map((s) => ({ value: s.id, label: s.name }))}
        error={form.errors.decidedById}
      />
    </StepCard>
  );
}

export function CirculateForm({ doc, existing }: { doc: IncomingDoc; existing: string[] }) {
  const book = useStaffBook();
  const cal = useCalendar();
  const form = useDocForm(
    {
      initial: { readers: [] as string[], handlers: [] as string[] },
      submit: (v) => circulate(doc.id, { readers: v.readers, handlers: v.handlers }, currentActor(), cal),
      success: '已分送',
      onDone: () => form.reset(),
    },
    'readers',
  );
  const { readers, handlers } = form.values;
  const candidates = book.list.filter((s) => !existing.includes(s.id));
  const due = circulationDue(doc.receivedOn, isUrgent(doc.urgency), cal);
  const data = candidates.map((s) => ({ value: s.id, label: s.name }));
  return (
    <FormCard
      form={form}
      title={existing.length ? '追加分送' : '分送传阅、承办'}
      titleOrder={6}
      submitLabel={L.circulate}
      footer={
        <Text size="sm" c="dimmed">
          传阅期限：{due}（{isUrgent(doc.urgency) ? '紧急文件随到随传阅' : '收文后5天内传阅完毕'}，DOC-2）
        </Text>
      }
    >
      <Group align="flex-start" grow>
        <MultiSelect
          label={L.readers}
          searchable
          hidePickedOptions
          {...form.input('readers')}
          data={data.filter((d) => !handlers.includes(d.value))}
        />
        <MultiSelect
          label={L.handlers}
          searchable
          hidePickedOptions
          {...form.input('handlers')}
          data={data.filter((d) => !readers.includes(d.value))}
        />
      </Group>
    </FormCard>
  );
}

export function OutcomeForm({ doc }: { doc: IncomingDoc }) {
  const form = useDocForm(
    {
      initial: () => ({ outcome: doc.outcome ?? '', on: doc.reportedOn ?? today() }),
      submit: (v) => reportOutcome(doc.id, v.outcome, v.on, currentActor()),
      success: '办理结果已反馈局长',
    },
    'outcome',
  );
  return (
    <StepCard form={form} submitLabel={L.reportBack}>
      <Textarea label={L.outcome} {...form.text('outcome')} autosize minRows={1} w={420} />
      <DateField label="反馈日期" {...form.input('on')} error={form.errors.reportedOn} />
    </StepCard>
  );
}
