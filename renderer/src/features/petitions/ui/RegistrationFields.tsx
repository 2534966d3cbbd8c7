// The registration fields shared by 来信/来访登记 (RegisterForm) and 更正登记信息 (CorrectionForm):
// the petitioner and place, the source, the group visit's representatives, the summary and the
// informant's accused. Each form keeps its own values; these pieces only render them.
import {
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';

import type { PetitionChannel, Representative } from '../../../db/schema/petitions';
import { F, HANDED_DOWN_FROM, LETTER_SOURCES } from '../labels';

import { RuleNote, useUnits } from './ui';

type Errors = Partial<Record<string, string>>;

// A select's options with the current value kept even when the list no longer has it (imports,
// a township or category removed since), so a form never shows a value the record does not hold.
function withCurrent(options: readonly string[], value: string): string[] {
  return value && !options.includes(value) ? [value, ...options] : [...options];
}

export type PetitionerValues = {
  name: string;
  idNo: string;
  phone: string;
  address: string;
  township: string;
  category: string;
};

// 来信人/身份证号/联系电话, 住址/所属乡镇/问题类别. `locked`: the identity is masked for this
// user (PET-6) and shown read-only.
export function PetitionerFields({
  v,
  set,
  errors,
  nameLabel,
  townships,
  categories,
  locked = false,
  autoFocusName = false,
}: {
  v: PetitionerValues;
  set: <K extends keyof PetitionerValues>(k: K, value: PetitionerValues[K]) => void;
  errors: Errors;
  nameLabel: string;
  townships: readonly string[];
  categories: readonly string[];
  locked?: boolean;
  autoFocusName?: boolean;
}) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput
          label={nameLabel}
          required
          data-autofocus={autoFocusName || undefined}
          value={v.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          disabled={locked}
        />
        <TextInput
          label={F.idNo}
          value={v.idNo}
          onChange={(e) => set('idNo', e.currentTarget.value)}
          error={errors.idNo}
          maxLength={18}
          disabled={locked}
        />
        <TextInput
          label={F.phone}
          value={v.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={errors.phone}
          disabled={locked}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput
          label={F.address}
          value={v.address}
          onChange={(e) => set('address', e.currentTarget.value)}
          error={errors.address}
          disabled={locked}
        />
        <NativeSelect
          label={F.township}
          required
          value={v.township}
          onChange={(e) => set('township', e.currentTarget.value)}
          data={[{ value: '', label: '请选择' }, ...withCurrent(townships, v.township)]}
          error={errors.township}
        />
        <NativeSelect
          label={F.category}
          required
          value={v.category}
          onChange={(e) => set('category', e.currentTarget.value)}
          data={[{ value: '', label: '请选择' }, ...withCurrent(categories, v.category)]}
          error={errors.category}
        />
      </SimpleGrid>
    </>
  );
}

// 信件来源 of a letter, 交办机关/信箱 of the other channels; a visit has none.
export function SourceField({
  channel,
  value,
  onChange,
}: {
  channel: PetitionChannel;
  value: string;
  onChange: (v: string) => void;
}) {
  if (channel === 'visit') return null;
  if (channel === 'letter')
    return (
      <NativeSelect
        label={F.letterSource}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={withCurrent(LETTER_SOURCES, value)}
      />
    );
  return (
    <NativeSelect
      label={F.fromBody}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: '（无）' }, ...withCurrent(HANDED_DOWN_FROM, value)]}
    />
  );
}

// PET-12: the representatives of a group visit (at most 5).
export function RepresentativesCard({
  reps,
  onChange,
  errors,
  locked = false,
}: {
  reps: Representative[];
  onChange: (reps: Representative[]) => void;
  errors: Errors;
  locked?: boolean;
}) {
  const setRep = (i: number, r: Partial<Representative>) =>
    onChange(reps.map((x, j) => (j === i ? { ...x, ...r } : x)));
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" mb="xs">
        <Text fw={500}>{F.representatives}（5人以上集体访须推选代表，不超过5人）</Text>
        <Button
          size="xs"
          variant="light"
          disabled={locked || reps.length >= 5}
          onClick={() => onChange([...reps, { name: '', idNo: '', phone: '' }])}
        >
          添加代表
        </Button>
      </Group>
      {reps.map((r, i) => (
        <SimpleGrid cols={{ base: 1, md: 4 }} key={i} mb={4}>
          <TextInput
            label={`代表${i + 1}姓名`}
            value={r.name}
            onChange={(e) => setRep(i, { name: e.currentTarget.value })}
            disabled={locked}
          />
          <TextInput
            label={`代表${i + 1}身份证号`}
            value={r.idNo ?? ''}
            onChange={(e) => setRep(i, { idNo: e.currentTarget.value })}
            error={errors[`rep${i}.idNo`]}
            disabled={locked}
          />
          <TextInput
            label={`代表${i + 1}电话`}
            value={r.phone ?? ''}
            onChange={(e) => setRep(i, { phone: e.currentTarget.value })}
            disabled={locked}
          />
          <Button
            variant="subtle"
            color="red"
            mt={24}
            disabled={locked}
            onClick={() => onChange(reps.filter((_, j) => j !== i))}
          >
            移除
          </Button>
        </SimpleGrid>
      ))}
      {errors.representatives && (
        <Text c="red" size="sm" role="alert">
          {errors.representatives}
        </Text>
      )}
      <RuleNote id="PET-12" />
    </Card>
  );
}

export function SummaryField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <Textarea
      label={F.summary}
      required
      autosize
      minRows={3}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

export function InformantCheckbox({
  checked,
  onChange,
  disabled,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <Checkbox
      label={F.informant}
      checked={checked}
      disabled={disabled}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  );
}

// 被检举单位 (from the unit table) and 被检举人或其他单位, for an informant case (PET-6).
export function AccusedFields({
  informant,
  unitIds,
  note,
  onUnitIds,
  onNote,
  error,
}: {
  informant: boolean;
  unitIds: string[];
  note: string;
  onUnitIds: (ids: string[]) => void;
  onNote: (v: string) => void;
  error?: string;
}) {
  const units = useUnits();
  const options = units.list.map((u) => ({ value: u.id, label: u.name }));
  // a unit made inactive since registration stays shown under its name
  for (const id of unitIds)
    if (!options.some((o) => o.value === id))
      options.push({ value: id, label: units.byId.get(id)?.name ?? id });
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MultiSelect
          label={F.accused}
          data={options}
          value={unitIds}
          onChange={onUnitIds}
          disabled={!informant}
          searchable
          error={error}
          placeholder={informant ? '选择被检举的单位' : '检举揭发件填写'}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={F.accusedNote}
          value={note}
          onChange={(e) => onNote(e.currentTarget.value)}
          disabled={!informant}
        />
      </SimpleGrid>
      {informant && <RuleNote id="PET-6" />}
    </>
  );
}
