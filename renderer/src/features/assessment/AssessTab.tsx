// 年度考核 (ASM-1..4): the year's assessments, one person's ten items with the evidence the product
// knows, the grade with its ASM-3 override and its ASM-4 consequence, announcement and export.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { assessmentResultLedger } from '../../../../shared/ledgers/finance';
import { can } from '../../../../shared/permissions';
import type { Grade } from '../../../../shared/rules';
import {
  ASSESSMENT_ITEMS,
  assessmentGrade,
  GRADE_LABELS,
  gradeConsequence,
  ruleText,
} from '../../../../shared/rules';
import { href, navigate } from '../../app/router';
import { currentActor, useSession } from '../../auth/session';
import { ConfirmButton } from '../../components/Confirm';
import { notifyError, notifyOk } from '../../components/notify';
import { db } from '../../db/db';
import type { Assessment } from '../../db/schema/supervision';
import { exportLedger } from '../../export';
import { unitName } from '../../org/org';
import { useFieldErrors, useSections, useStaff, yearOptions } from '../finance/ui';

import { announceAssessments, generateAssessments, refreshAssessment, saveAssessment } from './repo';

export const GRADE_COLORS: Record<Grade, string> = {
  excellent: 'green',
  qualified: 'blue',
  basic: 'orange',
  unqualified: 'red',
};

export function AssessTab({ id, defaultYear }: { id?: string; defaultYear: number }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'assessment.manage');
  const [year, setYear] = useState(String(defaultYear));
  const { name, byId } = useStaff();
  const sections = useSections();
  const rows = useLiveQuery(
    async () =>
      (
        await db.assessments
          .where('[year+staffId]')
          .between([Number(year), ''], [Number(year), '\uffff'])
          .toArray()
      ).filter((a) => !a.deletedAt),
    [year],
  );
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
      <Text size="sm" c="dimmed">
        ASM-2 {ruleText('ASM-2').text} ASM-3 {ruleText('ASM-3').text}
      </Text>
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

function AssessmentDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'assessment.manage');
  const a = useLiveQuery(() => db.assessments.get(id), [id]);
  const { name } = useStaff();
  const [marks, setMarks] = useState<{ no: number; met: boolean; evidence: string; auto: boolean }[]>([]);
  const { errors, fail, clear } = useFieldErrors();
  const [loaded, setLoaded] = useState<string | null>(null);
  useEffect(() => {
    // Load the stored marks once per record version, so what is being typed is not overwritten.
    if (a && loaded !== a.updatedAt) {
      setMarks(a.items.map((i) => ({ ...i })));
      setLoaded(a.updatedAt);
    }
  }, [a, loaded]);
  if (a === undefined) return <Text c="dimmed">正在读取…</Text>;
  if (!a) return <Alert color="red">考核记录不存在。</Alert>;
  const locked = a.status === 'announced' || !manage;
  const met = marks.filter((m) => m.met).length;
  const preview = assessmentGrade({ itemsMet: met, attitude: a.attitude });
  const set = (no: number, patch: Partial<Assessment['items'][number]>) =>
    setMarks(marks.map((m) => (m.no === no ? { ...m, ...patch } : m)));
  return (
    <Stack>
      <Anchor href={href('assessment', 'assess')}>← 返回考核列表</Anchor>
      <Card withBorder>
        <Group justify="space-between">
          <Title order={4}>
            {name(a.staffId)} {a.year}年度考核
          </Title>
          <Badge size="lg">{a.status === 'announced' ? `已通报 ${a.announcedOn}` : '评定中'}</Badge>
        </Group>
        {a.attitudeNote && (
          <Alert color={a.attitude === 'media_exposed' ? 'red' : 'orange'} mt="sm" title="ASM-3 直接评定情形">
            {a.attitudeNote}
          </Alert>
        )}
        <Table mt="sm" fz="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>序号</Table.Th>
              <Table.Th>考核内容（ASM-1）</Table.Th>
              <Table.Th w={90}>完成</Table.Th>
              <Table.Th>依据</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ASSESSMENT_ITEMS.map((it) => {
              const m = marks.find((x) => x.no === it.no);
              if (!m) return null;
              return (
                <Table.Tr key={it.no}>
                  <Table.Td>{it.no}</Table.Td>
                  <Table.Td>{it.text}</Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`第${it.no}项完成`}
                      checked={m.met}
                      disabled={locked}
                      onChange={(e) => set(it.no, { met: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={`第${it.no}项依据`}
                      value={m.evidence}
                      disabled={locked}
                      onChange={(e) => set(it.no, { evidence: e.currentTarget.value, auto: false })}
                      error={errors[`items.${it.no}`]}
                      rightSection={
                        m.auto ? (
                          <Badge size="xs" variant="light">
                            系统
                          </Badge>
                        ) : undefined
                      }
                      rightSectionWidth={50}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group mt="sm" data-testid="assessment-result">
          <Text>
            完成 <b>{met}</b> 项 · 等次：
          </Text>
          <Badge size="lg" color={GRADE_COLORS[preview]}>
            {GRADE_LABELS[preview]}
          </Badge>
          <Text size="sm">结果运用：{gradeConsequence(preview)}</Text>
        </Group>
        {!locked && (
          <Group mt="sm">
            <Button
              onClick={async () => {
                clear();
                try {
                  await saveAssessment(a.id, marks, currentActor());
                  notifyOk('已保存');
                } catch (e) {
                  fail(e, 'items');
                }
              }}
            >
              保存评定
            </Button>
            <Button
              variant="default"
              onClick={async () => {
                try {
                  await refreshAssessment(a.id, currentActor());
                  setLoaded(null);
                  notifyOk('已按最新记录更新依据');
                } catch (e) {
                  notifyError(e);
                }
              }}
            >
              更新系统依据
            </Button>
            <Button variant="subtle" onClick={() => navigate('assessment', 'complaints')}>
              查看投诉举报
            </Button>
          </Group>
        )}
        {errors.items && (
          <Text c="red" size="sm">
            {errors.items}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
