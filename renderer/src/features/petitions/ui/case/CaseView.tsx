// One case: its data, the next deadline, the handling panels, the history (#/petitions/case/<id>).
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { PETITION_DEADLINE_LABELS } from '../../../../../../shared/rules';
import { href } from '../../../../app/router';
import { useCalendar } from '../../../../calendar/calendar';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import { openCase } from '../../core/queries';
import { CHANNEL_LABELS, INFORMANT_TEXT } from '../../labels';
import { CorrectionButton } from '../CorrectionForm';
import { HandoverPrint } from '../prints';
import { caseRuleText, DueBadge, PrintBack, StateBadge, useSettings } from '../ui';

import { Actions } from './Actions';
import { CaseInfo } from './CaseInfo';
import { History } from './History';
import { IdentityReview } from './IdentityReview';

export function CaseView({ id }: { id: string }) {
  const p = useLiveQuery(() => openCase(id), [id]);
  const cal = useCalendar();
  const settings = useSettings();
  const [printing, setPrinting] = useState(false);
  if (p === undefined) return <Text c="dimmed">正在读取…</Text>;
  if (!p) return <Alert color="red">信访件不存在。</Alert>;
  const day = today();
  const next = repo.nextDeadlineOf(p, cal, settings, day);

  if (printing) {
    return (
      <PrintBack label="返回案件" onBack={() => setPrinting(false)}>
        <HandoverPrint p={p} />
      </PrintBack>
    );
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={3}>{p.regNo}</Title>
          <StateBadge state={p.state} />
          <Badge variant="outline">{CHANNEL_LABELS[p.channel]}</Badge>
          {p.urgent && <Badge color="red">重大紧急</Badge>}
          {p.informant && <Badge color="grape">检举揭发</Badge>}
          {!p.informant && p.informantCase && <Badge color="grape">{INFORMANT_TEXT.linkedBadge}</Badge>}
        </Group>
        <Group>
          <CorrectionButton p={p} />
          {p.unitId && (p.decision === 'forward' || p.decision === 'hand_down') && (
            <Button variant="default" onClick={() => setPrinting(true)}>
              打印{p.decision === 'forward' ? '转送函' : '交办单'}
            </Button>
          )}
          <Anchor href={href('petitions', 'list')}>返回列表</Anchor>
        </Group>
      </Group>
      <Card withBorder>
        <Group>
          <Text fw={500}>下一期限：</Text>
          {next ? (
            <>
              <Text>{PETITION_DEADLINE_LABELS[next.kind]}</Text>
              <DueBadge due={next.due} kind={next.kind} today={day} cal={cal} soonDays={settings.soonDays} />
              {next.party === 'petitioner' && (
                <Text size="sm" c="dimmed">
                  （信访人的申请期限）
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {next.ruleId}：{caseRuleText(next.ruleId, p.nature, settings).text}
              </Text>
            </>
          ) : (
            <Text c="dimmed">无进行中的期限</Text>
          )}
        </Group>
      </Card>
      <IdentityReview id={p.id} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <CaseInfo p={p} />
            <History id={p.id} channel={p.channel} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Actions key={`${p.id}-${p.state}-${p.updatedAt}`} p={p} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
