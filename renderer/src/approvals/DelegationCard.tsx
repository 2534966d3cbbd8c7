import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { currentActor, useSession } from '../auth/session';
import { ConfirmButton } from '../components/Confirm';
import { notifyError, notifyOk } from '../components/notify';
import { today } from '../db/clock';
import { activeStaff } from '../org/org';

import { addDelegation, delegationsFrom, endDelegation, validateDelegation } from './delegations';
import type { DelegationInput } from './delegations';

// 代理审批: an approver names who decides for them while they are away.
export function DelegationCard() {
  const user = useSession((s) => s.user)!;
  const staff = useLiveQuery(activeStaff, []);
  const mine = useLiveQuery(() => delegationsFrom(user.staffId), [user.staffId]);
  const [v, setV] = useState<DelegationInput>({ fromId: user.staffId, toId: '', startDate: today(), endDate: today(), reason: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof DelegationInput, string>>>({});
  const names = new Map((staff ?? []).map((s) => [s.id, s.name]));
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const errs = validateDelegation(v);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await addDelegation(v, currentActor());
      notifyOk('已设置代理人');
    } catch (err) {
      notifyError(err);
    }
  }
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        代理审批（外出、请假期间由他人代为审批）
      </Title>
      <form onSubmit={save}>
        <Group align="flex-start">
          <Select
            label="代理人"
            searchable
            data={(staff ?? []).filter((s) => s.id !== user.staffId).map((s) => ({ value: s.id, label: s.name }))}
            value={v.toId || null}
            onChange={(x) => setV({ ...v, toId: x ?? '' })}
            error={errors.toId}
            w={160}
          />
          <TextInput label="开始日期" type="date" value={v.startDate} onChange={(e) => setV({ ...v, startDate: e.currentTarget.value })} error={errors.startDate} />
          <TextInput label="结束日期" type="date" value={v.endDate} onChange={(e) => setV({ ...v, endDate: e.currentTarget.value })} error={errors.endDate} />
          <TextInput label="事由" value={v.reason} onChange={(e) => setV({ ...v, reason: e.currentTarget.value })} />
          <Button type="submit" mt={24}>
            设置
          </Button>
        </Group>
      </form>
      <Stack mt="sm" gap={4}>
        {(mine ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            未设置代理人。
          </Text>
        ) : (
          <Table fz="sm">
            <Table.Tbody>
              {mine!.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{names.get(d.toId)}</Table.Td>
                  <Table.Td>
                    {d.startDate} 至 {d.endDate}
                  </Table.Td>
                  <Table.Td>{d.reason}</Table.Td>
                  <Table.Td>
                    <ConfirmButton size="xs" variant="subtle" title="取消代理" message="确定取消这项代理审批吗？" onConfirm={async () => { await endDelegation(d.id, currentActor()); }}>
                      取消
                    </ConfirmButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
