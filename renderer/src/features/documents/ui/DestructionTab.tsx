// 销毁 (DOC-7): a document not archived is registered for destruction, approved by the 分管领导 in
// the engine, and destroyed in the presence of at least two distinct witnesses.
import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { destructionOk } from '../../../../../shared/rules';
import { ApprovalChain, DecideForm } from '../../../approvals/ApprovalPanel';
import { canDecide } from '../../../approvals/engine';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { DateField, thisYear, YearSelect } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { notifyOk } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import type { DocDestruction } from '../../../db/schema/documents';
import { recordDestruction, registerDestruction } from '../core/loans';
import { approvalOf, destructionsOfYear } from '../core/queries';
import { DESTRUCTION_STATUS_LABELS, L } from '../labels';

import { DocPicker, DocRefText, NO_PICK } from './DocPicker';
import { useFieldErrors } from './fieldErrors';

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
  const [v, setV] = useState(empty);
  const { errors, fail, clear, setErrors } = useFieldErrors();
  async function save() {
    clear();
    const e: Record<string, string> = {};
    if (!v.docTitle.trim() && !v.docRefId) e.docTitle = '请选择或填写销毁的文件';
    if (!v.reason.trim()) e.reason = '请填写销毁原因';
    if (Object.keys(e).length) return setErrors(e);
    await registerDestruction(v, currentActor());
    notifyOk('已登记销毁，等待分管领导批准');
    setV(empty());
  }
  return (
    <FormCard title="不归档公文销毁登记" submitLabel="登记并报分管领导批准" onSubmit={save} onError={fail}>
      <SimpleGrid cols={{ base: 1, md: 4 }}>
        <DocPicker
          label={L.destroyDoc}
          use="destruction"
          value={v}
          onChange={(p) => setV((x) => ({ ...x, ...p }))}
          error={errors.docTitle}
        />
        <NumberInput
          label={L.copies}
          value={v.copies}
          min={1}
          onChange={(n) => setV({ ...v, copies: typeof n === 'number' ? n : 0 })}
          error={errors.copies}
        />
        <TextInput
          label={L.reason}
          value={v.reason}
          onChange={(e) => setV({ ...v, reason: e.currentTarget.value })}
          error={errors.reason}
        />
        <DateField
          label="登记日期"
          value={v.registeredOn}
          onChange={(d) => setV({ ...v, registeredOn: d })}
          error={errors.registeredOn}
        />
      </SimpleGrid>
    </FormCard>
  );
}

function DestructionCard({ rec, manage }: { rec: DocDestruction; manage: boolean }) {
  const user = useSession((s) => s.user)!;
  const req = useLiveQuery(() => approvalOf(rec.approvalId), [rec.approvalId, rec.updatedAt]);
  const mine = useLiveQuery(
    async () =>
      req && req.status === 'pending'
        ? (await canDecide(req, { id: user.staffId, name: user.name })) === null
        : false,
    [req],
  );
  const [w1, setW1] = useState('');
  const [w2, setW2] = useState('');
  const [on, setOn] = useState(today());
  const [method, setMethod] = useState('粉碎');
  const { errors, fail, clear, setErrors } = useFieldErrors();
  async function destroy() {
    clear();
    const witnesses = [w1, w2];
    if (!destructionOk({ approvedByDeputy: rec.status === 'approved', witnesses })) {
      return setErrors({ witnesses: '须由两名以上不同的人员监销（DOC-7）' });
    }
    try {
      await recordDestruction(rec.id, { witnesses, destroyedOn: on, method }, currentActor());
      notifyOk('已登记监销');
    } catch (e) {
      fail(e, 'witnesses');
    }
  }
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
      {req && (
        <Stack mt="xs" gap="xs">
          <ApprovalChain req={req} />
          {mine && <DecideForm req={req} />}
        </Stack>
      )}
      {manage && rec.status === 'approved' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void destroy();
          }}
        >
          <Table mt="xs" withTableBorder={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>
                  <TextInput
                    label={L.witness1}
                    value={w1}
                    onChange={(e) => setW1(e.currentTarget.value)}
                    error={errors.witnesses ? ' ' : undefined}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    label={L.witness2}
                    value={w2}
                    onChange={(e) => setW2(e.currentTarget.value)}
                    error={errors.witnesses}
                  />
                </Table.Td>
                <Table.Td>
                  <DateField
                    label={L.destroyedOn}
                    value={on}
                    onChange={(v) => setOn(v)}
                    error={errors.destroyedOn}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    label={L.method}
                    value={method}
                    onChange={(e) => setMethod(e.currentTarget.value)}
                  />
                </Table.Td>
                <Table.Td valign="bottom">
                  <Button type="submit" color="red">
                    {L.recordDestruction}
                  </Button>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {errors.status && (
            <Text c="red" size="sm">
              {errors.status}
            </Text>
          )}
        </form>
      )}
    </Card>
  );
}
