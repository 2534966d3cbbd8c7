// 机关代字: the prefixes of outgoing numbers (the first is the default).
import { TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { currentActor } from '../../../auth/session';
import { splitList } from '../../../components/Field';
import { docPrefixes, setDocPrefixes } from '../core/outgoing';
import { L } from '../labels';

import { StepCard, useDocForm } from './StepForm';

export function PrefixSettings() {
  const prefixes = useLiveQuery(docPrefixes, []);
  if (!prefixes) return null;
  return <PrefixForm key={prefixes.join('、')} initial={prefixes.join('、')} />;
}

export function PrefixForm({ initial }: { initial: string }) {
  const form = useDocForm(
    {
      initial: { prefixes: initial },
      submit: (v) => setDocPrefixes(splitList(v.prefixes), currentActor()),
      success: '已保存机关代字',
    },
    'prefixes',
  );
  return (
    <StepCard form={form} submitLabel={L.save}>
      <TextInput
        label="机关代字设置"
        description="多个用顿号分隔，第一个为默认；文号格式：宁信发〔2026〕1号"
        {...form.text('prefixes')}
        w={420}
      />
    </StepCard>
  );
}
