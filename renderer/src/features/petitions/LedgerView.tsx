// 台帐: 来信台帐, 来访台帐 and the 到县到市赴省进京 ledger for a month or any period, exported to
// .xlsx (导出Excel) or opened as an A4 landscape print view (打印预览).
import { Button, Card, Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

import type { LedgerSpec } from '../../../../shared/ledger';
import { useCan } from '../../auth/session';
import { notifyError, notifyOk } from '../../components/notify';
import { today } from '../../db/clock';
import { exportLedger } from '../../export';

import { buildLedger, LEDGER_NAMES, ledgerFileName, monthRange, rangePeriod } from './ledgers';
import type { LedgerKind } from './ledgers';
import { LedgerPrint } from './prints';

export function LedgerView() {
  const canView = useCan('petition.viewInformant');
  const now = today();
  const [kind, setKind] = useState<LedgerKind>('letter');
  const [mode, setMode] = useState<'month' | 'range'>('month');
  const [year, setYear] = useState(now.slice(0, 4));
  const [month, setMonth] = useState(String(Number(now.slice(5, 7))));
  const [from, setFrom] = useState(`${now.slice(0, 8)}01`);
  const [to, setTo] = useState(now);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<LedgerSpec | null>(null);
  const [error, setError] = useState<string | null>(null);

  function period() {
    if (mode === 'month') return monthRange(Number(year), Number(month));
    return { from, to, period: rangePeriod(from, to) };
  }

  async function spec(): Promise<LedgerSpec | null> {
    const r = period();
    if (!r.from || !r.to || r.from > r.to) {
      setError('请填写正确的起止日期');
      return null;
    }
    setError(null);
    return buildLedger(kind, r.from, r.to, r.period, canView);
  }

  async function exportXlsx() {
    setBusy(true);
    try {
      const s = await spec();
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
      <Stack>
        <Button variant="default" w={120} onClick={() => setPreview(null)}>
          返回台帐
        </Button>
        <LedgerPrint spec={preview} />
      </Stack>
    );
  }
  const years = Array.from({ length: 6 }, (_, i) => String(Number(now.slice(0, 4)) - i));
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
                error={error}
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
        <Group>
          <Button onClick={exportXlsx} loading={busy}>
            导出Excel
          </Button>
          <Button
            variant="default"
            onClick={async () => {
              try {
                const s = await spec();
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
