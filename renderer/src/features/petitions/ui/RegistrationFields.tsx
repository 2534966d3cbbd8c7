// The registration fields shared by 来信/来访登记 (RegisterForm) and 更正登记信息 (CorrectionForm):
// the petitioner and place, the source, the group visit's representatives, the summary and the
// informant's accused. Each form keeps its own values; these pieces only render them.
import {
  Alert,
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
import type { ChangeEvent } from 'react';

import type { PetitionChannel, Representative } from '../../../db/schema/petitions';
import { CORRECTION, F, HANDED_DOWN_FROM, LETTER_SOURCES } from '../labels';

import { RuleNote, useCategories, useTownships, useUnits } from './ui';

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

// a form's `set`, for the fields these pieces show (a method's type: a form with more fields fits)
type Setter<V> = { set<K extends keyof V>(k: K, value: V[K]): void }['set'];

// 来信人/身份证号/联系电话, 住址/所属乡镇/问题类别. `locked`: the identity is masked for this
// user (PET-6) and shown read-only.
function PetitionerFields({
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
  set: Setter<PetitionerValues>;
  errors: Errors;
  nameLabel: string;
  townships: readonly string[];
  categories: readonly string[];
  locked?: boolean;
  autoFocusName?: boolean;
}) {
  const text = (k: 'name' | 'idNo' | 'phone' | 'address') => ({
    value: v[k],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(k, e.currentTarget.value),
    error: errors[k],
    disabled: locked,
  });
  const pick = (k: 'township' | 'category', options: readonly string[]) => ({
    required: true,
    value: v[k],
    onChange: (e: ChangeEvent<HTMLSelectElement>) => set(k, e.currentTarget.value),
    data: [{ value: '', label: '请选择' }, ...withCurrent(options, v[k])],
    error: errors[k],
  });
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput label={nameLabel} required data-autofocus={autoFocusName || undefined} {...text('name')} />
        <TextInput label={F.idNo} maxLength={18} {...text('idNo')} />
        <TextInput label={F.phone} {...text('phone')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput label={F.address} {...text('address')} />
        <NativeSelect label={F.township} {...pick('township', townships)} />
        <NativeSelect label={F.category} {...pick('category', categories)} />
      </SimpleGrid>
    </>
  );
}

export type PersonValues = PetitionerValues & { representatives: Representative[]; summary: string };

// The petitioner, a group visit's representatives and the summary, as both forms show them (with
// the note that the identity is masked when it is `locked`, PET-6).
export function PersonFields({
  v,
  set,
  errors,
  channel,
  locked = false,
  autoFocusName = false,
}: {
  v: PersonValues;
  set: Setter<PersonValues>;
  errors: Errors;
  channel: PetitionChannel;
  locked?: boolean;
  autoFocusName?: boolean;
}) {
  const townships = useTownships();
  const categories = useCategories();
  const isVisit = channel === 'visit';
  const nameLabel = channel === 'letter' ? F.nameLetter : isVisit ? F.nameVisit : F.nameOther;
  return (
    <>
      <PetitionerFields
        v={v}
        set={set}
        errors={errors}
        nameLabel={nameLabel}
        townships={townships}
        categories={categories}
        locked={locked}
        autoFocusName={autoFocusName}
      />
      {locked && (
        <Alert color="grape" variant="light" p="xs">
          <Text size="sm">{CORRECTION.masked}</Text>
        </Alert>
      )}
      {isVisit && (
        <RepresentativesCard
          reps={v.representatives}
          onChange={(r) => set('representatives', r)}
          errors={errors}
          locked={locked}
        />
      )}
      <Textarea
        label={F.summary}
        required
        autosize
        minRows={3}
        value={v.summary}
        onChange={(e) => set('summary', e.currentTarget.value)}
        error={errors.summary}
      />
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

const REP_FIELDS = [
  ['name', '姓名'],
  ['idNo', '身份证号'],
  ['phone', '电话'],
] as const;

// PET-12: the representatives of a group visit (at most 5).
function RepresentativesCard({
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
          {REP_FIELDS.map(([k, label]) => (
            <TextInput
              key={k}
              label={`代表${i + 1}${label}`}
              value={r[k] ?? ''}
              onChange={(e) => setRep(i, { [k]: e.currentTarget.value })}
              error={errors[`rep${i}.${k}`]}
              disabled={locked}
            />
          ))}
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

export type AccusedValues = { informant: boolean; accusedUnitIds: string[]; accusedNote: string };

// 被检举单位 (from the unit table) and 被检举人或其他单位, for an informant case (PET-6).
export function AccusedFields({
  v,
  set,
  error,
}: {
  v: AccusedValues;
  set: Setter<AccusedValues>;
  error?: string;
}) {
  const { informant, accusedUnitIds: unitIds } = v;
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
          onChange={(ids) => set('accusedUnitIds', ids)}
          disabled={!informant}
          searchable
          error={error}
          placeholder={informant ? '选择被检举的单位' : '检举揭发件填写'}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={F.accusedNote}
          value={v.accusedNote}
          onChange={(e) => set('accusedNote', e.currentTarget.value)}
          disabled={!informant}
        />
      </SimpleGrid>
      {informant && <RuleNote id="PET-6" />}
    </>
  );
}
