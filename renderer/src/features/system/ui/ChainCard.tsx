import { Alert, Button, Card, Group, Progress, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { notifyError } from '../../../components/notify';
import type { ChainReport } from '../core/audit';
import { auditCount, verifyAuditChain } from '../core/audit';

// 审计链: every entry carries the hash of the one before; the check reads the whole chain.
export function ChainCard() {
  const [running, setRunning] = useState(false);
  const [checked, setChecked] = useState(0);
  const [report, setReport] = useState<ChainReport | null>(null);
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
            setReport(null);
            setChecked(0);
            try {
              setReport(await verifyAuditChain(setChecked));
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
    </Card>
  );
}
