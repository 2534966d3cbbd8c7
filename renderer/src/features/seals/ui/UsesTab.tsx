// 用印登记: requests with the 局长's consent, logged by the keeper (SEAL-2, SEAL-3).
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { sealUseOk } from '../../../../../shared/rules';
import { ApprovalChain, DecideForm } from '../../../approvals/ApprovalPanel';
import { canDecide } from '../../../approvals/engine';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { DateField, thisYear, YearSelect } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { notifyError } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import type { Seal, SealUse } from '../../../db/schema/documents';
import { useStaffBook } from '../../../org/hooks';
import { logSealUse, requestSealUse } from '../core/commands';
import { exportSealUseRegister } from '../core/exports';
import { approvalOf, visibleSealUses } from '../core/queries';
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
      <Group justify="space-between" align="flex-end">
        <YearSelect value={year} onChange={setYear} />
        <Button variant="default" onClick={() => exportSealUseRegister(year).catch(notifyError)}>
          {L.exportExcel}
        </Button>
      </Group>
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.requestedOn}</Table.Th>
            <Table.Th>{L.seal}</Table.Th>
            <Table.Th>{L.document}</Table.Th>
            <Table.Th>{L.copies}</Table.Th>
            <Table.Th>{L.requester}</Table.Th>
            <Table.Th>批准人</Table.Th>
            <Table.Th>{L.usedOn}</Table.Th>
            <Table.Th>保管人</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {uses.map((u) => (
            <UseRows key={u.id} use={u} seal={sealName.get(u.sealId)} name={book.name} keep={keep} />
          ))}
        </Table.Tbody>
      </Table>
      {uses.length === 0 && <Text c="dimmed">{year}年没有用印记录。</Text>}
      <RuleLines ids={['SEAL-2', 'SEAL-3']} inline />
    </Stack>
  );
}

function UseRows({
  use,
  seal,
  name,
  keep,
}: {
  use: SealUse;
  seal?: Seal;
  name: (id: string | null | undefined) => string;
  keep: boolean;
}) {
  const user = useSession((s) => s.user)!;
  const req = useLiveQuery(() => approvalOf(use.approvalId), [use.approvalId, use.updatedAt]);
  const mine = useLiveQuery(
    async () =>
      req && req.status === 'pending'
        ? (await canDecide(req, { id: user.staffId, name: user.name })) === null
        : false,
    [req],
  );
  const log = useCommandForm({
    ...FORM_ERRORS,
    initial: () => ({ usedOn: today() }),
    submit: (v) => logSealUse(use.id, v.usedOn, currentActor()),
    success: '已登记用印',
  });
  return (
    <>
      <Table.Tr>
        <Table.Td>{use.requestedOn}</Table.Td>
        <Table.Td>
          {seal?.name}
          {seal?.status === 'void' && (
            <Badge ml={4} size="xs" color="gray">
              已作废
            </Badge>
          )}
        </Table.Td>
        <Table.Td>{use.document}</Table.Td>
        <Table.Td>{use.copies}</Table.Td>
        <Table.Td>{name(use.requesterId)}</Table.Td>
        <Table.Td>{use.approverName ?? ''}</Table.Td>
        <Table.Td>{use.usedOn ?? ''}</Table.Td>
        <Table.Td>{name(use.keeperId)}</Table.Td>
        <Table.Td>
          <Badge color={SEAL_USE_STATUS_COLORS[use.status]} variant="light">
            {SEAL_USE_STATUS_LABELS[use.status]}
          </Badge>
          {use.closedReason && (
            <Text size="xs" c="dimmed" maw={220}>
              {use.closedReason}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          {keep && use.status === 'approved' && (
            <FormCard form={log} gap={4} submitLabel={L.logUse} withBorder={false} p={0} bg="transparent">
              <DateField
                aria-label={L.usedOn}
                size="xs"
                value={log.values.usedOn}
                onChange={(v) => log.set('usedOn', v)}
                error={log.errors.usedOn ?? log.errors.sealId ?? log.errors.status}
              />
            </FormCard>
          )}
        </Table.Td>
      </Table.Tr>
      {req && req.status === 'pending' && (
        <Table.Tr>
          <Table.Td colSpan={10}>
            <ApprovalChain req={req} />
            {mine && <DecideForm req={req} />}
          </Table.Td>
        </Table.Tr>
      )}
    </>
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
        <NumberInput
          label={L.copies}
          value={form.values.copies}
          min={1}
          onChange={(n) => form.set('copies', typeof n === 'number' ? n : 0)}
          error={form.errors.copies}
        />
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
