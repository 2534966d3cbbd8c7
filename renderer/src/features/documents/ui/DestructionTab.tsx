// 销毁 (DOC-7): a document not archived is registered for destruction, approved by the 分管领导 in
// the engine, and destroyed in the presence of at least two distinct witnesses.
import { Badge, Card, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { destructionOk } from '../../../../../shared/rules';
import { ApprovalSteps } from '../../../approvals/ApprovalRow';
import { currentActor, useCan } from '../../../auth/session';
import { DateField, thisYear, YearSelect } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import type { DocDestruction } from '../../../db/schema/documents';
import { recordDestruction, registerDestruction } from '../core/loans';
import { destructionsOfYear } from '../core/queries';
import { DESTRUCTION_STATUS_LABELS, L } from '../labels';

import { DocPicker, DocRefText, NO_PICK } from './DocPicker';
import { useDocForm } from './StepForm';

export function DestructionTab() {
  const manage = useCan('documents.manage');
  const [year, setYear] = useState(thisYear());
  const list = useLiveQuery(() => destructionsOfYear(year), [year], []);
  return (
    <Stack>
      {manage && <DestructionForm />}
      <YearSelect value={year} onChange={setYear} />
      {list.map((r) => (
        <DestructionCard key={r.id} rec={r} manage={manage} />
      ))}
      {list.length === 0 && <Text c="dimmed">{year}年没有销毁登记。</Text>}
      <RuleLines ids={['DOC-7']} inline />
    </Stack>
  );
}

function DestructionForm() {
  const empty = () => ({ ...NO_PICK, copies: 1, reason: '', registeredOn: today() });
  const form = useDocForm({
    initial: empty,
    check: (x) => {
      const e: Record<string, string> = {};
      if (!x.docTitle.trim() && !x.docRefId) e.docTitle = '请选择或填写销毁的文件';
      if (!x.reason.trim()) e.reason = '请填写销毁原因';
      return e;
    },
    submit: (x) => registerDestruction(x, currentActor()),
    success: '已登记销毁，等待分管领导批准',
    onDone: () => form.reset(),
  });
  const { values: v, errors } = form;
  return (
    <FormCard form={form} title="不归档公文销毁登记" submitLabel="登记并报分管领导批准">
      <SimpleGrid cols={{ base: 1, md: 4 }}>
        <DocPicker
          label={L.destroyDoc}
          use="destruction"
          value={v}
          onChange={(p) => form.setValues((x) => ({ ...x, ...p }))}
          error={errors.docTitle}
        />
        <NumberInput label={L.copies} min={1} {...form.count('copies')} />
        <TextInput label={L.reason} {...form.text('reason')} />
        <DateField label="登记日期" {...form.input('registeredOn')} />
      </SimpleGrid>
    </FormCard>
  );
}

function DestructionCard({ rec, manage }: { rec: DocDestruction; manage: boolean }) {
  const form = useDocForm(
    {
      initial: () => ({ w1: '', w2: '', on: today(), method: '粉碎' }),
      check: (x): Record<string, string> =>
        destructionOk({ approvedByDeputy: rec.status === 'approved', witnesses: [x.w1, x.w2] })
          ? {}
          : { witnesses: '须由两名以上不同的人员监销（DOC-7）' },
      submit: (x) =>
        recordDestruction(
          rec.id,
          { witnesses: [x.w1, x.w2], destroyedOn: x.on, method: x.method },
          currentActor(),
        ),
      success: '已登记监销',
    },
    'witnesses',
  );
  const { errors } = form;
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Text fw={600}>
          <DocRefText rec={rec} after={`（${rec.copies}份）`} />
        </Text>
        <Badge color={rec.status === 'destroyed' ? 'gray' : rec.status === 'approved' ? 'orange' : 'blue'}>
          {DESTRUCTION_STATUS_LABELS[rec.status]}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        登记 {rec.registeredOn}；原因：{rec.reason}
        {rec.status === 'destroyed'
          ? `；${rec.destroyedOn} ${rec.method ?? ''}销毁，监销人：${rec.witnesses.join('、')}`
          : ''}
      </Text>
      <ApprovalSteps approvalId={rec.approvalId} mt="xs" />
      {manage && rec.status === 'approved' && (
        <>
          <FormCard
            form={form}
            inline
            withBorder={false}
            p={0}
            mt="xs"
            submitLabel={L.recordDestruction}
            submitColor="red"
          >
            <TextInput label={L.witness1} {...form.text('w1')} error={errors.witnesses ? ' ' : undefined} />
            <TextInput label={L.witness2} {...form.text('w2')} error={errors.witnesses} />
            <DateField label={L.destroyedOn} {...form.input('on')} error={errors.destroyedOn} />
            <TextInput label={L.method} {...form.text('method')} />
          </FormCard>
          {errors.status && (
            <Text c="red" size="sm">
              {errors.status}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
