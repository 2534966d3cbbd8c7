// 心得论文: papers per person per year, with the year-end list of those without one (STU-4).
import { Alert, Stack } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { useCan, useSession } from '../../../auth/session';
import { thisYear } from '../../../components/dates';
import { ListTable } from '../../../components/ListTable';
import { RuleLines } from '../../../components/RuleCite';
import { YearBar } from '../../../components/YearBar';
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
      <YearBar year={year} onYear={setYear} onExport={exportPaperRegister} />
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
      <ListTable
        rows={papers}
        head={[L.staff, L.paperKind, L.paperTitle, L.writtenOn, L.publishedIn]}
        row={(p) => [book.name(p.staffId), PAPER_KIND_LABELS[p.kind], p.title, p.writtenOn, p.publishedIn]}
      />
      <RuleLines ids={['STU-4']} inline />
    </Stack>
  );
}
