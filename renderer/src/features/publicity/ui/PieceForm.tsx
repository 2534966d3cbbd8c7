// Registering a piece for its reward (PUB-2), or correcting it while it is only claimed; the reward
// shows as it is typed, with the table cell that pays it (PUB-1).
import { Alert, Button, Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';

import { can } from '../../../../../shared/permissions';
import type { Level } from '../../../../../shared/rules';
import { formatYuan, isISODate, LEVEL_LABELS, LEVELS, rmbUppercase } from '../../../../../shared/rules';
import { navigate } from '../../../app/router';
import { currentActor, useSession } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { RuleLines } from '../../../components/RuleCite';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import type { PublicityKind, PublicityPiece } from '../../../db/schema/finance';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { registerPiece, rewardFor, updatePiece } from '../core/pieces';
import { KIND_LABELS, L } from '../labels';

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

export function PieceForm({ piece, onDone }: { piece?: PublicityPiece; onDone?: () => void }) {
  const user = useSession((s) => s.user)!;
  const office = can(user.roles, 'publicity.review');
  const { list } = useStaff();
  const form = useCommandForm({
    initial: () => ({
      staffId: piece?.staffId ?? user.staffId,
      title: piece?.title ?? '',
      outlet: piece?.outlet ?? '',
      level: piece?.level ?? ('county' as Level),
      publishedOn: piece?.publishedOn ?? today(),
      chars: piece ? String(piece.chars) : '',
      kind: piece?.kind ?? ('info' as PublicityKind),
      originalSubmitted: piece?.originalSubmitted ?? false,
    }),
    notifyFieldErrors: 'with_rule',
    submit: (input) =>
      piece ? updatePiece(piece.id, input, currentActor()) : registerPiece(input, currentActor()),
    success: (p) => `已${piece ? '修改' : '申报'}：${p.title}，奖励${formatYuan(p.rewardFen)}元`,
    onDone: (p) => (onDone ? onDone() : navigate('publicity', 'pieces', p.id)),
  });
  const { level, chars, kind, publishedOn } = form.values;
  const n = Number(chars);
  const charsOk = /^\d+$/.test(chars.trim()) && n >= 1;
  return (
    <FormCard
      form={form}
      maw={820}
      title={piece ? undefined : L.tabNew}
      titleOrder={4}
      submitLabel={piece ? '保存修改' : L.save}
      footer={
        piece &&
        onDone && (
          <Button variant="default" onClick={onDone}>
            取消
          </Button>
        )
      }
      gap="md"
    >
      <RuleLines ids={['PUB-2']} inline />
      {office && <StaffSelect label={L.author} staff={list} {...form.input('staffId')} />}
      <TextInput label={L.pieceTitle} {...form.text('title')} autoFocus />
      <Group grow align="flex-start">
        <TextInput label={L.outlet} {...form.text('outlet')} />
        <NativeSelect
          label={L.level}
          value={level}
          onChange={(e) => form.set('level', e.currentTarget.value as Level)}
          data={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
          error={form.errors.level}
        />
      </Group>
      <Group grow align="flex-start">
        <DateField label={L.publishedOn} {...form.input('publishedOn')} />
        <TextInput label={L.chars} {...form.text('chars')} inputMode="numeric" />
        <NativeSelect
          label={L.kind}
          value={kind}
          onChange={(e) => form.set('kind', e.currentTarget.value as PublicityKind)}
          data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          error={form.errors.kind}
        />
      </Group>
      <Checkbox label={L.original} {...form.checkbox('originalSubmitted')} />
      {charsOk && isISODate(publishedOn) && <RewardPreview level={level} chars={n} kind={kind} />}
    </FormCard>
  );
}
