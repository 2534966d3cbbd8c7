// 印章: 用印登记 (requests with the 局长's consent, logged by the keeper) and 印章管理 (seals, keepers,
// void seals). SEAL-1..3.
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
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { sealUseOk } from '../../../../../shared/rules';
import type { SealKind } from '../../../../../shared/rules';
import { RouteTabs } from '../../../app/RouteTabs';
import type { RouteTab } from '../../../app/RouteTabs';
import { ApprovalChain, DecideForm } from '../../../approvals/ApprovalPanel';
import { canDecide } from '../../../approvals/engine';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { DateField, thisYear, YearSelect } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { notifyError, notifyOk } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { StaffSelect } from '../../../components/StaffSelect';
import { today } from '../../../db/clock';
import { db } from '../../../db/db';
import type { Seal, SealUse } from '../../../db/schema/documents';
import { useStaffBook } from '../../../org/hooks';
import { useFieldErrors } from '../../documents';
import { exportSealUseRegister } from '../core/exports';
import { createSeal, logSealUse, requestSealUse, updateSeal, voidSeal } from '../core/repo';
import {
  L,
  SEAL_KIND_LABELS,
  SEAL_STATUS_LABELS,
  SEAL_USE_STATUS_COLORS,
  SEAL_USE_STATUS_LABELS,
} from '../labels';

const TABS: RouteTab[] = [
  { value: 'uses', label: L.tabs.uses },
  { value: 'seals', label: L.tabs.seals },
];

export function SealsPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="seals" tabs={TABS}>
        {(tab) => (tab === 'uses' ? <UsesTab /> : <SealsTab />)}
      </RouteTabs>
    </Stack>
  );
}

function useSeals(): Seal[] {
  return useLiveQuery(
    async () =>
      (await db.seals.toArray())
        .filter((s) => !s.deletedAt)
        .sort((a, b) => a.status.localeCompare(b.status) || a.name.localeCompare(b.name)),
    [],
    [],
  );
}

// SEAL-3 in the form: a void seal is refused at the field as soon as it is chosen.
function voidError(seal: Seal | undefined): string | undefined {
  if (!seal || sealUseOk({ seal: seal.kind, status: seal.status, directorApproved: true })) return undefined;
  return `“${seal.name}”已作废，严禁使用（SEAL-3）`;
}

function UsesTab() {
  const keep = useCan('seals.keep');
  const user = useSession((s) => s.user)!;
  const book = useStaffBook();
  const seals = useSeals();
  const [year, setYear] = useState(thisYear());
  const uses = useLiveQuery(
    async () =>
      (
        await db.sealUses
          .where('[year+requestedOn]')
          .between([year, ''], [year, '9999'], true, true)
          .reverse()
          .toArray()
      ).filter(
        (u) =>
          !u.deletedAt &&
          (keep ||
            u.requesterId === user.staffId ||
            u.status === 'pending' ||
            user.roles.includes('director')),
      ),
    [year, keep, user.staffId],
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
  const req = useLiveQuery(
    () => (use.approvalId ? db.approvals.get(use.approvalId) : undefined),
    [use.approvalId, use.updatedAt],
  );
  const mine = useLiveQuery(
    async () =>
      req && req.status === 'pending'
        ? (await canDecide(req, { id: user.staffId, name: user.name })) === null
        : false,
    [req],
  );
  const [on, setOn] = useState(today());
  const { errors, fail, clear } = useFieldErrors();
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
            <form
              onSubmit={(e) => {
                e.preventDefault();
                clear();
                logSealUse(use.id, on, currentActor()).then(
                  () => notifyOk('已登记用印'),
                  (err) => fail(err, 'sealId'),
                );
              }}
            >
              <Group gap={4} wrap="nowrap" align="flex-start">
                <DateField
                  aria-label={L.usedOn}
                  size="xs"
                  value={on}
                  onChange={(v) => setOn(v)}
                  error={errors.usedOn ?? errors.sealId ?? errors.status}
                />
                <Button size="xs" type="submit" variant="light">
                  {L.logUse}
                </Button>
              </Group>
            </form>
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
  const empty = () => ({
    sealId: '',
    requestedOn: today(),
    document: '',
    copies: 1,
    purpose: '',
    requesterId: user.staffId,
  });
  const [v, setV] = useState(empty);
  const { errors, fail, clear, setErrors } = useFieldErrors();
  const chosen = seals.find((s) => s.id === v.sealId);
  const sealError = errors.sealId ?? voidError(chosen);
  async function save() {
    clear();
    const e: Record<string, string> = {};
    if (!v.sealId) e.sealId = '请选择印章';
    else if (voidError(chosen)) e.sealId = voidError(chosen)!;
    if (!v.document.trim()) e.document = '请填写用印文件';
    if (!Number.isInteger(v.copies) || v.copies < 1) e.copies = '用印份数应为正整数';
    if (Object.keys(e).length) return setErrors(e);
    const u = await requestSealUse(v, currentActor());
    notifyOk(u.status === 'pending' ? '已提交，等待局长同意' : '已登记，可用印');
    setV(empty());
  }
  return (
    <FormCard
      title="用印申请"
      submitLabel={L.request}
      showBusy
      footer={
        <>
          {chosen?.kind === 'admin' && !voidError(chosen) && (
            <Text size="sm" c="dimmed">
              行政印章用印须经局长同意（SEAL-2）
            </Text>
          )}
          {errors.route && (
            <Text c="red" size="sm">
              {errors.route}
            </Text>
          )}
        </>
      }
      onSubmit={save}
      onError={fail}
    >
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NativeSelect
          label={L.seal}
          value={v.sealId}
          onChange={(e) => {
            setV({ ...v, sealId: e.currentTarget.value });
            clear();
          }}
          data={[
            { value: '', label: '请选择印章' },
            ...seals.map((s) => ({
              value: s.id,
              label: `${s.name}（${SEAL_KIND_LABELS[s.kind]}）${s.status === 'void' ? '【已作废】' : ''}`,
            })),
          ]}
          error={sealError}
        />
        <TextInput
          label={L.document}
          value={v.document}
          onChange={(e) => setV({ ...v, document: e.currentTarget.value })}
          error={errors.document}
        />
        <NumberInput
          label={L.copies}
          value={v.copies}
          min={1}
          onChange={(n) => setV({ ...v, copies: typeof n === 'number' ? n : 0 })}
          error={errors.copies}
        />
        <TextInput
          label={L.purpose}
          value={v.purpose}
          onChange={(e) => setV({ ...v, purpose: e.currentTarget.value })}
        />
        <DateField
          label={L.requestedOn}
          value={v.requestedOn}
          onChange={(d) => setV({ ...v, requestedOn: d })}
          error={errors.requestedOn}
        />
        {keep ? (
          <StaffSelect
            label={L.requester}
            staff={book.list}
            value={v.requesterId}
            onChange={(id) => setV({ ...v, requesterId: id })}
            error={errors.requesterId}
          />
        ) : (
          <TextInput label={L.requester} value={user.name} readOnly />
        )}
      </SimpleGrid>
    </FormCard>
  );
}

function SealsTab() {
  const keep = useCan('seals.keep');
  const book = useStaffBook();
  const seals = useSeals();
  return (
    <Stack>
      {keep && <SealForm />}
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.sealName}</Table.Th>
            <Table.Th>{L.sealKind}</Table.Th>
            <Table.Th>{L.keeper}</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th>{L.note}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {seals.map((s) => (
            <SealRow key={s.id} seal={s} keeper={book.name(s.keeperId)} keep={keep} />
          ))}
        </Table.Tbody>
      </Table>
      {seals.length === 0 && <Text c="dimmed">尚未登记印章。</Text>}
      <RuleLines ids={['SEAL-1', 'SEAL-3']} inline />
    </Stack>
  );
}

function SealRow({ seal, keeper, keep }: { seal: Seal; keeper: string; keep: boolean }) {
  const book = useStaffBook();
  const [reason, setReason] = useState('');
  const [newKeeper, setNewKeeper] = useState<string | null>(null);
  const keepers = book.list.filter((s) => s.roles.includes('office') || s.roles.includes('finance'));
  return (
    <Table.Tr>
      <Table.Td>{seal.name}</Table.Td>
      <Table.Td>{SEAL_KIND_LABELS[seal.kind]}</Table.Td>
      <Table.Td>
        {keep && seal.status === 'active' ? (
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
        ) : (
          keeper
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={seal.status === 'void' ? 'gray' : 'green'}>{SEAL_STATUS_LABELS[seal.status]}</Badge>
        {seal.voidedOn ? ` ${seal.voidedOn}` : ''}
      </Table.Td>
      <Table.Td>{seal.status === 'void' ? `作废原因：${seal.voidReason ?? ''}` : seal.note}</Table.Td>
      <Table.Td>
        {keep && seal.status === 'active' && (
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
                voidSeal(seal.id, today(), reason, currentActor()).then(
                  () => notifyOk('印章已作废'),
                  notifyError,
                )
              }
            >
              {L.voidSeal}
            </ConfirmButton>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function SealForm() {
  const book = useStaffBook();
  const keepers = book.list.filter((s) => s.roles.includes('office') || s.roles.includes('finance'));
  const empty = () => ({ name: '', kind: 'admin' as SealKind, keeperId: '', note: '' });
  const [v, setV] = useState(empty);
  const { errors, fail, clear } = useFieldErrors();
  async function save() {
    clear();
    await createSeal({ ...v, keeperId: v.keeperId || null }, currentActor());
    notifyOk('已登记印章');
    setV(empty());
  }
  return (
    <FormCard inline submitLabel={L.addSeal} onSubmit={save} onError={fail}>
      <TextInput
        label={L.sealName}
        value={v.name}
        onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
        error={errors.name}
      />
      <NativeSelect
        label={L.sealKind}
        value={v.kind}
        onChange={(e) => setV({ ...v, kind: e.currentTarget.value as SealKind })}
        data={(Object.keys(SEAL_KIND_LABELS) as SealKind[]).map((k) => ({
          value: k,
          label: SEAL_KIND_LABELS[k],
        }))}
      />
      <StaffSelect
        label={L.keeper}
        staff={keepers}
        value={v.keeperId}
        onChange={(id) => setV({ ...v, keeperId: id })}
        error={errors.keeperId}
      />
      <TextInput
        label={L.note}
        value={v.note}
        onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
      />
    </FormCard>
  );
}
