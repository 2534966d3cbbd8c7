// 年度汇总 (ATT-8): each person's year from the official rows of its complete months, with award
// eligibility and every reason against it; exportable. The month in progress is left out, and says so.
import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';

import { eligibilityText, yearSpec } from '../../../../../shared/ledgers/attendance';
import { AWARD_BAR_LABELS, ruleText } from '../../../../../shared/rules';
import { navigate } from '../../../app/router';
import { useBusyAction } from '../../../components/ListParts';
import { today } from '../../../db/clock';
import { exportLedger } from '../../../export';
import { unitName } from '../../../org/org';
import { countedMonths, yearRows } from '../core/tally';

import { useLiveFor } from './parts';

export function YearView({ year }: { year: number }) {
  const rows = useLiveFor(String(year), () => yearRows(year));
  const [busy, run] = useBusyAction();
  const t = today();
  const thisYear = Number(t.slice(0, 4));
  const counted = countedMonths(year, t);
  const inProgress = year === thisYear ? Number(t.slice(5, 7)) : null;
  const countedNote =
    counted.length === 12
      ? ''
      : `只统计已结束的月份（ATT-8）：${
          inProgress
            ? `${year}年${inProgress}月尚未结束，未计入${inProgress < 12 ? `，${inProgress + 1}月至12月尚未开始` : ''}。`
            : `${year}年尚未开始。`
        }`;
  const years = Array.from({ length: 5 }, (_, i) => String(thisYear - i));

  function exportXlsx() {
    if (!rows) return;
    return run(async () => {
      await exportLedger(`年度考勤汇总-${year}年`, [
        yearSpec({ unitName: await unitName(), year, rows, note: countedNote || undefined }),
      ]);
    });
  }

  return (
    <Stack>
      <Group align="flex-end">
        <NativeSelect
          label="年度"
          data={years}
          value={String(year)}
          onChange={(e) => navigate('attendance', 'year', e.currentTarget.value)}
          w={120}
        />
        <Button onClick={exportXlsx} loading={busy} disabled={!rows}>
          导出Excel
        </Button>
        {!rows && <Text c="dimmed">正在统计…</Text>}
      </Group>
      <Text size="xs" c="dimmed">
        ATT-8 {ruleText('ATT-8').text}
      </Text>
      {countedNote && (
        <Alert color="blue" variant="light" p="xs">
          {countedNote}
        </Alert>
      )}
      {rows && (
        <div style={{ overflowX: 'auto' }}>
          <Table withTableBorder withColumnBorders striped fz="sm" aria-label="年度考勤汇总">
            <Table.Thead>
              <Table.Tr>
                {['序号', '姓名', '股室'].map((h) => (
                  <Table.Th key={h} style={{ whiteSpace: 'nowrap', padding: '4px 3px' }}>
                    {h}
                  </Table.Th>
                ))}
                {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                  <Table.Th
                    key={m}
                    style={{ whiteSpace: 'nowrap', padding: '4px 3px' }}
                    c={counted.includes(m) ? undefined : 'dimmed'}
                  >
                    {m}月
                    {m === inProgress && (
                      <Text span size="xs" c="dimmed" display="block">
                        未结束
                      </Text>
                    )}
                  </Table.Th>
                ))}
                {['迟到', '早退', '旷工(天)', '病假(天)', '事假(天)', '评先评优资格'].map((h) => (
                  <Table.Th key={h} style={{ whiteSpace: 'nowrap', padding: '4px 3px' }}>
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={r.staffId}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.section}</Table.Td>
                  {r.monthScores.map((s, m) => (
                    <Table.Td key={m} style={{ padding: '4px 3px' }}>
                      {s ?? ''}
                    </Table.Td>
                  ))}
                  <Table.Td>{r.tally.late}</Table.Td>
                  <Table.Td>{r.tally.early}</Table.Td>
                  <Table.Td>{r.tally.absentDays}</Table.Td>
                  <Table.Td>{r.tally.sickLeaveWorkdays}</Table.Td>
                  <Table.Td>{r.tally.personalLeaveWorkdays}</Table.Td>
                  <Table.Td title={eligibilityText(r)}>
                    {r.eligible ? (
                      <Badge color="green">符合</Badge>
                    ) : (
                      <Stack gap={2}>
                        <Badge color="red">不符合</Badge>
                        {r.bars.map((b) => (
                          <Text key={b} size="xs" c="red">
                            {AWARD_BAR_LABELS[b]}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
