// Money as the office writes it: ¥1,234.50, with the capitals where a form has them.
import { Text } from '@mantine/core';

import { formatYuan, rmbUppercase } from '../../../shared/rules';

export function Yuan({ fen, upper = false }: { fen: number; upper?: boolean }) {
  return (
    <span>
      ¥{formatYuan(fen)}
      {upper && (
        <Text span size="sm" c="dimmed" ml={6}>
          （人民币大写：{rmbUppercase(fen)}）
        </Text>
      )}
    </span>
  );
}

// Live preview of a yuan amount typed in a form: its fen, or null while it is not a number.
export function typedFen(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [w, d = ''] = t.split('.');
  const fen = Number(w) * 100 + Number(d.padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}
