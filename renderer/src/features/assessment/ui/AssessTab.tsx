// 年度考核 (ASM-1..4): the year's assessments, their announcement and export.
import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { assessmentResultLedger } from '../../../../../shared/ledgers/finance';
import { can } from '../../../../../shared/permissions';
import { GRADE_LABELS } from '../../../../../shared/rules';
import { href } from '../../../app/router';
import { currentActor, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { yearOptions } from '../../../components/dates';
import { notifyError, notifyOk } from '../../../components/notify';
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
    try {
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
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <Stack>
      <RuleLines ids={['ASM-2', 'ASM-3']} inline />
      <Group align="flex-end">
        <NativeSelect
          label="年度"
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          data={yearOptions()}
          w={120}
        />
        {manage && (
          <Button
            variant="light"
            onClick={async () => {
              try {
                const n = await generateAssessments(Number(year), currentActor());
                notifyOk(n ? `已为${n}人生成${year}年度考核` : '人员均已有考核记录');
              } catch (e) {
                notifyError(e);
              }
            }}
          >
            生成年度考核
          </Button>
        )}
        {manage && drafts > 0 && (
          <ConfirmButton
            color="blue"
            title="通报考核结果"
            message={`以局行政权力运行工作领导小组名义通报${year}年度${drafts}人的考核结果？通报后不能修改（ASM-4）。`}
            onConfirm={async () => {
              try {
                await announceAssessments(Number(year), currentActor());
                notifyOk('已通报');
              } catch (e) {
                notifyError(e);
              }
            }}
          >
            通报考核结果
          </ConfirmButton>
        )}
        <Button variant="default" ml="auto" onClick={exportYear}>
          导出Excel
        </Button>
      </Group>
      {rows && visible.length === 0 ? (
        <Text c="dimmed">{manage ? '本年度尚未生成考核。' : '本年度考核结果尚未通报。'}</Text>
      ) : (
        <Table striped highlightOnHover fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>姓名</Table.Th>
              <Table.Th>股室</Table.Th>
              <Table.Th>完成项数</Table.Th>
              <Table.Th>直接评定情形（ASM-3）</Table.Th>
              <Table.Th>等次</Table.Th>
              <Table.Th>结果运用（ASM-4）</Table.Th>
              <Table.Th>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor href={href('assessment', 'assess', a.id)} size="sm">
                    {name(a.staffId)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{a.sectionId ? sections.get(a.sectionId) : byId.get(a.staffId)?.title}</Table.Td>
                <Table.Td>{a.itemsMet}</Table.Td>
                <Table.Td>{a.attitudeNote || '—'}</Table.Td>
                <Table.Td>
                  <Badge color={GRADE_COLORS[a.grade]}>{GRADE_LABELS[a.grade]}</Badge>
                </Table.Td>
                <Table.Td>{a.consequence}</Table.Td>
                <Table.Td>{a.status === 'announced' ? `已通报 ${a.announcedOn}` : '评定中'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
