// 年度汇总 (ATT-8): each person's year from the official months, with award eligibility and every
// reason against it; exportable.
import { Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { eligibilityText, yearSpec } from '../../../../shared/ledgers/attendance';
import { AWARD_BAR_LABELS, ruleText } from '../../../../shared/rules';
import { navigate } from '../../app/router';
import { notifyError } from '../../components/notify';
import { today } from '../../db/clock';
import { exportLedger } from '../../export';
import { unitName } from '../../org/org';

import { yearRows } from './tally';

export function YearView({ year }: { year: number }) {
  const rows = useLiveQuery(() => yearRows(year), [year]);
  const [busy, setBusy] = useState(false);
  const thisYear = Number(today().slice(0, 4));
  const years = Array.from({ length: 5 }, (_, i) => String(thisYear - i));

  async function exportXlsx() {
    if (!rows) return;
    setBusy(true);
    try {
      await exportLedger(`年度考勤汇总-${year}年`, [yearSpec({ unitName: await unitName(), year, rows })]);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Group align="flex-end">
        <NativeSelect label="年度" data={years} value={String(year)} onChange={(e) => navigate('attendance', 'year', e.currentTarget.value)} w={120} />
        <Button onClick={exportXlsx} loading={busy} disabled={!rows}>
          导出Excel
        </Button>
        {!rows && <Text c="dimmed">正在统计…</Text>}
      </Group>
      <Text size="xs" c="dimmed">
        ATT-8 {ruleText('ATT-8').text}
      </Text>
      {rows && (
        <div style={{ overflowX: 'auto' }}>
          <Table withTableBorder withColumnBorders striped fz="sm" aria-label="年度考勤汇总">
            <Table.Thead>
              <Table.Tr>
                {['序号', '姓名', '股室', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), '迟到', '早退', '旷工(天)', '病假(天)', '事假(天)', '评先评优资格'].map((h) => (
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
