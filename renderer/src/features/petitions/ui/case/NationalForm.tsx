import { FileInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';

import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { RuleNote, useActor, useFieldErrors } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function NationalForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [no, setNo] = useState(p.nationalNo ?? '');
  const [files, setFiles] = useState<File[]>([]);
  return (
    <Stack>
      <ActionForm label="保存编号" onSubmit={() => run(() => repo.setNationalNo(p.id, no, actor))}>
        <TextInput
          label="全国系统录入编号"
          value={no}
          onChange={(e) => setNo(e.currentTarget.value)}
          error={errors.nationalNo}
        />
        <RuleNote id="PET-1" />
      </ActionForm>
      <ActionForm
        label="添加附件"
        onSubmit={() =>
          run(async () => {
            await repo.addAttachments(
              p.id,
              files.map((f) => ({ name: f.name, type: f.type || 'application/octet-stream', blob: f })),
              actor,
            );
            setFiles([]);
          })
        }
      >
        <FileInput label="扫描件" multiple value={files} onChange={setFiles} placeholder="选择文件" />
      </ActionForm>
    </Stack>
  );
}
