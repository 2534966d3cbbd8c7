// 股室月度汇报: every section's report of a month, on time, late or missing (MTG-3).
import { Alert, Badge, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { parseISODate, sectionReportDue } from '../../../../../shared/rules';
import { useCan, useSession } from '../../../auth/session';
import { YearSelect } from '../../../components/dates';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import { useSectionList, useStaffBook } from '../../../org/hooks';
import { sectionReportTable } from '../core/queries';
import type { SectionReportRow } from '../core/queries';
import { L } from '../labels';

import { ReportForm } from './ReportForm';

const STATE: Record<SectionReportRow['state'], { color: string; label: string }> = {
  on_time: { color: 'green', label: '按时报送' },
  late: { color: 'orange', label: '逾期报送' },
  missing: { color: 'red', label: '未报送' },
};

export function ReportsTab() {
  const user = useSession((s) => s.user)!;
  const manage = useCan('meetings.manage');
  const sections = useSectionList();
  const book = useStaffBook();
  const now = parseISODate(today());
  const [year, setYear] = useState(now.year);
  const [month, setMonth] = useState(now.month);
  const table = useLiveQuery(() => sectionReportTable(year, month), [year, month], []);
  const mine = sections.filter((s) => manage || s.headId === user.staffId);
  const missing = table.filter((r) => r.state === 'missing');
  return (
    <Stack>
      <Group align="flex-end">
        <YearSelect value={year} onChange={setYear} />
        <NativeSelect
          label={L.reportMonth}
          value={String(month)}
          onChange={(e) => setMonth(Number(e.currentTarget.value))}
          data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }))}
        />
        <Text size="sm" c="dimmed">
          报送期限：{sectionReportDue(year, month)}（每月28日前，MTG-3）
        </Text>
      </Group>
      {missing.length > 0 && (
        <Alert color="orange" title={`未报送（${missing.length}）`}>
          {missing.map((r) => r.section.name).join('、')}
        </Alert>
      )}
      <Table fz="sm" withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.section}</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th>{L.submittedOn}</Table.Th>
            <Table.Th>报送人</Table.Th>
            <Table.Th>{L.workSummary}</Table.Th>
            <Table.Th>{L.nextPlan}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.map((r) => (
            <Table.Tr key={r.section.id}>
              <Table.Td>{r.section.name}</Table.Td>
              <Table.Td>
                <Badge color={STATE[r.state].color} variant="light">
                  {STATE[r.state].label}
                </Badge>
              </Table.Td>
              <Table.Td>{r.report?.submittedOn ?? ''}</Table.Td>
              <Table.Td>{book.name(r.report?.reporterId)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.report?.workSummary ?? ''}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.report?.nextPlan ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {mine.length > 0 && <ReportForm sections={mine} year={year} month={month} />}
      <RuleLines ids={['MTG-3']} inline />
    </Stack>
  );
}
