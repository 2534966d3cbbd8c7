import { Button, Card, Code, Group, Text, Timeline, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { ListTable } from '../../../../components/ListTable';
import type { PetitionChannel } from '../../../../db/schema/petitions';
import { caseAudit, caseSteps } from '../../core/queries';
import { correctionLabel, STEP_LABELS } from '../../labels';
import type { CorrectionField } from '../../labels';
import { Nowrap } from '../ui';

// The steps and the audit trail come masked from the queries (PET-6).
export function History({ id, channel }: { id: string; channel: PetitionChannel }) {
  const steps = useLiveQuery(() => caseSteps(id), [id], []);
  const [showAudit, setShowAudit] = useState(false);
  const audit = useLiveQuery(() => (showAudit ? caseAudit(id) : Promise.resolve([])), [id, showAudit], []);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>办理过程</Title>
        <Button size="xs" variant="subtle" onClick={() => setShowAudit((s) => !s)}>
          {showAudit ? '隐藏审计记录' : '查看审计记录'}
        </Button>
      </Group>
      <Timeline bulletSize={14} lineWidth={2} active={steps.length}>
        {steps.map((s) => (
          <Timeline.Item key={s.id} title={`${s.on} ${STEP_LABELS[s.kind]}`}>
            <Text size="sm">{s.text}</Text>
            {s.kind === 'correct' && Array.isArray(s.data?.fields) && (
              <Text size="xs" c="dimmed">
                更正项目：
                {(s.data.fields as CorrectionField[]).map((f) => correctionLabel(f, channel)).join('、')}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {s.byName} · 记录于 {new Date(s.at).toLocaleString('zh-CN')}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {showAudit && (
        <ListTable
          fz="xs"
          mt="md"
          striped={false}
          highlightOnHover={false}
          rows={audit}
          rowKey={(a) => String(a.seq)}
          head={['时间', '操作人', '操作', '变更']}
          row={(a) => [
            <Nowrap key="t">{new Date(a.at).toLocaleString('zh-CN')}</Nowrap>,
            <Nowrap key="w">{a.actorName}</Nowrap>,
            a.summary,
            <Code key="c" block style={{ maxWidth: 360, whiteSpace: 'pre-wrap', fontSize: 11 }}>
              {a.action === 'create' ? '新建' : JSON.stringify(a.after ?? {}, null, 0).slice(0, 300)}
            </Code>,
          ]}
        />
      )}
    </Card>
  );
}
