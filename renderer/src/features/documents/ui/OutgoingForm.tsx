// Drafting or editing an outgoing document (DOC-3).
import {
  Anchor,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { href, navigate } from '../../../app/router';
import { currentActor, useSession } from '../../../auth/session';
import { splitList } from '../../../components/Field';
import { FormCard } from '../../../components/FormCard';
import { labelOptions } from '../../../components/ListTable';
import type { DocSecrecy, DocUrgency, OutgoingDoc } from '../../../db/schema/documents';
import { useSectionList } from '../../../org/hooks';
import { createOutgoing, docPrefixes, editOutgoing } from '../core/outgoing';
import type { OutgoingInput } from '../core/outgoing';
import { outgoingDoc, staffRecord } from '../core/queries';
import { L, SECRECY_LABELS, URGENCY_LABELS } from '../labels';

import { useDocForm } from './StepForm';

type OutgoingValues = OutgoingInput & { distributionText: string };

export function OutgoingForm({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const sections = useSectionList();
  const prefixes = useLiveQuery(docPrefixes, []);
  const existing = useLiveQuery(() => (id ? outgoingDoc(id) : undefined), [id]);
  const me = useLiveQuery(() => staffRecord(user.staffId), [user.staffId]);
  if (!prefixes || (id && !existing) || !me) return <Text c="dimmed">正在载入…</Text>;
  const init: OutgoingValues = existing
    ? { ...existing, distributionText: existing.distribution.join('、') }
    : {
        title: '',
        prefix: prefixes[0],
        draftSectionId: me.sectionId ?? sections[0]?.id ?? null,
        urgency: 'normal',
        secrecy: 'none',
        mainTo: '',
        copyTo: '',
        summary: '',
        printCopies: 10,
        distribution: [],
        distributionText: '',
      };
  return <OutgoingFormBody id={id} init={init} prefixes={prefixes} />;
}

export function OutgoingFormBody({
  id,
  init,
  prefixes,
}: {
  id?: string;
  init: OutgoingValues;
  prefixes: string[];
}) {
  const sections = useSectionList();
  const form = useDocForm<OutgoingValues, OutgoingDoc>({
    initial: init,
    check: (v) => {
      const e: Record<string, string> = {};
      if (!v.title.trim()) e.title = '请填写标题';
      if (!v.mainTo.trim()) e.mainTo = '请填写主送机关';
      return e;
    },
    submit: (v) => {
      const input: OutgoingInput = { ...v, distribution: splitList(v.distributionText) };
      return id ? editOutgoing(id, input, currentActor()) : createOutgoing(input, currentActor());
    },
    success: '已保存拟稿',
    onDone: (saved) => navigate('documents', 'outgoing', saved.id),
  });
  const cur = form.values;
  return (
    <FormCard form={form} submitLabel={L.save} gap="sm">
      <Group>
        <Anchor href={href('documents', 'outgoing')}>← 发文</Anchor>
        <Title order={4}>{id ? '修改拟稿' : '发文拟稿'}</Title>
      </Group>
      <TextInput label={L.outTitle} {...form.text('title')} autoFocus withAsterisk />
      <SimpleGrid cols={{ base: 1, md: 4 }}>
        <NativeSelect
          label={L.prefix}
          value={cur.prefix}
          onChange={(e) => form.set('prefix', e.currentTarget.value)}
          data={prefixes}
          error={form.errors.prefix}
        />
        <NativeSelect
          label={L.draftSection}
          value={cur.draftSectionId ?? ''}
          onChange={(e) => form.set('draftSectionId', e.currentTarget.value || null)}
          data={[{ value: '', label: '请选择' }, ...sections.map((s) => ({ value: s.id, label: s.name }))]}
          error={form.errors.draftSectionId}
        />
        <NativeSelect
          label={L.urgency}
          value={cur.urgency}
          onChange={(e) => form.set('urgency', e.currentTarget.value as DocUrgency)}
          data={labelOptions(URGENCY_LABELS)}
        />
        <NativeSelect
          label={L.secrecy}
          value={cur.secrecy}
          onChange={(e) => form.set('secrecy', e.currentTarget.value as DocSecrecy)}
          data={labelOptions(SECRECY_LABELS)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label={L.mainTo} {...form.text('mainTo')} withAsterisk />
        <TextInput label={L.copyTo} {...form.text('copyTo')} />
      </SimpleGrid>
      <Textarea label={L.summary} {...form.text('summary')} autosize minRows={3} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <NumberInput label={L.printCopies} min={0} {...form.count('printCopies')} />
        <TextInput label={L.distribution} description="多个用顿号分隔" {...form.text('distributionText')} />
      </SimpleGrid>
    </FormCard>
  );
}
