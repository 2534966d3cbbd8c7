// The risk register of the regulations (一、权力运行风险; 二、防范措施) with the product's controls.
import { Card, List, Stack, Table, Text, Title } from '@mantine/core';

import { RuleBadge, RuleLines } from '../../../components/RuleCite';
import { RISKS } from '../core/risks';

export function RisksTab() {
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        《规范权力运行制度》第一部分所列六项权力运行风险及其防范措施，以及本系统中落实每项风险防控的规则和功能。
      </Text>
      {RISKS.map((r) => (
        <Card withBorder key={r.no}>
          <Title order={5}>
            风险{r.no}：{r.risk}
          </Title>
          <Text size="sm" fw={500} mt="xs">
            防范措施
          </Text>
          <List size="sm">
            {r.measures.map((m, i) => (
              <List.Item key={i}>{m}</List.Item>
            ))}
          </List>
          <Text size="sm" fw={500} mt="xs">
            系统控制
          </Text>
          <Table fz="sm" withTableBorder>
            <Table.Tbody>
              {r.controls.map((c, i) => (
                <Table.Tr key={i}>
                  <Table.Td w={90}>
                    <RuleBadge id={c.ruleId} />
                  </Table.Td>
                  <Table.Td w={220}>{c.screen}</Table.Td>
                  <Table.Td>
                    {c.how}
                    <RuleLines ids={[c.ruleId]} inline />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}
