// A label and its value in a record's details (— when empty).
import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={90} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children || '—'}
      </Text>
    </Group>
  );
}

// 「张三、李四，王五」 typed in one field → its items.
export function splitList(text: string): string[] {
  return text
    .split(/[、，,；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
