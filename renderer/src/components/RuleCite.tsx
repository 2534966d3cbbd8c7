// The one way a rule shows on screen: its ID always with the regulation's clause (rules.md's source
// column, from shared/rules' RULES table) — a badge with the clause beside it and the rule's text on
// hover, or a line with the text, or a note of several rules.
import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';

import { ruleCitation, ruleLine } from './ruleText';

export { ruleCitation, ruleLine, refusalCitation } from './ruleText';

export function RuleBadge({ id }: { id: string }) {
  const cite = ruleCitation(id);
  return (
    <Tooltip label={ruleLine(id)} multiline w={360} withArrow>
      <Badge variant="light" color="gray" style={{ textTransform: 'none' }} aria-label={ruleLine(id)}>
        {cite ? `${id} · ${cite}` : id}
      </Badge>
    </Tooltip>
  );
}

// One line per rule: 「ATT-7：…（制度 二、(一)2）」.
export function RuleLines({ ids, inline = false }: { ids: readonly string[]; inline?: boolean }) {
  if (inline)
    return (
      <Text size="xs" c="dimmed">
        {ids.map(ruleLine).join('　')}
      </Text>
    );
  return (
    <Stack gap={2} mt="sm">
      {ids.map((r) => (
        <Text key={r} size="xs" c="dimmed">
          {ruleLine(r)}
        </Text>
      ))}
    </Stack>
  );
}

export function RuleBadges({ ids }: { ids: readonly string[] }) {
  return (
    <Group gap={4}>
      {ids.map((id) => (
        <RuleBadge key={id} id={id} />
      ))}
    </Group>
  );
}
