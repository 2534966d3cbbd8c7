// SUP-1: the office's half-year inspection of how powers were exercised, and the filed results.
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { can } from '../../../../../shared/permissions';
import { useSession } from '../../../auth/session';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import { useStaffBook } from '../../../org/hooks';
import { inspectionsNewestFirst, inspectionStatus } from '../core/queries';

import { InspectionForm } from './InspectionForm';

export function InspectTab() {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'assessment.manage');
  const { name } = useStaffBook();
  const status = useLiveQuery(() => inspectionStatus(today()), []);
  const rows = useLiveQuery(() => inspectionsNewestFirst(), []);
  return (
    <Stack>
      <RuleLines ids={['SUP-1']} inline />
      <Group>
        {(status ?? []).map((s) => (
          <Badge
            key={`${s.year}-${s.half}`}
            size="lg"
            color={s.done ? 'green' : s.due < today() ? 'red' : 'orange'}
          >
            {s.year}年{s.half === 1 ? '上' : '下'}半年：{s.done ? '已检查' : `未检查（${s.due}前）`}
          </Badge>
        ))}
      </Group>
      {manage && <InspectionForm />}
      {(rows ?? []).map((i) => (
        <Card withBorder key={i.id}>
          <Title order={5}>
            {i.year}年{i.half === 1 ? '上' : '下'}半年权力运行检查（{i.inspectedOn}）
          </Title>
          <Text size="sm">检查人员：{i.inspectorIds.map(name).join('、')}</Text>
          <Text size="sm">检查范围：{i.scope}</Text>
          <Text size="sm">发现问题：{i.findings}</Text>
          <Text size="sm">检查结论：{i.result}</Text>
          {i.rectification && <Text size="sm">整改要求：{i.rectification}</Text>}
        </Card>
      ))}
    </Stack>
  );
}
