// 月度考勤表: a row per person, a column per day with the AM/PM codes, then the totals and the
// 月考核分 (ATT-2..6, from tallyMonth). Exported to .xlsx with the 月考核分汇总 as a second sheet.
// Until the month is announced (ATT-7) the sheet is a preview, up to today, and says so.
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';

import { monthScoreSpec, monthSheetSpec } from '../../../../../shared/ledgers/attendance';
import { attendanceMonthEnded, dayOfWeek, daysInMonth, formatISODate } from '../../../../../shared/rules';
import { navigate } from '../../../app/router';
import { useBusyAction } from '../../../components/ListParts';
import { today } from '../../../db/clock';
import { exportLedger } from '../../../export';
import { officialMonthRows } from '../core/tally';

import { codeColor, Legend, MonthInput, previewLabel, useLiveFor } from './parts';
import { COUNT_COLUMNS, COUNT_HEADS } from './tallyColumns';

const WEEKDAYS = '日一二三四五六';

export function MonthSheetView({ year, month, monthKey }: { year: number; month: number; monthKey: string }) {
  // Only the rows of the month on screen: never the previous month's rows with this month's length.
  const data = useLiveFor(monthKey, () => officialMonthRows(year, month));
  const [busy, run] = useBusyAction();
  const days = daysInMonth(year, month);
  const t = today();
  const preview = data && !data.locked ? previewLabel(attendanceMonthEnded(year, month, t), t) : undefined;

  function exportXlsx() {
    if (!data) return;
    return run(async () => {
      const p = { unitName: data.unit, year, month, rows: data.rows, preview };
      await exportLedger(`考勤表-${year}年${month}月${preview ? '-预览' : ''}`, [
        monthSheetSpec(p),
        monthScoreSpec(p),
      ]);
    });
  }

  return (
    <Stack>
      <Group align="flex-end">
        <MonthInput value={monthKey} onChange={(k) => navigate('attendance', 'month', k)} />
        <Button onClick={exportXlsx} loading={busy} disabled={!data}>
          导出Excel
        </Button>
        {!data ? (
          <Loader size="sm" />
        ) : data.locked ? (
          <Badge color="orange">已通报（第{data.version}版，锁定）</Badge>
        ) : (
          <Badge color="blue" variant="light">
            {preview}
          </Badge>
        )}
      </Group>
      {preview && (
        <Text size="sm" c="dimmed">
          {year}年{month}月考勤尚未通报，本表为预览，不是正式考勤结果（ATT-7）。
          {!attendanceMonthEnded(year, month, t) &&
            '只统计已到的时段，代码与合计一致；以后日期已批准的请假、公出到时才显示并计入。'}
        </Text>
      )}
      {data && data.rows.length === 0 && <Alert color="gray">没有在职人员。</Alert>}
      {data && data.rows.length > 0 && (
        <div style={{ overflowX: 'auto' }}>
          <Table withTableBorder withColumnBorders fz="xs" striped highlightOnHover aria-label="考勤表">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>序号</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>姓名</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>股室</Table.Th>
                {Array.from({ length: days }, (_, i) => (
                  <Table.Th key={i} ta="center" style={{ whiteSpace: 'nowrap', padding: '2px 1px' }}>
                    {i + 1}
                    <br />
                    <Text span size="xs" c="dimmed">
                      {WEEKDAYS[dayOfWeek(formatISODate(year, month, i + 1))]}
                    </Text>
                  </Table.Th>
                ))}
                {[...COUNT_HEADS, '月考核分'].map((h) => (
                  <Table.Th key={h} ta="center" style={{ padding: '2px 3px', minWidth: 34 }}>
                    {h.replace('(天)', '')}
                    {h.includes('(天)') && (
                      <>
                        <br />
                        <Text span size="xs" c="dimmed">
                          (天)
                        </Text>
                      </>
                    )}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r, i) => (
                <Table.Tr key={r.staffId}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.section}</Table.Td>
                  {r.codes.map((c, d) => (
                    <Table.Td
                      key={d}
                      ta="center"
                      style={{ color: codeColor(c), whiteSpace: 'nowrap', padding: '2px 1px', fontSize: 11 }}
                    >
                      {c}
                    </Table.Td>
                  ))}
                  {COUNT_COLUMNS.map(([h, value]) => (
                    <Table.Td key={h}>{value(r)}</Table.Td>
                  ))}
                  <Table.Td fw={700}>{r.score}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Text size="xs" c="dimmed">
        每格为“上午/下午”。迟到超过15分钟（ATT-2）每次扣0.5分（ATT-3）；早退20分钟以上（ATT-4）每次扣0.5分；旷工每天扣15分（ATT-5）；月考核分以基础分扣减（ATT-6）。
      </Text>
      <Legend />
    </Stack>
  );
}
