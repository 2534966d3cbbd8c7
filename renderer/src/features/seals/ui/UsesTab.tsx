// 用印登记: requests with the 局长's consent, logged by the keeper (SEAL-2, SEAL-3).
import { Badge, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { sealUseOk } from '../../../../../shared/rules';
import { ApprovalRow } from '../../../approvals/ApprovalRow';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { DateField, thisYear } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { ListTable } from '../../../components/ListTable';
import { RuleLines } from '../../../components/RuleCite';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import { YearBar } from '../../../components/YearBar';
import { today } from '../../../db/clock';
import type { Seal, SealUse } from '../../../db/schema/documents';
import { useStaffBook } from '../../../org/hooks';
import { logSealUse, requestSealUse } from '../core/commands';
import { exportSealUseRegister } from '../core/exports';
import { visibleSealUses } from '../core/queries';
import { L, SEAL_KIND_LABELS, SEAL_USE_STATUS_COLORS, SEAL_USE_STATUS_LABELS } from '../labels';

import { FORM_ERRORS, useSeals } from './useSeals';

// SEAL-3 in the form: a void seal is refused at the field as soon as it is chosen.
function voidError(seal: Seal | undefined): string | undefined {
  if (!seal || sealUseOk({ seal: seal.kind, status: seal.status, directorApproved: true })) return undefined;
  return `“${seal.name}”已作废，严禁使用（SEAL-3）`;
}

export function UsesTab() {
  const keep = useCan('seals.keep');
  const user = useSession((s) => s.user)!;
  const book = useStaffBook();
  const seals = useSeals();
  const [year, setYear] = useState(thisYear());
  const uses = useLiveQuery(
    () => visibleSealUses(year, { staffId: user.staffId, roles: user.roles, keep }),
    [year, keep, user.staffId, user.roles],
    [],
  );
  const sealName = new Map(seals.map((s) => [s.id, s]));
  return (
    <Stack>
      <UseForm seals={seals} />
      <YearBar year={year} onYear={setYear} onExport={exportSealUseRegister} />
      <ListTable
        rows={uses}
        head={[
          L.requestedOn,
          L.seal,
          L.document,
          L.copies,
          L.requester,
          '批准人',
          L.usedOn,
          '保管人',
          '状态',
          '',
        ]}
        row={(u) => [
          u.requestedOn,
          <SealCell seal={sealName.get(u.sealId)} />,
          u.document,
          u.copies,
          book.name(u.requesterId),
          u.approverName ?? '',
          u.usedOn ?? '',
          book.name(u.keeperId),
          <UseStatus use={u} />,
          keep && u.status === 'approved' && <LogUse use={u} />,
        ]}
        after={(u) => <ApprovalRow approvalId={u.approvalId} colSpan={10} />}
        empty={`${year}年没有用印记录。`}
      />
      <RuleLines ids={['SEAL-2', 'SEAL-3']} inline />
    </Stack>
  );
}

function SealCell({ seal }: { seal: Seal | undefined }) {
  return (
    <>
      {seal?.name}
      {seal?.status === 'void' && (
        <Badge ml={4} size="xs" color="gray">
          已作废
        </Badge>
      )}
    </>
  );
}

function UseStatus({ use }: { use: SealUse }) {
  return (
    <>
      <Badge color={SEAL_USE_STATUS_COLORS[use.status]} variant="light">
        {SEAL_USE_STATUS_LABELS[use.status]}
      </Badge>
      {use.closedReason && (
        <Text size="xs" c="dimmed" maw={220}>
          {use.closedReason}
        </Text>
      )}
    </>
  );
}

function LogUse({ use }: { use: SealUse }) {
  const log = useCommandForm({
    ...FORM_ERRORS,
    initial: () => ({ usedOn: today() }),
    submit: (v) => logSealUse(use.id, v.usedOn, currentActor()),
    success: '已登记用印',
  });
  return (
    <FormCard form={log} gap={4} submitLabel={L.logUse} withBorder={false} p={0} bg="transparent">
      <DateField
        aria-label={L.usedOn}
        size="xs"
        value={log.values.usedOn}
        onChange={(v) => log.set('usedOn', v)}
        error={log.errors.usedOn ?? log.errors.sealId ?? log.errors.status}
      />
    </FormCard>
  );
}

function UseForm({ seals }: { seals: Seal[] }) {
  const user = useSession((s) => s.user)!;
  const keep = useCan('seals.keep');
  const book = useStaffBook();
  const form = useCommandForm({
    ...FORM_ERRORS,
    initial: () => ({
      sealId: '',
      requestedOn: today(),
      document: '',
      copies: 1,
      purpose: '',
      requesterId: user.staffId,
    }),
    check: (v) => {
      const e: Record<string, string> = {};
      const seal = seals.find((s) => s.id === v.sealId);
      if (!v.sealId) e.sealId = '请选择印章';
      else if (voidError(seal)) e.sealId = voidError(seal)!;
      if (!v.document.trim()) e.document = '请填写用印文件';
      if (!Number.isInteger(v.copies) || v.copies < 1) e.copies = '用印份数应为正整数';
      return e;
    },
    submit: (v) => requestSealUse(v, currentActor()),
    success: (u) => (u.status === 'pending' ? '已提交，等待局长同意' : '已登记，可用印'),
    onDone: () => form.reset(),
  });
  const chosen = seals.find((s) => s.id === form.values.sealId);
  return (
    <FormCard
      title="用印申请"
      submitLabel={L.request}
      form={form}
      footer={
        <>
          {chosen?.kind === 'admin' && !voidError(chosen) && (
            <Text size="sm" c="dimmed">
              行政印章用印须经局长同意（SEAL-2）
            </Text>
          )}
          {form.errors.route && (
            <Text c="red" size="sm">
              {form.errors.route}
            </Text>
          )}
        </>
      }
    >
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NativeSelect
          label={L.seal}
          value={form.values.sealId}
          onChange={(e) => {
            form.set('sealId', e.currentTarget.value);
            form.setErrors({});
          }}
          data={[
            { value: '', label: '请选择印章' },
            ...seals.map((s) => ({
              value: s.id,
              label: `${s.name}（${SEAL_KIND_LABELS[s.kind]}）${s.status === 'void' ? '【已作废】' : ''}`,
            })),
          ]}
          error={form.errors.sealId ?? voidError(chosen)}
        />
        <TextInput label={L.document} {...form.text('document')} />
        <NumberInput label={L.copies} min={1} {...form.count('copies')} />
        <TextInput label={L.purpose} {...form.text('purpose')} />
        <DateField label={L.requestedOn} {...form.input('requestedOn')} />
        {keep ? (
          <StaffSelect label={L.requester} staff={book.list} {...form.input('requesterId')} />
        ) : (
          <TextInput label={L.requester} value={user.name} readOnly />
        )}
      </SimpleGrid>
    </FormCard>
  );
}
