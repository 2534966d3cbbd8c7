import { FileInput, Stack, TextInput } from '@mantine/core';

import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { RuleNote, useActor, useCaseForm } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function NationalForm({ p }: { p: Petition }) {
  const actor = useActor();
  const number = useCaseForm({
    initial: () => ({ nationalNo: p.nationalNo ?? '' }),
    submit: (v) => repo.setNationalNo(p.id, v.nationalNo, actor),
  });
  const attach = useCaseForm({
    initial: { files: [] as File[] },
    submit: (v) =>
      repo.addAttachments(
        p.id,
        v.files.map((f) => ({ name: f.name, type: f.type || 'application/octet-stream', blob: f })),
        actor,
      ),
    onDone: () => attach.reset(),
  });
  return (
    <Stack>
      <ActionForm label="保存编号" form={number}>
        <TextInput label="全国系统录入编号" {...number.text('nationalNo')} />
        <RuleNote id="PET-1" />
      </ActionForm>
      <ActionForm label="添加附件" form={attach}>
        <FileInput label="扫描件" multiple {...attach.input('files')} placeholder="选择文件" />
      </ActionForm>
    </Stack>
  );
}
