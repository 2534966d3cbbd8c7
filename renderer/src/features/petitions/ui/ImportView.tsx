// 导入: petition records from a spreadsheet (e.g. an export of the national petition system). The
// file is read in the import worker, every row is checked as a registration is (rules, numbers, the
// duplicate check PET-10) with progress in rows, and the preview lists every row: 通过, 拒绝 (reason
// and rule) or 可能重复 (the matched case, and a decision per row). 确认导入 writes all rows in one
// transaction, and only when no row is refused and every likely duplicate has a decision.
import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Pagination,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMemo, useRef, useState } from 'react';

import { useCan } from '../../../auth/session';
import { notifyOk } from '../../../components/notify';
import type { ReadProgress } from '../../../import/read';
import { checkImport, decisionOptions, importPetitions, parseWorkbook, previewName } from '../core/import';
import type {
  CheckedImport,
  CheckedRow,
  CheckProgress,
  ImportResult,
  RowDecision,
  RowStatus,
} from '../core/import';
import { IMPORT } from '../labels';

import { short, useActor, useFieldErrors } from './ui';

const PAGE = 50;
const NOWRAP = { whiteSpace: 'nowrap' } as const;
type Filter = 'all' | RowStatus;
type Busy = { text: string; pct: number | null } | null;

const decisionKey = (d: RowDecision) => (d.kind === 'link' ? `link:${d.caseId}` : d.kind);
function decisionOf(key: string): RowDecision {
  if (key.startsWith('link:')) return { kind: 'link', caseId: key.slice(5) };
  return key === 'skip' ? { kind: 'skip' } : { kind: 'new' };
}

function readText(p: ReadProgress): Busy {
  return p.phase === 'load'
    ? { text: IMPORT.reading, pct: null }
    : { text: IMPORT.read(p.done, p.total), pct: p.total ? (p.done / p.total) * 100 : 100 };
}
function checkText(p: CheckProgress): Busy {
  const pct = p.total ? (p.done / p.total) * 100 : 100;
  return {
    text: p.phase === 'check' ? IMPORT.checking(p.done, p.total) : IMPORT.duplicates(p.done, p.total),
    pct,
  };
}

export function ImportView() {
  const actor = useActor();
  const canImport = useCan('petition.register');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<CheckedImport | null>(null);
  const [decisions, setDecisions] = useState<Map<number, RowDecision>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const { errors, run } = useFieldErrors();
  const reading = useRef(0); // the latest file chosen: an earlier file's late result is dropped

  async function read(f: File | null) {
    const id = ++reading.current;
    const current = () => id === reading.current;
    setFile(f);
    setChecked(null);
    setDecisions(new Map());
    setProblem(null);
    setDone(null);
    setPage(1);
    if (!f) return;
    setBusy({ text: IMPORT.reading, pct: null });
    try {
      const parsed = await parseWorkbook(await f.arrayBuffer(), (p) => current() && setBusy(readText(p)));
      if (!current()) return;
      if (parsed.problem) {
        setProblem(parsed.problem);
        return;
      }
      const c = await checkImport(parsed.rows, {
        onProgress: (p) => current() && setBusy(checkText(p)),
      });
      if (!current()) return;
      setChecked(c);
      const has = (s: RowStatus) => c.rows.some((r) => r.status === s);
      setFilter(has('refused') ? 'refused' : has('duplicate') ? 'duplicate' : 'all');
    } catch (e) {
      if (current()) setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      if (current()) setBusy(null);
    }
  }

  const rows = useMemo(() => checked?.rows ?? [], [checked]);
  const count = useMemo(() => {
    const n = { ok: 0, refused: 0, duplicate: 0, open: 0, skip: 0 };
    for (const r of rows) {
      n[r.status]++;
      const d = decisions.get(r.row);
      if (r.status === 'duplicate' && !d) n.open++;
      if (d?.kind === 'skip') n.skip++;
    }
    return n;
  }, [rows, decisions]);
  const shown = useMemo(
    () => (filter === 'all' ? rows : rows.filter((r) => r.status === filter)),
    [rows, filter],
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const toWrite = rows.length - count.refused - count.skip;

  function decide(row: number, d: RowDecision | null) {
    setDecisions((old) => {
      const next = new Map(old);
      if (d) next.set(row, d);
      else next.delete(row);
      return next;
    });
  }
  function decideAll(pick: (r: CheckedRow) => RowDecision) {
    setDecisions((old) => {
      const next = new Map(old);
      for (const r of rows) if (r.status === 'duplicate') next.set(r.row, pick(r));
      return next;
    });
  }
  // The bulk choices keep what a row may take: a row already registered under its number is skipped.
  const orSkip = (r: CheckedRow, d: RowDecision): RowDecision =>
    decisionOptions(r).some((o) => o.kind === d.kind) ? d : { kind: 'skip' };

  async function confirm() {
    if (!checked) return;
    await run(async () => {
      setBusy({ text: IMPORT.writing(0, toWrite), pct: 0 });
      try {
        const r = await importPetitions(checked, decisions, actor, {
          fileName: file?.name,
          onProgress: (n, total) => setBusy({ text: IMPORT.writing(n, total), pct: (n / total) * 100 }),
        });
        setDone(r);
        notifyOk(IMPORT.done(r.imported, r.linked, r.skipped));
      } finally {
        setBusy(null);
      }
    });
  }

  if (!canImport) return <Alert color="gray">{IMPORT.noPermission}</Alert>;
  return (
    <Card withBorder>
      <Stack>
        <Text size="sm">{IMPORT.help}</Text>
        <FileInput
          label={IMPORT.fileLabel}
          accept=".xlsx"
          value={file}
          onChange={read}
          clearable
          disabled={!!busy}
          placeholder={IMPORT.filePlaceholder}
        />
        {busy && (
          <Stack gap={4} role="status" aria-label="导入进度">
            <Text size="sm">{busy.text}</Text>
            <Progress value={busy.pct ?? 100} animated={busy.pct === null} aria-label={busy.text} />
          </Stack>
        )}
        {problem && <Alert color="red">{problem}</Alert>}
        {checked && rows.length > 0 && (
          <>
            <Group>
              <Badge size="lg" color="gray">
                {IMPORT.total(rows.length)}
              </Badge>
              <Badge size="lg" color="green">
                {IMPORT.okCount(count.ok)}
              </Badge>
              <Badge size="lg" color="orange">
                {IMPORT.dupCount(count.duplicate, count.open)}
              </Badge>
              <Badge size="lg" color="red">
                {IMPORT.refusedCount(count.refused)}
              </Badge>
            </Group>
            {count.refused > 0 && (
              <Alert color="red" title={IMPORT.refusedTitle}>
                {IMPORT.refusedText(count.refused)}
              </Alert>
            )}
            {count.refused === 0 && count.duplicate > 0 && (
              <Alert color="orange" title={IMPORT.dupTitle}>
                <Text size="sm" mb="xs">
                  {IMPORT.dupText}
                </Text>
                <Group gap="xs">
                  {(
                    [
                      [IMPORT.allSkip, () => ({ kind: 'skip' })],
                      [IMPORT.allLink, (r) => orSkip(r, { kind: 'link', caseId: r.matches[0].id })],
                      [IMPORT.allNew, (r) => orSkip(r, { kind: 'new' })],
                    ] as const satisfies readonly (readonly [string, Parameters<typeof decideAll>[0]])[]
                  ).map(([label, pick]) => (
                    <Button
                      key={label}
                      size="xs"
                      variant="default"
                      disabled={!!done}
                      onClick={() => decideAll(pick)}
                    >
                      {label}
                    </Button>
                  ))}
                </Group>
              </Alert>
            )}
            <SegmentedControl
              value={filter}
              onChange={(v) => {
                setFilter(v as Filter);
                setPage(1);
              }}
              data={(['all', 'refused', 'duplicate', 'ok'] as const).map((k) => ({
                value: k,
                label: `${IMPORT.filter[k]}${k === 'all' ? '' : ` ${count[k]}`}`,
              }))}
              w="fit-content"
            />
            <Table fz="sm" striped aria-label={IMPORT.previewLabel}>
              <Table.Thead>
                <Table.Tr>
                  {IMPORT.cols.map((c, i) => (
                    <Table.Th key={c} style={i < 6 ? NOWRAP : undefined}>
                      {c}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.slice((page - 1) * PAGE, page * PAGE).map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td style={NOWRAP}>{r.row}</Table.Td>
                    <Table.Td style={NOWRAP}>{r.regNo ?? IMPORT.autoNumber}</Table.Td>
                    <Table.Td style={NOWRAP}>{r.input.receivedOn}</Table.Td>
                    <Table.Td style={NOWRAP}>{previewName(r, checked?.seesInformants ?? false)}</Table.Td>
                    <Table.Td style={NOWRAP}>{r.input.township}</Table.Td>
                    <Table.Td style={NOWRAP}>{r.input.category}</Table.Td>
                    <Table.Td miw={180}>{short(r.input.summary, 24)}</Table.Td>
                    <Table.Td miw={280}>
                      <RowResult
                        row={r}
                        decision={decisions.get(r.row)}
                        locked={!!done}
                        onDecide={(d) => decide(r.row, d)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
            {errors.rows && <Alert color="red">{errors.rows}</Alert>}
            <Group>
              <Button
                disabled={count.refused > 0 || count.open > 0 || toWrite <= 0 || done !== null}
                loading={!!busy}
                onClick={confirm}
              >
                {count.refused > 0 ? IMPORT.confirmNone : IMPORT.confirm(Math.max(0, toWrite))}
              </Button>
              {count.refused > 0 ? (
                <Text size="sm" c="red">
                  {IMPORT.blockedRefused}
                </Text>
              ) : count.open > 0 ? (
                <Text size="sm" c="orange">
                  {IMPORT.blockedUndecided(count.open)}
                </Text>
              ) : toWrite <= 0 && !done ? (
                <Text size="sm" c="dimmed">
                  {IMPORT.nothingLeft}
                </Text>
              ) : null}
            </Group>
            {done && <Alert color="green">{IMPORT.done(done.imported, done.linked, done.skipped)}</Alert>}
          </>
        )}
      </Stack>
    </Card>
  );
}

function RowResult({
  row,
  decision,
  locked,
  onDecide,
}: {
  row: CheckedRow;
  decision: RowDecision | undefined;
  locked: boolean;
  onDecide: (d: RowDecision | null) => void;
}) {
  if (row.status === 'refused')
    return (
      <Text c="red" size="sm">
        {IMPORT.refused}
        {row.errors.map((e) => `${e.text}${IMPORT.rule(e.rule ?? IMPORT.importRule)}`).join('；')}
      </Text>
    );
  if (row.status === 'ok')
    return (
      <Text c="green" size="sm">
        {IMPORT.passed}
      </Text>
    );
  const byId = new Map(row.matches.map((m) => [m.id, m]));
  const first = row.matches[0];
  return (
    <Stack gap={4}>
      <Text c="orange" size="sm">
        {first.sameNumber
          ? IMPORT.sameNumber(first.regNo)
          : IMPORT.likely(
              first.regNo,
              first.name,
              first.receivedOn,
              Math.round(first.similarity * 100),
              first.samePetitioner,
            )}
        {row.matches.length > 1 && !first.sameNumber ? ` 等 ${row.matches.length} 件` : ''}
        {first.finalAtRecheck ? `；${IMPORT.finalAtRecheck}` : first.inHand ? `；${IMPORT.inHand}` : ''}
      </Text>
      <Select
        size="xs"
        aria-label={IMPORT.decisionLabel(row.row)}
        placeholder={IMPORT.decisionPlaceholder}
        disabled={locked}
        value={decision ? decisionKey(decision) : null}
        onChange={(v) => onDecide(v ? decisionOf(v) : null)}
        error={!decision}
        data={decisionOptions(row).map((d) => ({
          value: decisionKey(d),
          label:
            d.kind === 'new'
              ? IMPORT.decideNew
              : d.kind === 'skip'
                ? IMPORT.decideSkip
                : IMPORT.decideLink(byId.get(d.caseId)?.regNo ?? ''),
        }))}
      />
    </Stack>
  );
}
