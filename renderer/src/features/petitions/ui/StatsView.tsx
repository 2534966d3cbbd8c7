// 统计分析: counts of a month (or any period) by channel, category, township and outcome, the
// on-time rate, with plain CSS bars; and the month's 上访情况分析 the office edits and prints.
import { Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { analysisDraft, formatRate, petitionStats } from '../../../../../shared/ledgers/petitions';
import type { PetitionStats } from '../../../../../shared/ledgers/petitions';
import { useCan } from '../../../auth/session';
import { loadCalendar } from '../../../calendar/calendar';
import { notifyOk } from '../../../components/notify';
import { today } from '../../../db/clock';
import { saveMonthReport } from '../core/commands';
import { monthRange } from '../core/ledgers';
import { monthReport } from '../core/lookups';
import { petitionsInRange, statsItem } from '../core/queries';
import { loadPetitionSettings } from '../core/settings';

import { PeriodFields, usePeriod } from './PeriodPicker';
import { AnalysisPrint } from './prints';
import { Bars, PrintBack, useActor, useFieldErrors } from './ui';

async function statsFor(from: string, to: string): Promise<PetitionStats> {
  const [cal, settings, rows] = await Promise.all([
    loadCalendar(),
    loadPetitionSettings(),
    petitionsInRange(null, from, to),
  ]);
  return petitionStats(rows.map((p) => statsItem(p, cal, settings)));
}

export function StatsView() {
  const now = today();
  const { choice, setChoice, range: r } = usePeriod(`${now.slice(0, 4)}-01-01`);
  const { mode } = choice;
  const y = Number(choice.year);
  const m = Number(choice.month);
  const prev = m === 1 ? monthRange(y - 1, 12) : monthRange(y, m - 1);
  const data = useLiveQuery(async () => {
    const [cur, before] = await Promise.all([
      statsFor(r.from, r.to),
      mode === 'month' ? statsFor(prev.from, prev.to) : Promise.resolve(null),
    ]);
    return { cur, before };
  }, [r.from, r.to, mode]);
  const s = data?.cur;
  return (
    <Stack>
      <Card withBorder>
        <Group align="flex-end">
          <PeriodFields choice={choice} onChange={setChoice} />
        </Group>
      </Card>
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {(
              [
                ['登记件数', s.total],
                ['涉及人次', s.people],
                ['有期限的办结件', s.concludedWithLimit],
                ['按期办结率', formatRate(s.onTimeRate)],
              ] as const
            ).map(([label, value]) => (
              <Card withBorder key={label}>
                <Text size="sm" c="dimmed">
                  {label}
                </Text>
                <Title order={2}>{value}</Title>
              </Card>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={5} mb="xs">
                按渠道
              </Title>
              <Bars rows={s.byChannel} label="按渠道统计" />
            </Card>
            <Card withBorder>
              <Title order={5} mb="xs">
                按问题类别
              </Title>
              <Bars rows={s.byCategory} color="var(--mantine-color-grape-6)" label="按问题类别统计" />
            </Card>
            <Card withBorder>
              <Title order={5} mb="xs">
                按乡镇
              </Title>
              <Bars rows={s.byTownship} color="var(--mantine-color-teal-6)" label="按乡镇统计" />
            </Card>
            <Card withBorder>
              <Title order={5} mb="xs">
                按办理结果（已办结）
              </Title>
              <Bars rows={s.byOutcome} color="var(--mantine-color-orange-6)" label="按办理结果统计" />
            </Card>
          </SimpleGrid>
          {mode === 'month' && (
            <AnalysisEditor
              month={`${choice.year}-${String(m).padStart(2, '0')}`}
              period={r.period}
              stats={s}
              previous={data?.before ?? null}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function AnalysisEditor({
  month,
  period,
  stats,
  previous,
}: {
  month: string;
  period: string;
  stats: PetitionStats;
  previous: PetitionStats | null;
}) {
  const actor = useActor();
  const canEdit = useCan('petition.handle');
  const saved = useLiveQuery(() => monthReport(month), [month]);
  const [text, setText] = useState('');
  const [printing, setPrinting] = useState(false);
  const { errors, run } = useFieldErrors();
  useEffect(() => {
    setText(saved?.text ?? '');
  }, [saved?.text, month]);
  if (printing) {
    return (
      <PrintBack label="返回统计" onBack={() => setPrinting(false)}>
        <AnalysisPrint period={period} text={text} />
      </PrintBack>
    );
  }
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={4}>{period}上访情况分析</Title>
        <Text size="xs" c="dimmed">
          {saved ? `已保存（${new Date(saved.updatedAt).toLocaleString('zh-CN')}）` : '尚未保存'}
        </Text>
      </Group>
      <Textarea
        aria-label="上访情况分析"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={10}
        readOnly={!canEdit}
        error={errors.month}
        placeholder="点击“生成初稿”按本月统计数据生成，再修改补充"
      />
      <Group mt="sm">
        {canEdit && (
          <Button variant="default" onClick={() => setText(analysisDraft(stats, period, previous))}>
            生成初稿
          </Button>
        )}
        {canEdit && (
          <Button
            onClick={() =>
              run(async () => {
                await saveMonthReport(month, text, actor);
                notifyOk('已保存');
              })
            }
          >
            保存分析
          </Button>
        )}
        <Button variant="light" disabled={!text.trim()} onClick={() => setPrinting(true)}>
          打印预览
        </Button>
      </Group>
    </Card>
  );
}
