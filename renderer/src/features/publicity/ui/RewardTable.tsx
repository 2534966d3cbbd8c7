// The reward table (PUB-1): yuan per piece by length or kind and the outlet's level.
import { Card, Table, Title } from '@mantine/core';

import { LEVEL_LABELS, LEVELS, PUBLICITY_TABLE } from '../../../../../shared/rules';
import { RuleLines } from '../../../components/RuleCite';

export function RewardTable() {
  return (
    <Card withBorder maw={760}>
      <Title order={5} mb="xs">
        宣传奖励标准（元/篇，PUB-1）
      </Title>
      <Table withTableBorder withColumnBorders fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>篇幅/类别</Table.Th>
            {LEVELS.map((l) => (
              <Table.Th key={l}>{LEVEL_LABELS[l]}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PUBLICITY_TABLE.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.label}</Table.Td>
              {LEVELS.map((l) => (
                <Table.Td key={l}>{r.yuan[l]}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RuleLines ids={['PUB-1']} />
    </Card>
  );
}
