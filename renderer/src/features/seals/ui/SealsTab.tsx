// 印章管理: the seals, their keepers, voiding a seal (SEAL-1, SEAL-3).
import { Badge, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';

import type { SealKind } from '../../../../../shared/rules';
import { useCan, currentActor } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { FormCard } from '../../../components/FormCard';
import { ListTable } from '../../../components/ListTable';
import { notifyError, notifyOk } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import type { Seal } from '../../../db/schema/documents';
import { useStaffBook } from '../../../org/hooks';
import type { StaffBook } from '../../../org/hooks';
import { createSeal, updateSeal, voidSeal } from '../core/commands';
import { L, SEAL_KIND_LABELS, SEAL_STATUS_LABELS } from '../labels';

import { FORM_ERRORS, useSeals } from './useSeals';

// Seals are kept by the office (or finance, for the financial seal).
function keepersOf(book: StaffBook) {
  return book.list.filter((s) => s.roles.includes('office') || s.roles.includes('finance'));
}

export function SealsTab() {
  const keep = useCan('seals.keep');
  const book = useStaffBook();
  const seals = useSeals();
  return (
    <Stack>
      {keep && <SealForm />}
      <ListTable
        rows={seals}
        head={[L.sealName, L.sealKind, L.keeper, '状态', L.note, '']}
        row={(s) => [
          s.name,
          SEAL_KIND_LABELS[s.kind],
          keep && s.status === 'active' ? <KeeperSelect seal={s} /> : book.name(s.keeperId),
          <>
            <Badge color={s.status === 'void' ? 'gray' : 'green'}>{SEAL_STATUS_LABELS[s.status]}</Badge>
            {s.voidedOn ? ` ${s.voidedOn}` : ''}
          </>,
          s.status === 'void' ? `作废原因：${s.voidReason ?? ''}` : s.note,
          keep && s.status === 'active' && <VoidSeal seal={s} />,
        ]}
        empty="尚未登记印章。"
      />
      <RuleLines ids={['SEAL-1', 'SEAL-3']} inline />
    </Stack>
  );
}

function KeeperSelect({ seal }: { seal: Seal }) {
  const keepers = keepersOf(useStaffBook());
  const [newKeeper, setNewKeeper] = useState<string | null>(null);
  return (
    <StaffSelect
      aria-label={`${seal.name}保管人`}
      size="xs"
      staff={keepers}
      value={newKeeper ?? seal.keeperId ?? ''}
      onChange={(id) => {
        setNewKeeper(id);
        updateSeal(
          seal.id,
          { name: seal.name, kind: seal.kind, keeperId: id || null, note: seal.note },
          currentActor(),
        ).then(
          () => notifyOk('已更换保管人'),
          (e) => {
            setNewKeeper(null);
            notifyError(e);
          },
        );
      }}
    />
  );
}

function VoidSeal({ seal }: { seal: Seal }) {
  const [reason, setReason] = useState('');
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput
        size="xs"
        aria-label={`${seal.name}作废原因`}
        placeholder="作废原因"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <ConfirmButton
        size="xs"
        title="作废印章"
        message={`作废“${seal.name}”后将不能再用印，且不可恢复；尚未用印的申请将一并关闭（SEAL-3）。`}
        onConfirm={() =>
          voidSeal(seal.id, today(), reason, currentActor()).then(() => notifyOk('印章已作废'), notifyError)
        }
      >
        {L.voidSeal}
      </ConfirmButton>
    </Group>
  );
}

function SealForm() {
  const keepers = keepersOf(useStaffBook());
  const form = useCommandForm({
    ...FORM_ERRORS,
    initial: () => ({ name: '', kind: 'admin' as SealKind, keeperId: '', note: '' }),
    submit: (v) => createSeal({ ...v, keeperId: v.keeperId || null }, currentActor()),
    success: '已登记印章',
    onDone: () => form.reset(),
  });
  return (
    <FormCard inline form={form} submitLabel={L.addSeal}>
      <TextInput label={L.sealName} {...form.text('name')} />
      <NativeSelect
        label={L.sealKind}
        value={form.values.kind}
        onChange={(e) => form.set('kind', e.currentTarget.value as SealKind)}
        data={(Object.keys(SEAL_KIND_LABELS) as SealKind[]).map((k) => ({
          value: k,
          label: SEAL_KIND_LABELS[k],
        }))}
      />
      <StaffSelect label={L.keeper} staff={keepers} {...form.input('keeperId')} />
      <TextInput label={L.note} {...form.text('note')} />
    </FormCard>
  );
}
