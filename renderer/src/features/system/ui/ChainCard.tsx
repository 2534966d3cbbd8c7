import { Alert, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { notifyError } from '../../../components/notify';
import type { ChainReport, ChainsReport } from '../core/audit';
import { auditCount, chainLine, verifyEveryChain } from '../core/audit';

// 审计链: every entry carries the hash of the one before; the check reads the whole chain.
export function ChainCard() {
  const [running, setRunning] = useState(false);
  const [checked, setChecked] = useState(0);
  const [result, setResult] = useState<ChainsReport | null>(null);
  const report: ChainReport | null = result && !result.pcs ? result.local : null;
  const total = useLiveQuery(auditCount, []);
  return (
    <Card withBorder>
      <Group justify="space-between">
        <div>
          <Title order={4}>审计链</Title>
          <Text size="sm" c="dimmed">
            每条审计记录都含有上一条的哈希值，任何一条被改动或删除都能被发现。共 {total ?? '…'} 条。
          </Text>
        </div>
        <Button
          loading={running}
          onClick={async () => {
            setRunning(true);
            setResult(null);
            setChecked(0);
            try {
              setResult(await verifyEveryChain(setChecked));
            } catch (e) {
              notifyError(e);
            } finally {
              setRunning(false);
            }
          }}
        >
          校验审计链
        </Button>
      </Group>
      {running && (
        <Progress mt="sm" value={total ? (checked / total) * 100 : 0} animated aria-label="校验进度" />
      )}
      {report &&
        (report.ok ? (
          <Alert color="green" mt="sm" title="审计链完整">
            已校验 {report.checked} 条记录，没有发现改动或删除。
            {report.anchored
              ? '末端与本机记下的最新记录一致，末尾也没有被删除。'
              : '本机尚未记下审计链末端（新装或刚清理过浏览器数据），末尾的删除要到下一次校验才能核对。'}
          </Alert>
        ) : (
          <Alert color="red" mt="sm" title="审计链有断点" role="alert">
            第一处断点在序号 {report.firstBrokenSeq} 的记录：{report.reason}。此前 {report.checked} 条完好。
          </Alert>
        ))}
      {result?.pcs && <EveryChain pcs={result.pcs} />}
    </Card>
  );
}

// With 多机同步 on: one line per PC, this PC first.
function EveryChain({ pcs }: { pcs: NonNullable<ChainsReport['pcs']> }) {
  const ok = pcs.every((c) => c.ok);
  return (
    <Alert
      color={ok ? 'green' : 'red'}
      mt="sm"
      title={ok ? `各机审计链完整（${pcs.length} 台）` : '审计链有断点'}
      {...(ok ? {} : { role: 'alert' })}
    >
      <Stack gap={4} data-testid="audit-chains">
        {pcs.map((c) => (
          <Text key={c.pcId} size="sm" c={c.ok ? undefined : 'red'}>
            {chainLine(c)}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
