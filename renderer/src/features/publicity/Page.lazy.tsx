import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { publicityPayoutLedger } from '../../../../shared/ledgers/finance';
import { can } from '../../../../shared/permissions';
import type { Level } from '../../../../shared/rules';
import {
  formatYuan,
  isISODate,
  LEVEL_LABELS,
  LEVELS,
  PUBLICITY_CLAIM_STATES,
  PUBLICITY_TABLE,
  rmbUppercase,
  ruleText,
} from '../../../../shared/rules';
import { href, navigate } from '../../app/router';
import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';
import { currentActor, useSession } from '../../auth/session';
import { thisYear as currentYear, yearOptions } from '../../components/dates';
import { FormCard } from '../../components/FormCard';
import { notifyError, notifyOk } from '../../components/notify';
import { StaffSelect } from '../../components/StaffSelect';
import { useFieldErrors } from '../../components/useFieldErrors';
import { Yuan } from '../../components/Yuan';
import { today } from '../../db/clock';
import type { PublicityKind, PublicityPiece } from '../../db/schema/finance';
import { exportLedger } from '../../export';
import { useStaffBook as useStaff } from '../../org/hooks';
import { unitName } from '../../org/org';

import { createRewardPayout, registerPiece, rewardFor, reviewPiece, updatePiece } from './core/pieces';
import { getPiece, listPieces, pieceExpense } from './core/queries';
import { KIND_LABELS, L } from './labels';

const STATE_LABEL = Object.fromEntries(PUBLICITY_CLAIM_STATES.map((s) => [s.state, s.label])) as Record<
  PublicityPiece['claimState'],
  string
>;
const STATE_COLOR: Record<PublicityPiece['claimState'], string> = {
  claimed: 'blue',
  office_reviewed: 'teal',
  paid: 'green',
};

const TABS: RouteTab[] = [
  { value: 'pieces', label: L.tabPieces },
  { value: 'new', label: L.tabNew },
  { value: 'payout', label: L.tabPayout },
  { value: 'table', label: L.tabTable },
];

export default function PublicityPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="publicity" tabs={TABS}>
        {(tab, [id]) =>
          tab === 'pieces' ? (
            id ? (
              <PieceDetail id={id} />
            ) : (
              <PieceList />
            )
          ) : tab === 'new' ? (
            <PieceForm />
          ) : tab === 'payout' ? (
            <Payout />
          ) : (
            <RewardTable />
          )
        }
      </RouteTabs>
    </Stack>
  );
}

function usePieces(year: number) {
  return useLiveQuery(() => listPieces(year), [year]);
}

function PieceList() {
  const user = useSession((s) => s.user)!;
  const [year, setYear] = useState(String(currentYear()));
  const [mine, setMine] = useState(false);
  const pieces = usePieces(Number(year));
  const { name } = useStaff();
  const rows = (pieces ?? []).filter((p) => !mine || p.staffId === user.staffId);
  const total = rows.reduce((n, p) => n + p.rewardFen, 0);
  return (
    <Stack>
      <Group align="flex-end">
        <NativeSelect
          label={L.year}
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          data={yearOptions()}
          w={120}
        />
        <Checkbox
          label="只看本人作品"
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
          mb={8}
        />
        <Text ml="auto" size="sm">
          共{rows.length}篇，奖励合计 <Yuan fen={total} />
        </Text>
        <Button onClick={() => navigate('publicity', 'new')}>{L.tabNew}</Button>
      </Group>
      {pieces && rows.length === 0 ? (
        <Text c="dimmed">本年度没有登记的作品。</Text>
      ) : (
        <Table striped highlightOnHover fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{L.pieceTitle}</Table.Th>
              <Table.Th>{L.author}</Table.Th>
              <Table.Th>{L.outlet}</Table.Th>
              <Table.Th>级别</Table.Th>
              <Table.Th>{L.chars}</Table.Th>
              <Table.Th>{L.kind}</Table.Th>
              <Table.Th>{L.publishedOn}</Table.Th>
              <Table.Th ta="right">奖励（元）</Table.Th>
              <Table.Th>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor href={href('publicity', 'pieces', p.id)} size="sm">
                    {p.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{name(p.staffId)}</Table.Td>
                <Table.Td>{p.outlet}</Table.Td>
                <Table.Td>{LEVEL_LABELS[p.level]}</Table.Td>
                <Table.Td>{p.chars}</Table.Td>
                <Table.Td>{KIND_LABELS[p.kind]}</Table.Td>
                <Table.Td>{p.publishedOn}</Table.Td>
                <Table.Td ta="right">{formatYuan(p.rewardFen)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[p.claimState]}>{STATE_LABEL[p.claimState]}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

// The reward with the table cell that paid it (PUB-1).
function RewardPreview({ level, chars, kind }: { level: Level; chars: number; kind: PublicityKind }) {
  const row = rewardFor({ level, chars, kind });
  return (
    <Alert color="green" variant="light" title={`奖励金额：${row.yuan}元`} data-testid="reward-preview">
      按奖励标准“{row.rowLabel}”一行、“{row.levelLabel}”一列计发（PUB-1）。人民币大写：
      {rmbUppercase(row.yuan * 100)}
    </Alert>
  );
}

function PieceForm({ piece, onDone }: { piece?: PublicityPiece; onDone?: () => void }) {
  const user = useSession((s) => s.user)!;
  const office = can(user.roles, 'publicity.review');
  const { list } = useStaff();
  const [staffId, setStaffId] = useState(piece?.staffId ?? user.staffId);
  const [title, setTitle] = useState(piece?.title ?? '');
  const [outlet, setOutlet] = useState(piece?.outlet ?? '');
  const [level, setLevel] = useState<Level>(piece?.level ?? 'county');
  const [publishedOn, setPublishedOn] = useState(piece?.publishedOn ?? today());
  const [chars, setChars] = useState(piece ? String(piece.chars) : '');
  const [kind, setKind] = useState<PublicityKind>(piece?.kind ?? 'info');
  const [original, setOriginal] = useState(piece?.originalSubmitted ?? false);
  const { errors, fail, clear } = useFieldErrors({ notifyFieldErrors: 'with_rule' });
  const n = Number(chars);
  const charsOk = /^\d+$/.test(chars.trim()) && n >= 1;
  async function save() {
    clear();
    const input = {
      staffId,
      title,
      outlet,
      level,
      publishedOn,
      chars,
      kind,
      originalSubmitted: original,
    };
    const p = piece
      ? await updatePiece(piece.id, input, currentActor())
      : await registerPiece(input, currentActor());
    notifyOk(`已${piece ? '修改' : '申报'}：${p.title}，奖励${formatYuan(p.rewardFen)}元`);
    if (onDone) onDone();
    else navigate('publicity', 'pieces', p.id);
  }
  return (
    <FormCard
      maw={820}
      title={piece ? undefined : L.tabNew}
      titleOrder={4}
      submitLabel={piece ? '保存修改' : L.save}
      showBusy
      footer={
        piece &&
        onDone && (
          <Button variant="default" onClick={onDone}>
            取消
          </Button>
        )
      }
      gap="md"
      onSubmit={save}
      onError={(e) => fail(e, 'title')}
    >
      <Text size="sm" c="dimmed">
        PUB-2 {ruleText('PUB-2').text}
      </Text>
      {office && (
        <StaffSelect
          label={L.author}
          staff={list}
          value={staffId}
          onChange={setStaffId}
          error={errors.staffId}
        />
      )}
      <TextInput
        label={L.pieceTitle}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        required
        autoFocus
      />
      <Group grow align="flex-start">
        <TextInput
          label={L.outlet}
          value={outlet}
          onChange={(e) => setOutlet(e.currentTarget.value)}
          error={errors.outlet}
          required
        />
        <NativeSelect
          label={L.level}
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value as Level)}
          data={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
          error={errors.level}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={L.publishedOn}
          type="date"
          value={publishedOn}
          onChange={(e) => setPublishedOn(e.currentTarget.value)}
          error={errors.publishedOn}
          required
        />
        <TextInput
          label={L.chars}
          value={chars}
          inputMode="numeric"
          onChange={(e) => setChars(e.currentTarget.value)}
          error={errors.chars}
          required
        />
        <NativeSelect
          label={L.kind}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as PublicityKind)}
          data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          error={errors.kind}
        />
      </Group>
      <Checkbox
        label={L.original}
        checked={original}
        onChange={(e) => setOriginal(e.currentTarget.checked)}
        error={errors.originalSubmitted}
      />
      {charsOk && isISODate(publishedOn) && <RewardPreview level={level} chars={n} kind={kind} />}
    </FormCard>
  );
}

function PieceDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const p = useLiveQuery(() => getPiece(id), [id]);
  const expense = useLiveQuery(() => pieceExpense(p?.expenseId), [p?.expenseId]);
  const { name } = useStaff();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const { errors, fail, clear } = useFieldErrors({ notifyFieldErrors: 'with_rule' });
  useEffect(() => setEditing(false), [id]);
  if (p === undefined) return <Text c="dimmed">正在读取…</Text>;
  if (!p) return <Alert color="red">作品不存在或已作不予奖励处理。</Alert>;
  const row = rewardFor(p);
  const canReview =
    can(user.roles, 'publicity.review') && p.claimState === 'claimed' && p.staffId !== user.staffId;
  async function review(approve: boolean) {
    clear();
    try {
      await reviewPiece(id, approve, note, currentActor());
      notifyOk(approve ? '审核通过' : '已作不予奖励处理');
      if (!approve) navigate('publicity', 'pieces');
    } catch (e) {
      fail(e, 'note');
    }
  }
  if (editing) return <PieceForm piece={p} onDone={() => setEditing(false)} />;
  return (
    <Stack>
      <Anchor href={href('publicity', 'pieces')}>← 返回作品列表</Anchor>
      <Card withBorder>
        <Group justify="space-between">
          <Title order={4}>{p.title}</Title>
          <Badge size="lg" color={STATE_COLOR[p.claimState]}>
            {STATE_LABEL[p.claimState]}
          </Badge>
        </Group>
        <Text size="sm" mt="xs">
          作者：{name(p.staffId)} · {p.outlet}（{LEVEL_LABELS[p.level]}）· {p.publishedOn} · {p.chars}字 ·{' '}
          {KIND_LABELS[p.kind]}
        </Text>
        <Alert mt="sm" color="green" variant="light" title={`奖励金额：${row.yuan}元`}>
          奖励标准：{row.rowLabel} × {row.levelLabel}（PUB-1）。人民币大写：{rmbUppercase(p.rewardFen)}
        </Alert>
        <Text size="sm" mt="xs">
          流程（PUB-2）：{PUBLICITY_CLAIM_STATES.map((s) => s.label).join(' → ')}
          {p.reviewedOn ? ` · 办公室审核：${name(p.reviewedById)} ${p.reviewedOn}` : ''}
          {expense ? ` · 报销单：` : ''}
          {expense && <Anchor href={href('finance', 'claims', expense.id)}>{expense.number}</Anchor>}
          {p.paidOn ? ` · 发放日期：${p.paidOn}` : ''}
        </Text>
      </Card>
      {p.claimState === 'claimed' && (p.staffId === user.staffId || can(user.roles, 'publicity.review')) && (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            修改申报
          </Button>
        </Group>
      )}
      {canReview && (
        <Card withBorder>
          <Title order={5} mb="xs">
            {L.review}
          </Title>
          <Textarea
            label="审核意见"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={1}
          />
          <Group mt="xs">
            <Button onClick={() => review(true)}>审核通过</Button>
            <Button color="red" variant="outline" onClick={() => review(false)}>
              不予奖励
            </Button>
          </Group>
        </Card>
      )}
    </Stack>
  );
}

function Payout() {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'publicity.review') || can(user.roles, 'finance.manage');
  const [year, setYear] = useState(String(currentYear()));
  const pieces = usePieces(Number(year));
  const { name } = useStaff();
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const ready = (pieces ?? []).filter((p) => p.claimState === 'office_reviewed' && !p.expenseId);
  const pickedFen = ready.filter((p) => picked.includes(p.id)).reduce((n, p) => n + p.rewardFen, 0);

  async function exportYear() {
    try {
      const rows = (pieces ?? []).map((p) => ({
        person: name(p.staffId),
        title: p.title,
        outlet: p.outlet,
        level: p.level,
        chars: p.chars,
        kind: KIND_LABELS[p.kind],
        rewardFen: p.rewardFen,
        publishedOn: p.publishedOn,
        state: STATE_LABEL[p.claimState],
      }));
      await exportLedger(`宣传奖励发放表-${year}`, [
        publicityPayoutLedger(await unitName(), Number(year), rows),
      ]);
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <Stack>
      <Group align="flex-end">
        <NativeSelect
          label={L.year}
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          data={yearOptions()}
          w={120}
        />
        <Button variant="default" onClick={exportYear} ml="auto">
          导出Excel
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        “导出Excel”导出本年度宣传奖励发放表（姓名、作品标题、刊发媒体、级别、字数、类别、金额、个人合计）。办公室审核通过的作品由财务按报账制度（FIN-1）发放。
      </Text>
      <Card withBorder>
        <Title order={5} mb="xs">
          待发放（办公室已审核）
        </Title>
        {ready.length === 0 ? (
          <Text c="dimmed">没有待发放的奖励。</Text>
        ) : (
          <Table fz="sm">
            <Table.Tbody>
              {ready.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td w={40}>
                    {manage && (
                      <Checkbox
                        aria-label={`选择 ${p.title}`}
                        checked={picked.includes(p.id)}
                        onChange={(e) =>
                          setPicked(
                            e.currentTarget.checked ? [...picked, p.id] : picked.filter((x) => x !== p.id),
                          )
                        }
                      />
                    )}
                  </Table.Td>
                  <Table.Td>{name(p.staffId)}</Table.Td>
                  <Table.Td>{p.title}</Table.Td>
                  <Table.Td>{LEVEL_LABELS[p.level]}</Table.Td>
                  <Table.Td ta="right">{formatYuan(p.rewardFen)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {manage && ready.length > 0 && (
          <Group mt="sm">
            <Button variant="light" size="xs" onClick={() => setPicked(ready.map((p) => p.id))}>
              全选
            </Button>
            <Button
              size="xs"
              disabled={picked.length === 0}
              loading={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  const e = await createRewardPayout(picked, currentActor());
                  notifyOk(`已生成报销单 ${e.number}`);
                  setPicked([]);
                } catch (err) {
                  notifyError(err);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {L.payout}
            </Button>
            {picked.length > 0 && (
              <Text size="sm">
                已选{picked.length}篇，合计 ¥{formatYuan(pickedFen)}（{rmbUppercase(pickedFen)}）
              </Text>
            )}
          </Group>
        )}
      </Card>
    </Stack>
  );
}

function RewardTable() {
  return (
    <Card withBorder maw={760}>
      <Title order={5} mb="xs">
        宣传奖励标准（元/篇，PUB-1）
      </Title>
      <Table withTableBorder withColumnBorders fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>篇幅/类别</Table.Th>
            {LEVELS.map((l) => (
              <Table.Th key={l}>{LEVEL_LABELS[l]}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PUBLICITY_TABLE.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.label}</Table.Td>
              {LEVELS.map((l) => (
                <Table.Td key={l}>{r.yuan[l]}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="sm">
        {ruleText('PUB-1').text}
      </Text>
    </Card>
  );
}
