// 心得论文: papers per person per year, with the year-end list of those without one (STU-4).
import { Alert, Button, Group, Stack, Table } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { useCan, useSession } from '../../../auth/session';
import { thisYear, YearSelect } from '../../../components/dates';
import { notifyError } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { useSectionList, useStaffBook } from '../../../org/hooks';
import { bureauStaff } from '../../../org/order';
import { exportPaperRegister } from '../core/exports';
import { paperList, papersMissing } from '../core/queries';
import { L, PAPER_KIND_LABELS } from '../labels';

import { PaperForm } from './PaperForm';

export function PapersTab() {
  const manage = useCan('study.manage');
  const user = useSession((s) => s.user)!;
  const book = useStaffBook();
  const sections = useSectionList();
  const [year, setYear] = useState(thisYear());
  const papers = useLiveQuery(() => paperList(year), [year], []);
  // STU-4: the year-end list, by the rule (yearEndPapersMissing).
  const missing = useLiveQuery(
    () => papersMissing(year, bureauStaff(book.list)),
    [year, book.list, papers],
    [],
  );
  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  return (
    <Stack>
      <PaperForm staff={manage ? book.list : book.list.filter((s) => s.id === user.staffId)} />
      <Group justify="space-between" align="flex-end">
        <YearSelect value={year} onChange={setYear} />
        <Button variant="default" onClick={() => exportPaperRegister(year).catch(notifyError)}>
          {L.exportExcel}
        </Button>
      </Group>
      <Alert
        color={missing.length ? 'orange' : 'green'}
        title={`${year}年未完成学习心得或论文的人员（STU-4，年底名单）`}
      >
        {missing.length
          ? missing
              .map((s) =>
                s.sectionId && sectionName.get(s.sectionId)
                  ? `${s.name}（${sectionName.get(s.sectionId)}）`
                  : s.name,
              )
              .join('、')
          : '全部完成'}
      </Alert>
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.staff}</Table.Th>
            <Table.Th>{L.paperKind}</Table.Th>
            <Table.Th>{L.paperTitle}</Table.Th>
            <Table.Th>{L.writtenOn}</Table.Th>
            <Table.Th>{L.publishedIn}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {papers.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{book.name(p.staffId)}</Table.Td>
              <Table.Td>{PAPER_KIND_LABELS[p.kind]}</Table.Td>
              <Table.Td>{p.title}</Table.Td>
              <Table.Td>{p.writtenOn}</Table.Td>
              <Table.Td>{p.publishedIn}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RuleLines ids={['STU-4']} inline />
    </Stack>
  );
}
