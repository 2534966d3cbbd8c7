// One power-operation record: its steps, and the confirmation of the next one by its responsible
// person from their own login (SUP-2).
import { Badge, Card, Stack, Table, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { currentActor, useSession } from '../../../auth/session';
import { BackLink, DetailCard, Loading, Missing } from '../../../components/Detail';
import { FormCard } from '../../../components/FormCard';
import { useCommandForm } from '../../../components/useCommandForm';
import { confirmPowerStep } from '../core/commands';
import { getPowerRecord } from '../core/queries';
import { L } from '../labels';

export function PowerDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const r = useLiveQuery(async () => (await getPowerRecord(id)) ?? null, [id]);
  if (r === undefined) return <Loading />;
  if (!r) return <Missing>记录不存在。</Missing>;
  const next = r.steps.findIndex((s) => !s.confirmedAt);
  return (
    <Stack>
      <BackLink to={['assessment', 'power']}>返回权力运行记录</BackLink>
      <DetailCard title={`${r.number} ${r.title}`}>
        <Text size="sm" mt="xs">
          {r.kind} · 开始：{r.startedOn} · 依据：{r.basis}
        </Text>
        <Table mt="sm" fz="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>环节</Table.Th>
              <Table.Th>责任人</Table.Th>
              <Table.Th>签字确认</Table.Th>
              <Table.Th>说明</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.steps.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  {i + 1}. {s.label}
                </Table.Td>
                <Table.Td>{s.responsibleName}</Table.Td>
                <Table.Td>
                  {s.confirmedAt ? (
                    s.confirmedAt.slice(0, 16).replace('T', ' ')
                  ) : i === next ? (
                    <Badge color="blue">待确认</Badge>
                  ) : (
                    ''
                  )}
                </Table.Td>
                <Table.Td>{s.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </DetailCard>
      {next >= 0 && (
        <Card withBorder>
          <Text size="sm" mb="xs">
            当前环节“{r.steps[next].label}”须由责任人{r.steps[next].responsibleName}
            本人登录签字确认（SUP-2）。
            {r.steps[next].responsibleId !== user.staffId && ' 您不是该环节的责任人。'}
          </Text>
          <ConfirmStepForm id={r.id} index={next} />
        </Card>
      )}
    </Stack>
  );
}

function ConfirmStepForm({ id, index }: { id: string; index: number }) {
  const form = useCommandForm({
    initial: { note: '' },
    submit: (v) => confirmPowerStep(id, index, v.note, currentActor()),
    success: '已签字确认',
    onDone: () => form.reset(),
  });
  return (
    <FormCard form={form} inline submitLabel={L.confirm} withBorder={false} p={0}>
      <TextInput
        label="确认说明"
        {...form.text('note')}
        error={form.errors.note ?? form.errors.step}
        w={420}
      />
    </FormCard>
  );
}
