// 股室月度汇报: every section's report of a month, on time, late or missing (MTG-3).
import { Alert, Badge, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { parseISODate, sectionReportDue } from '../../../../../shared/rules';
import { useCan, useSession } from '../../../auth/session';
import { YearSelect } from '../../../components/dates';
import { ListTable } from '../../../components/ListTable';
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
      <ListTable
        withTableBorder
        highlightOnHover={false}
        rows={table}
        rowKey={(r) => r.section.id}
        head={[
          L.section,
          '状态',
          L.submittedOn,
          '报送人',
          { label: L.workSummary, ws: 'pre-wrap' },
          { label: L.nextPlan, ws: 'pre-wrap' },
        ]}
        row={(r) => [
          r.section.name,
          <Badge color={STATE[r.state].color} variant="light">
            {STATE[r.state].label}
          </Badge>,
          r.report?.submittedOn ?? '',
          book.name(r.report?.reporterId),
          r.report?.workSummary ?? '',
          r.report?.nextPlan ?? '',
        ]}
      />
      {mine.length > 0 && <ReportForm sections={mine} year={year} month={month} />}
      <RuleLines ids={['MTG-3']} inline />
    </Stack>
  );
}
