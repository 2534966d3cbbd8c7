import { Card, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { currentActor, useSession } from '../auth/session';
import { ConfirmButton } from '../components/Confirm';
import { DateField } from '../components/dates';
import { FormCard } from '../components/FormCard';
import { useCommandForm } from '../components/useCommandForm';
import { today } from '../db/clock';
import { activeStaff } from '../org/org';

import { addDelegation, delegationsFrom, endDelegation, validateDelegation } from './delegations';
import type { DelegationInput } from './delegations';

// 代理审批: an approver names who decides for them while they are away.
export function DelegationCard() {
  const user = useSession((s) => s.user)!;
  const staff = useLiveQuery(activeStaff, []);
  const mine = useLiveQuery(() => delegationsFrom(user.staffId), [user.staffId]);
  const form = useCommandForm({
    initial: (): DelegationInput => ({
      fromId: user.staffId,
      toId: '',
      startDate: today(),
      endDate: today(),
      reason: '',
    }),
    check: (x) => validateDelegation(x) as Record<string, string>,
    submit: (x) => addDelegation(x, currentActor()),
    success: '已设置代理人',
    notifyFieldErrors: 'always',
  });
  const names = new Map((staff ?? []).map((s) => [s.id, s.name]));
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        代理审批（外出、请假期间由他人代为审批）
      </Title>
      <FormCard form={form} inline withBorder={false} p={0} submitLabel="设置">
        <Select
          label="代理人"
          searchable
          data={(staff ?? [])
            .filter((s) => s.id !== user.staffId)
            .map((s) => ({ value: s.id, label: s.name }))}
          value={form.values.toId || null}
          onChange={(x) => form.set('toId', x ?? '')}
          error={form.errors.toId}
          w={160}
        />
        <DateField label="开始日期" {...form.input('startDate')} />
        <DateField label="结束日期" {...form.input('endDate')} />
        <TextInput label="事由" {...form.text('reason')} />
      </FormCard>
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
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      title="取消代理"
                      message="确定取消这项代理审批吗？"
                      onConfirm={async () => {
                        await endDelegation(d.id, currentActor());
                      }}
                    >
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
