// Registering an incoming document (DOC-1): issuer, number, kind, urgency, secrecy, copies.
import { Group, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Text, TextInput } from '@mantine/core';

import { circulationDue, isISODate } from '../../../../../shared/rules';
import { currentActor } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { labelOptions } from '../../../components/ListTable';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import type { DocSecrecy, DocUrgency, IncomingDoc, IncomingKind } from '../../../db/schema/documents';
import { useSectionList } from '../../../org/hooks';
import { isUrgent, registerIncoming } from '../core/incoming';
import type { IncomingInput } from '../core/incoming';
import { INCOMING_KIND_LABELS, L, SECRECY_LABELS, URGENCY_LABELS } from '../labels';

import { useDocForm } from './StepForm';

const EMPTY_INPUT = (): IncomingInput => ({
  kind: 'document',
  receivedOn: today(),
  issuer: '',
  issuerNumber: '',
  title: '',
  urgency: 'normal',
  secrecy: 'none',
  copies: 1,
  copySectionIds: [],
});

export function IncomingForm({ onSaved }: { onSaved: (d: IncomingDoc) => void }) {
  const form = useDocForm<IncomingInput, IncomingDoc>({
    initial: EMPTY_INPUT,
    check: (x) => {
      const e: Record<string, string> = {};
      if (!isISODate(x.receivedOn)) e.receivedOn = '请填写收文日期';
      if (!x.issuer.trim()) e.issuer = '请填写来文单位';
      if (!x.title.trim()) e.title = '请填写文件标题';
      return e;
    },
    submit: (x) => registerIncoming(x, currentActor()),
    success: (d) => `已登记：${d.regNo}`,
    onDone: (d) => onSaved(d),
  });
  const { values: v, set, errors } = form;
  const sections = useSectionList();
  const cal = useCalendar();
  const due = isISODate(v.receivedOn) ? circulationDue(v.receivedOn, isUrgent(v.urgency), cal) : '';
  return (
    <FormCard form={form} title="收文签收登记" submitLabel={L.save} gap="sm" titleOrder={4}>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <DateField
          label={L.receivedOn}
          value={v.receivedOn}
          onChange={(v) => set('receivedOn', v)}
          error={errors.receivedOn}
          autoFocus
          withAsterisk
        />
        <NativeSelect
          label={L.kind}
          value={v.kind}
          onChange={(e) => set('kind', e.currentTarget.value as IncomingKind)}
          data={labelOptions(INCOMING_KIND_LABELS)}
        />
        <NumberInput label={L.copies} min={1} {...form.count('copies')} />
        <TextInput
          label={L.issuer}
          value={v.issuer}
          onChange={(e) => set('issuer', e.currentTarget.value)}
          error={errors.issuer}
          withAsterisk
        />
        <TextInput
          label={L.issuerNumber}
          placeholder="如：邵信发〔2026〕5号"
          value={v.issuerNumber}
          onChange={(e) => set('issuerNumber', e.currentTarget.value)}
        />
        <NativeSelect
          label={L.urgency}
          value={v.urgency}
          onChange={(e) => set('urgency', e.currentTarget.value as DocUrgency)}
          data={labelOptions(URGENCY_LABELS)}
        />
      </SimpleGrid>
      <TextInput
        label={L.docTitle}
        value={v.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={errors.title}
        withAsterisk
      />
      <Group align="flex-end">
        <NativeSelect
          label={L.secrecy}
          value={v.secrecy}
          onChange={(e) => set('secrecy', e.currentTarget.value as DocSecrecy)}
          data={labelOptions(SECRECY_LABELS)}
        />
        {v.kind === 'letter' && (
          <MultiSelect
            label={L.copySections}
            miw={300}
            value={v.copySectionIds}
            onChange={(ids) => set('copySectionIds', ids)}
            data={sections.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
      </Group>
      {v.kind === 'letter' && <RuleLines ids={['DOC-4']} inline />}
      {due && (
        <Text size="sm" c="dimmed">
          传阅期限：{due}（{isUrgent(v.urgency) ? '紧急文件随到随传阅' : '一般文件5天内传阅完毕'}，DOC-2）
        </Text>
      )}
    </FormCard>
  );
}
