// 笔记检查: everyone's collective and self-study notes, checked each quarter (STU-3).
import { Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { studyQuarter } from '../../../../../shared/rules';
import { useCan } from '../../../auth/session';
import { thisYear, YearSelect } from '../../../components/dates';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import { useSectionList, useStaffBook } from '../../../org/hooks';
import { bureauStaff } from '../../../org/order';
import { notesCheckTable } from '../core/queries';
import { L } from '../labels';

import { NotesRow } from './NotesRow';

export function NotesTab() {
  const manage = useCan('study.manage');
  const book = useStaffBook();
  const sections = useSectionList();
  const [year, setYear] = useState(thisYear());
  const [quarter, setQuarter] = useState(studyQuarter(today()));
  const rows = useLiveQuery(
    () => notesCheckTable(year, quarter, bureauStaff(book.list)),
    [year, quarter, book.list],
    [],
  );
  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  const unchecked = rows.filter((r) => !r.check).length;
  return (
    <Stack>
      <Group align="flex-end">
        <YearSelect value={year} onChange={setYear} />
        <NativeSelect
          label={L.quarter}
          value={String(quarter)}
          onChange={(e) => setQuarter(Number(e.currentTarget.value) as 1 | 2 | 3 | 4)}
          data={['1', '2', '3', '4'].map((q) => ({ value: q, label: `第${q}季度` }))}
        />
        <Text size="sm" c="dimmed">
          未检查：{unchecked}人
        </Text>
      </Group>
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.staff}</Table.Th>
            <Table.Th>股室</Table.Th>
            <Table.Th>{L.collective}</Table.Th>
            <Table.Th>{L.selfStudy}</Table.Th>
            <Table.Th>{L.checkedOn}</Table.Th>
            <Table.Th>{L.remark}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <NotesRow
              key={r.staff.id}
              row={r}
              section={sectionName.get(r.staff.sectionId ?? '') ?? ''}
              year={year}
              quarter={quarter}
              manage={manage}
            />
          ))}
        </Table.Tbody>
      </Table>
      <RuleLines ids={['STU-3']} inline />
    </Stack>
  );
}
