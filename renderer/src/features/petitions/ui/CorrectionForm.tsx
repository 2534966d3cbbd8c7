// 更正登记信息: a registered case's details corrected with a reason (repo.correctRegistration),
// in a dialog on the case, prefilled with the current values and built from the registration
// form's own fields. A user who may not see the informant (PET-6) gets the case masked from the
// query, so the identity is shown masked, read-only, and never reaches the form.
import { Button, Group, Modal, SimpleGrid, Text, Textarea, Tooltip } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { useCan } from '../../../auth/session';
import { FormCard } from '../../../components/FormCard';
import { notifyOk } from '../../../components/notify';
import type { FieldErrors } from '../../../components/useFieldErrors';
import { today } from '../../../db/clock';
import { correctRegistration } from '../core/commands';
import { informantAccess } from '../core/informant';
import type { ShownPetition } from '../core/informant';
import { planCorrection } from '../core/validate';
import type { RegistrationCorrection } from '../core/validate';
import { CHANNEL_LABELS, CORRECTION, correctionLabel, F, INFORMANT_TEXT, MSG } from '../labels';
import type { CorrectionField } from '../labels';

import { AccusedFields, InformantCheckbox, PersonFields, SourceField } from './RegistrationFields';
import type { AccusedValues, PersonValues } from './RegistrationFields';
import { useActor, useCaseForm, useTownships, useUnits } from './ui';

type Petition = ShownPetition;

type Values = PersonValues & AccusedValues & { letterSource: string };

function valuesOf(p: Petition): Values {
  return {
    name: p.name,
    idNo: p.idNo ?? '',
    phone: p.phone ?? '',
    address: p.address ?? '',
    township: p.township,
    category: p.category,
    letterSource: p.letterSource ?? '',
    summary: p.summary,
    informant: p.informant,
    accusedUnitIds: [...p.accusedUnitIds],
    accusedNote: p.accusedNote ?? '',
    representatives: (p.representatives ?? []).map((r) => ({
      ...r,
      idNo: r.idNo ?? '',
      phone: r.phone ?? '',
    })),
  };
}

// The button on the case (for users who may register) and its dialog.
export function CorrectionButton({ p }: { p: Petition }) {
  const canRegister = useCan('petition.register');
  const [open, setOpen] = useState(false);
  if (!canRegister) return null;
  const archived = p.state === 'archived';
  return (
    <>
      <Tooltip label={CORRECTION.archived} disabled={!archived}>
        <Button
          variant="default"
          data-disabled={archived || undefined}
          aria-disabled={archived || undefined}
          onClick={(e) => {
            if (archived) e.preventDefault();
            else setOpen(true);
          }}
        >
          {CORRECTION.button}
        </Button>
      </Tooltip>
      <Modal opened={open} onClose={() => setOpen(false)} title={`${CORRECTION.title} ${p.regNo}`} size="xl">
        {open && <CorrectionForm raw={p} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

// Old → new for the short fields, the field's name for the rest, as the saved notice says it.
function describeChanges(
  before: Petition,
  after: Petition,
  changed: CorrectionField[],
  unitName: (id: string) => string,
) {
  return changed
    .map((f) => {
      const label = correctionLabel(f, after.channel);
      if (f === 'informant') return `${label}：${after.informant ? '是' : '否'}`;
      if (f === 'accusedUnitIds') return `${label}：${after.accusedUnitIds.map(unitName).join('、') || '无'}`;
      if (f === 'summary' || f === 'representatives' || f === 'accusedNote') return label;
      const was = (before[f] as string | null | undefined) || '（空）';
      const now = (after[f] as string | null | undefined) || '（空）';
      return `${label}：${was} → ${now}`;
    })
    .join('；');
}

function CorrectionForm({ raw: p, onDone }: { raw: Petition; onDone: () => void }) {
  const actor = useActor();
  // PET-6: the 检举揭发 flag is moved only by the roles that see every informant (the repository
  // refuses anyone else); the case arrives masked as this user may see it
  const canView = useLiveQuery(async () => (await informantAccess()).byRole, [], false);
  const townships = useTownships();
  const units = useUnits();
  const locked = p.identityMasked;
  const isVisit = p.channel === 'visit';

  function correction(v: Values): RegistrationCorrection {
    const c: RegistrationCorrection = {
      township: v.township,
      category: v.category,
      summary: v.summary,
      accusedUnitIds: v.accusedUnitIds,
      accusedNote: v.accusedNote,
    };
    if (!isVisit) c.letterSource = v.letterSource;
    if (!locked) {
      c.name = v.name;
      c.idNo = v.idNo;
      c.phone = v.phone;
      c.address = v.address;
      if (isVisit) c.representatives = v.representatives;
    }
    if (canView) c.informant = v.informant;
    return c;
  }

  const form = useCaseForm({
    initial: (): Values & { reason: string } => ({ ...valuesOf(p), reason: '' }),
    // the repository's own checks, shown at every field at once before asking it; a correction
    // that changes nothing is not sent (`nothing`: a notice, not a field)
    check: (v) => {
      const plan = planCorrection(p, correction(v), { today: today(), townships });
      const fieldErrors: FieldErrors = { ...(plan.errors as FieldErrors) };
      if (!v.reason.trim()) fieldErrors.reason = MSG.correctionReasonRequired;
      if (!Object.keys(fieldErrors).length && !plan.changed.length)
        fieldErrors.nothing = MSG.correctionNothing;
      return fieldErrors;
    },
    submit: (v) => correctRegistration(p.id, correction(v), v.reason, actor),
    onDone: (r) => {
      const unitName = (id: string) => units.byId.get(id)?.name ?? id;
      notifyOk(
        `已更正 ${describeChanges(p, { ...p, ...r.petition }, r.changed, unitName)}`,
        CORRECTION.saved,
      );
      onDone();
    },
  });
  const { values: v, errors } = form;
  const set = <K extends keyof Values>(k: K, value: (Values & { reason: string })[K]) => {
    form.set(k, value);
    // “nothing to correct” goes with the first edit (it is shown only when no field is wrong)
    if (errors.nothing) form.setErrors({});
  };

  return (
    // one named form (the <form> inside FormCard carries no name)
    <div role="form" aria-label={CORRECTION.title}>
      <FormCard
        form={form}
        withBorder={false}
        p={0}
        gap="sm"
        submitLabel={CORRECTION.save}
        footer={
          <Button variant="default" onClick={onDone}>
            取消
          </Button>
        }
      >
        <Text size="sm">
          {F.channel}：{CHANNEL_LABELS[p.channel]}　收件日期：{p.receivedOn}
        </Text>
        <Text size="xs" c="dimmed">
          {CORRECTION.fixed}
        </Text>
        {!isVisit && (
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <SourceField
              channel={p.channel}
              value={v.letterSource}
              onChange={(t) => set('letterSource', t)}
            />
          </SimpleGrid>
        )}
        <PersonFields
          v={v}
          set={set}
          errors={errors}
          channel={p.channel}
          locked={locked}
          autoFocusName={!locked}
        />
        <Group gap="xs">
          <InformantCheckbox
            checked={v.informant}
            onChange={(on) => set('informant', on)}
            disabled={!canView}
          />
          {!canView && (
            <Text size="xs" c="dimmed">
              {INFORMANT_TEXT.flagLocked}
            </Text>
          )}
        </Group>
        {errors.informant && (
          <Text c="red" size="sm" role="alert">
            {errors.informant}
          </Text>
        )}
        <AccusedFields v={v} set={set} error={errors.accused} />
        <Textarea
          label={CORRECTION.reason}
          required
          autosize
          minRows={2}
          {...form.text('reason')}
          data-autofocus={locked || undefined}
        />
        {errors.nothing && (
          <Text c="orange" size="sm" role="alert">
            {errors.nothing}
          </Text>
        )}
        {errors.state && (
          <Text c="red" size="sm" role="alert">
            {errors.state}
          </Text>
        )}
      </FormCard>
    </div>
  );
}
