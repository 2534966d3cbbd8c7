// 统计分析: counts of a month (or any period) by channel, category, township and outcome, the
// on-time rate, with plain CSS bars; and the month's 上访情况分析 the office edits and prints.
import {
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { analysisDraft, formatRate, petitionStats } from '../../../../shared/ledgers/petitions';
import type { PetitionStats } from '../../../../shared/ledgers/petitions';
import { useCan } from '../../auth/session';
import { loadCalendar } from '../../calendar/calendar';
import { notifyOk } from '../../components/notify';
import { today } from '../../db/clock';
import { db } from '../../db/db';

import { monthRange, rangePeriod } from './ledgers';
import { AnalysisPrint } from './prints';
import { petitionsInRange, statsItem } from './queries';
import { saveMonthReport } from './repo';
import { loadPetitionSettings } from './settings';
import { Bars, useActor, useFieldErrors } from './ui';

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
  const [mode, setMode] = useState<'month' | 'range'>('month');
  const [year, setYear] = useState(now.slice(0, 4));
  const [month, setMonth] = useState(String(Number(now.slice(5, 7))));
  const [from, setFrom] = useState(`${now.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(now);
  const y = Number(year);
  const m = Number(month);
  const r = mode === 'month' ? monthRange(y, m) : { from, to, period: rangePeriod(from, to) };
  const prev = m === 1 ? monthRange(y - 1, 12) : monthRange(y, m - 1);
  const data = useLiveQuery(async () => {
    const [cur, before] = await Promise.all([
      statsFor(r.from, r.to),
      mode === 'month' ? statsFor(prev.from, prev.to) : Promise.resolve(null),
    ]);
    return { cur, before };
  }, [r.from, r.to, mode]);
  const years = Array.from({ length: 6 }, (_, i) => String(Number(now.slice(0, 4)) - i));
  const s = data?.cur;
  return (
    <Stack>
      <Card withBorder>
        <Group align="flex-end">
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'month' | 'range')}
            data={[
              { value: 'month', label: '按月' },
              { value: 'range', label: '按期间' },
            ]}
          />
          {mode === 'month' ? (
            <>
              <NativeSelect
                label="年份"
                value={year}
                onChange={(e) => setYear(e.currentTarget.value)}
                data={years}
              />
              <NativeSelect
                label="月份"
                value={month}
                onChange={(e) => setMonth(e.currentTarget.value)}
                data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }))}
              />
            </>
          ) : (
            <>
              <TextInput
                type="date"
                label="起始日期"
                value={from}
                onChange={(e) => setFrom(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label="截止日期"
                value={to}
                onChange={(e) => setTo(e.currentTarget.value)}
              />
            </>
          )}
        </Group>
      </Card>
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                登记件数
              </Text>
              <Title order={2}>{s.total}</Title>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                涉及人次
              </Text>
              <Title order={2}>{s.people}</Title>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                有期限的办结件
              </Text>
              <Title order={2}>{s.concludedWithLimit}</Title>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                按期办结率
              </Text>
              <Title order={2}>{formatRate(s.onTimeRate)}</Title>
            </Card>
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
              month={`${year}-${String(m).padStart(2, '0')}`}
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
  const saved = useLiveQuery(() => db.petitionReports.where('month').equals(month).first(), [month]);
  const [text, setText] = useState('');
  const [printing, setPrinting] = useState(false);
  const { errors, run } = useFieldErrors();
  useEffect(() => {
    setText(saved?.text ?? '');
  }, [saved?.text, month]);
  if (printing) {
    return (
      <Stack>
        <Button variant="default" w={120} onClick={() => setPrinting(false)}>
          返回统计
        </Button>
        <AnalysisPrint period={period} text={text} />
      </Stack>
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
