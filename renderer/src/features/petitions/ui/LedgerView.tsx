// 台帐: 来信台帐, 来访台帐 and the 到县到市赴省进京 ledger for a month or any period, exported to
// .xlsx (导出Excel) or opened as an A4 landscape print view (打印预览).
import { Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';

import type { LedgerSpec } from '../../../../../shared/ledger';
import { notifyError, notifyOk } from '../../../components/notify';
import { today } from '../../../db/clock';
import { exportLedger } from '../../../export';
import { buildLedger, LEDGER_NAMES, ledgerFileName } from '../core/ledgers';
import type { LedgerKind } from '../core/ledgers';

import { PeriodFields, usePeriod } from './PeriodPicker';
import { LedgerPrint } from './prints';
import { PrintBack } from './ui';

export function LedgerView() {
  const now = today();
  const [kind, setKind] = useState<LedgerKind>('letter');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<LedgerSpec | null>(null);
  const [error, setError] = useState<string | null>(null);

  const { choice, setChoice, range } = usePeriod(`${now.slice(0, 8)}01`);

  // PET-6: the rows come masked as the signed-in user may see them; an export or a preview that
  // shows an informant's identity is recorded in the audit trail
  async function spec(purpose: 'ledgerExport' | 'ledgerPrint'): Promise<LedgerSpec | null> {
    const r = range;
    if (!r.from || !r.to || r.from > r.to) {
      setError('请填写正确的起止日期');
      return null;
    }
    setError(null);
    return buildLedger(kind, r.from, r.to, r.period, purpose);
  }

  async function exportXlsx() {
    setBusy(true);
    try {
      const s = await spec('ledgerExport');
      if (s) {
        const r = await exportLedger(ledgerFileName(kind, s.period), [s]);
        if (r.saved) notifyOk(`已导出${s.ledgerName}（${s.rows.length}行）`);
      }
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  if (preview) {
    return (
      <PrintBack label="返回台帐" onBack={() => setPreview(null)}>
        <LedgerPrint spec={preview} />
      </PrintBack>
    );
  }
  return (
    <Card withBorder>
      <Stack>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as LedgerKind)}
          data={(Object.keys(LEDGER_NAMES) as LedgerKind[]).map((k) => ({
            value: k,
            label: LEDGER_NAMES[k],
          }))}
          aria-label="台帐种类"
        />
        <Group align="flex-end">
          <PeriodFields choice={choice} onChange={setChoice} fromError={error} />
        </Group>
        <Group>
          <Button onClick={exportXlsx} loading={busy}>
            导出Excel
          </Button>
          <Button
            variant="default"
            onClick={async () => {
              try {
                const s = await spec('ledgerPrint');
                if (s) setPreview(s);
              } catch (e) {
                notifyError(e);
              }
            }}
          >
            打印预览
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          台帐按收件日期排列；日期为真实日期格式，A4横向、每页重复表头。检举揭发件的信访人信息按规定隐去（PET-6）。
        </Text>
      </Stack>
    </Card>
  );
}
