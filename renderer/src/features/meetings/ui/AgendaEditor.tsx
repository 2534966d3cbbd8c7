// The agenda of a meeting: rows of a category (as the regulations list them) and a title.
import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';

import type { FieldErrors } from '../../../components/useFieldErrors';
import { L } from '../labels';

export type AgendaRow = { category: string; title: string };

export function AgendaEditor({
  categories,
  value,
  onChange,
  errors,
}: {
  categories: readonly string[];
  value: AgendaRow[];
  onChange: (rows: AgendaRow[]) => void;
  errors: FieldErrors;
}) {
  const patch = (i: number, p: Partial<AgendaRow>) =>
    onChange(value.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        议题（按会议制度所列内容）
      </Text>
      {value.map((a, i) => (
        <Group key={i} align="flex-start" wrap="nowrap">
          <NativeSelect
            aria-label={`${L.agendaCategory}${i + 1}`}
            w={380}
            value={a.category}
            onChange={(e) => patch(i, { category: e.currentTarget.value })}
            data={[...categories, '其他']}
            error={errors[`agenda.${i}.category`]}
          />
          <TextInput
            aria-label={`${L.agendaTitle}${i + 1}`}
            placeholder="议题"
            style={{ flex: 1 }}
            value={a.title}
            onChange={(e) => patch(i, { title: e.currentTarget.value })}
            error={errors[`agenda.${i}.title`]}
          />
          {value.length > 1 && (
            <Button variant="subtle" color="gray" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              删除
            </Button>
          )}
        </Group>
      ))}
      {errors.agenda && (
        <Text c="red" size="sm">
          {errors.agenda}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => onChange([...value, { category: categories[0], title: '' }])}
        >
          {L.addAgenda}
        </Button>
      </Group>
    </Stack>
  );
}
