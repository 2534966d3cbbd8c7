// One person's year: the ten items with the evidence the product knows, the grade with its ASM-3
// override and its ASM-4 consequence.
import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { can } from '../../../../../shared/permissions';
import {
  ASSESSMENT_ITEMS,
  assessmentGrade,
  GRADE_LABELS,
  gradeConsequence,
} from '../../../../../shared/rules';
import { navigate } from '../../../app/router';
import { currentActor, useSession } from '../../../auth/session';
import { BackLink, DetailCard, Loading, Missing } from '../../../components/Detail';
import { notifyError, notifyOk } from '../../../components/notify';
import { useFieldErrors } from '../../../components/useFieldErrors';
import type { Assessment } from '../../../db/schema/supervision';
import { useStaffBook } from '../../../org/hooks';
import { refreshAssessment, saveAssessment } from '../core/commands';
import { getAssessment } from '../core/queries';
import { GRADE_COLORS } from '../labels';

export function AssessmentDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'assessment.manage');
  const a = useLiveQuery(async () => (await getAssessment(id)) ?? null, [id]);
  const { name } = useStaffBook();
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
  if (a === undefined) return <Loading />;
  if (!a) return <Missing>考核记录不存在。</Missing>;
  const locked = a.status === 'announced' || !manage;
  const met = marks.filter((m) => m.met).length;
  const preview = assessmentGrade({ itemsMet: met, attitude: a.attitude });
  const set = (no: number, patch: Partial<Assessment['items'][number]>) =>
    setMarks(marks.map((m) => (m.no === no ? { ...m, ...patch } : m)));
  return (
    <Stack>
      <BackLink to={['assessment', 'assess']}>返回考核列表</BackLink>
      <DetailCard
        title={`${name(a.staffId)} ${a.year}年度考核`}
        badge={<Badge size="lg">{a.status === 'announced' ? `已通报 ${a.announcedOn}` : '评定中'}</Badge>}
      >
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
      </DetailCard>
    </Stack>
  );
}
