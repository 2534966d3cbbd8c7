// 年度考核 (ASM-1..4): the year's assessments, their announcement and export.
import { Badge, Button, Group, Stack } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { assessmentResultLedger } from '../../../../../shared/ledgers/finance';
import { can } from '../../../../../shared/permissions';
import { GRADE_LABELS } from '../../../../../shared/rules';
import { currentActor, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { attempt, ExportButton, ListOrEmpty, RowLink, YearPicker } from '../../../components/ListParts';
import { notifyOk } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { exportLedger } from '../../../export';
import { useSections, useStaffBook } from '../../../org/hooks';
import { unitName } from '../../../org/org';
import { announceAssessments, generateAssessments } from '../core/commands';
import { assessmentsOfYear } from '../core/queries';
import { GRADE_COLORS } from '../labels';

import { AssessmentDetail } from './AssessmentDetail';

export function AssessTab({ id, defaultYear }: { id?: string; defaultYear: number }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'assessment.manage');
  const [year, setYear] = useState(String(defaultYear));
  const { name, byId } = useStaffBook();
  const sections = useSections();
  const rows = useLiveQuery(() => assessmentsOfYear(Number(year)), [year]);
  if (id) return <AssessmentDetail id={id} />;
  const visible = (rows ?? [])
    .filter((a) => manage || a.staffId === user.staffId || a.status === 'announced')
    .sort((a, b) => name(a.staffId).localeCompare(name(b.staffId), 'zh-CN'));
  const drafts = visible.filter((a) => a.status === 'draft').length;

  async function exportYear() {
    const data = visible.map((a) => ({
      person: name(a.staffId),
      section: a.sectionId ? (sections.get(a.sectionId) ?? '') : '局领导',
      itemsMet: a.itemsMet,
      itemsMissed: a.items.filter((i) => !i.met).map((i) => i.no),
      overrides: a.attitudeNote,
      grade: a.grade,
      consequence: a.consequence,
    }));
    await exportLedger(`年度考核结果-${year}`, [
      assessmentResultLedger(await unitName(), Number(year), data),
    ]);
  }

  return (
    <Stack>
      <RuleLines ids={['ASM-2', 'ASM-3']} inline />
      <Group align="flex-end">
        <YearPicker value={year} onChange={setYear} />
        {manage && (
          <Button
            variant="light"
            onClick={() =>
              attempt(async () => {
                const n = await generateAssessments(Number(year), currentActor());
                notifyOk(n ? `已为${n}人生成${year}年度考核` : '人员均已有考核记录');
              })
            }
          >
            生成年度考核
          </Button>
        )}
        {manage && drafts > 0 && (
          <ConfirmButton
            color="blue"
            title="通报考核结果"
            message={`以局行政权力运行工作领导小组名义通报${year}年度${drafts}人的考核结果？通报后不能修改（ASM-4）。`}
            onConfirm={() => attempt(() => announceAssessments(Number(year), currentActor()), '已通报')}
          >
            通报考核结果
          </ConfirmButton>
        )}
        <ExportButton ml="auto" onExport={exportYear} />
      </Group>
      <ListOrEmpty
        loaded={!!rows}
        empty={manage ? '本年度尚未生成考核。' : '本年度考核结果尚未通报。'}
        rows={visible}
        head={['姓名', '股室', '完成项数', '直接评定情形（ASM-3）', '等次', '结果运用（ASM-4）', '状态']}
        row={(a) => [
          <RowLink key="name" to={['assessment', 'assess', a.id]}>
            {name(a.staffId)}
          </RowLink>,
          a.sectionId ? sections.get(a.sectionId) : byId.get(a.staffId)?.title,
          a.itemsMet,
          a.attitudeNote || '—',
          <Badge key="grade" color={GRADE_COLORS[a.grade]}>
            {GRADE_LABELS[a.grade]}
          </Badge>,
          a.consequence,
          a.status === 'announced' ? `已通报 ${a.announcedOn}` : '评定中',
        ]}
      />
    </Stack>
  );
}
