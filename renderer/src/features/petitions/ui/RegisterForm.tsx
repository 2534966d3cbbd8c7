// 来信登记 / 来访登记 / 网上信访与交办: one form for every channel, with the duplicate check of
// PET-10 before saving (candidates with their state; link as 重复件 or open a new case).
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  NativeSelect,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Fragment, useRef, useState } from 'react';

import { navigate, href } from '../../../app/router';
import { useCan } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { ListTable } from '../../../components/ListTable';
import { notifyOk } from '../../../components/notify';
import type { FieldErrors } from '../../../components/useFieldErrors';
import { today } from '../../../db/clock';
import type { PetitionChannel, PetitionNature } from '../../../db/schema/petitions';
import { registerPetition } from '../core/commands';
import type { DuplicateDecision } from '../core/commands';
import { findDuplicates } from '../core/queries';
import type { DuplicateCandidate } from '../core/queries';
import { validateRegistration } from '../core/validate';
import type { RegistrationInput } from '../core/validate';
import { CHANNEL_LABELS, F, INFORMANT_TEXT, LETTER_SOURCES, NATURE_LABELS, TAB_LABELS } from '../labels';

import { AccusedFields, InformantCheckbox, PersonFields, SourceField } from './RegistrationFields';
import type { AccusedValues, PersonValues } from './RegistrationFields';
import { RuleNote, short, StateBadge, useActor, useCaseForm, useStaffList, useTownships } from './ui';

type Kind = 'letter' | 'visit' | 'other';

type FormValues = PersonValues &
  AccusedValues & {
    channel: PetitionChannel;
    receivedOn: string;
    letterSource: string;
    upstreamNo: string;
    nature: PetitionNature;
    urgent: boolean;
    nationalNo: string;
    visitors: string;
    receptionistId: string;
  };

// the registration, the scans and the answer to the duplicate check
type Values = FormValues & { files: File[]; dupNote: string; sameFacts: boolean };

function initial(kind: Kind): FormValues {
  return {
    channel: kind === 'letter' ? 'letter' : kind === 'visit' ? 'visit' : 'online',
    receivedOn: today(),
    letterSource: kind === 'letter' ? LETTER_SOURCES[0] : '',
    upstreamNo: '',
    name: '',
    idNo: '',
    phone: '',
    address: '',
    township: '',
    category: '',
    nature: 'claim',
    summary: '',
    informant: false,
    accusedUnitIds: [],
    accusedNote: '',
    urgent: false,
    nationalNo: '',
    visitors: '1',
    representatives: [],
    receptionistId: '',
  };
}

function toInput(v: FormValues): RegistrationInput {
  return {
    channel: v.channel,
    receivedOn: v.receivedOn,
    letterSource: v.letterSource || null,
    upstreamNo: v.upstreamNo || null,
    name: v.name,
    idNo: v.idNo || null,
    phone: v.phone || null,
    address: v.address,
    township: v.township,
    category: v.category,
    nature: v.nature,
    summary: v.summary,
    informant: v.informant,
    accusedUnitIds: v.informant ? v.accusedUnitIds : [],
    accusedNote: v.informant ? v.accusedNote : null,
    urgent: v.urgent,
    nationalNo: v.nationalNo || null,
    visitors: v.channel === 'visit' ? Number(v.visitors) : undefined,
    representatives: v.channel === 'visit' ? v.representatives : undefined,
    receptionistId: v.channel === 'visit' ? v.receptionistId || null : null,
  };
}

export function RegisterForm({ kind }: { kind: Kind }) {
  const actor = useActor();
  const canRegister = useCan('petition.register');
  const townships = useTownships();
  const staff = useStaffList();
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  // the choice made on the duplicate check (PET-10); none: check first
  const decision = useRef<DuplicateDecision | null>(null);
  const form = useCaseForm({
    initial: (): Values => ({ ...initial(kind), files: [], dupNote: '', sameFacts: false }),
    check: (v) => validateRegistration(toInput(v), { today: today(), townships }) as FieldErrors,
    submit: async (v) => {
      const dup = decision.current;
      decision.current = null;
      if (!dup) {
        // the 保存 button does nothing while the candidates wait for a choice
        if (candidates) return null;
        // PET-10: look for the same petitioner and similar content before saving
        // PET-6: the check answers as the signed-in user may see (informant cases they may not
        // see are never matched by identity)
        const found = await findDuplicates({
          name: v.name,
          idNo: v.idNo,
          phone: v.phone,
          summary: v.summary,
        }).catch(
          // the check is advisory: a failure must not block registration
          () => [],
        );
        if (found.length) {
          setCandidates(found);
          return null;
        }
      }
      try {
        return await registerPetition(toInput(v), actor, {
          duplicate: dup ?? { kind: 'new' },
          attachments: v.files.map((f) => ({
            name: f.name,
            type: f.type || 'application/octet-stream',
            blob: f,
          })),
        });
      } catch (e) {
        setCandidates(null);
        throw e;
      }
    },
    onDone: (p) => {
      if (!p) return;
      notifyOk(`已登记，编号 ${p.regNo}`);
      navigate('petitions', 'case', p.id);
    },
  });
  const { values: v, errors, busy } = form;
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    form.set(k, value);
    setCandidates(null);
  };
  const save = (dup: DuplicateDecision) => {
    decision.current = dup;
    void form.submit().finally(() => {
      decision.current = null;
    });
  };
  const isVisit = v.channel === 'visit';
  const dateLabel =
    kind === 'letter' ? F.receivedOnLetter : kind === 'visit' ? F.receivedOnVisit : F.receivedOnOther;

  if (!canRegister) return <Alert color="gray">您没有登记信访事项的权限。</Alert>;

  return (
    <FormCard
      form={form}
      title={kind === 'other' ? TAB_LABELS.other : TAB_LABELS[kind]}
      titleOrder={3}
      gap="sm"
      submitLabel={F.save}
      footer={
        <Text size="xs" c="dimmed">
          保存前自动检查重复件（PET-10）。
        </Text>
      }
    >
      {kind === 'other' && (
        <NativeSelect
          label={F.channel}
          value={v.channel}
          onChange={(e) => set('channel', e.currentTarget.value as PetitionChannel)}
          data={(['online', 'governor_mailbox', 'mayor_mailbox', 'handed_down'] as const).map((c) => ({
            value: c,
            label: CHANNEL_LABELS[c],
          }))}
        />
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <DateField
          label={dateLabel}
          required
          autoFocus
          value={v.receivedOn}
          max={today()}
          onChange={(d) => set('receivedOn', d)}
          error={errors.receivedOn}
        />
        <SourceField
          channel={v.channel}
          value={v.letterSource}
          onChange={(value) => set('letterSource', value)}
        />
        {kind === 'other' && (
          <TextInput
            label={F.upstreamNo}
            value={v.upstreamNo}
            onChange={(e) => set('upstreamNo', e.currentTarget.value)}
          />
        )}
        {isVisit && (
          <TextInput
            type="number"
            label={F.visitors}
            min={1}
            value={v.visitors}
            onChange={(e) => set('visitors', e.currentTarget.value)}
            error={errors.visitors}
          />
        )}
        {isVisit && (
          <NativeSelect
            label={F.receptionist}
            value={v.receptionistId}
            onChange={(e) => set('receptionistId', e.currentTarget.value)}
            data={[{ value: '', label: '请选择' }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
            error={errors.receptionistId}
          />
        )}
      </SimpleGrid>
      <PersonFields v={v} set={set} errors={errors} channel={v.channel} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NativeSelect
          label={F.nature}
          value={v.nature}
          onChange={(e) => set('nature', e.currentTarget.value as PetitionNature)}
          data={(Object.keys(NATURE_LABELS) as PetitionNature[]).map((k) => ({
            value: k,
            label: NATURE_LABELS[k],
          }))}
        />
        <TextInput
          label={F.nationalNo}
          value={v.nationalNo}
          onChange={(e) => set('nationalNo', e.currentTarget.value)}
        />
        <FileInput
          label={F.attachments}
          multiple
          clearable
          {...form.input('files')}
          placeholder="选择扫描件"
          accept="image/*,application/pdf"
        />
      </SimpleGrid>
      <Group>
        <InformantCheckbox
          checked={v.informant}
          onChange={(on) => {
            form.setValues((old) => ({
              ...old,
              informant: on,
              nature: on ? 'accusation' : old.nature === 'accusation' ? 'claim' : old.nature,
            }));
            setCandidates(null);
          }}
        />
        <Checkbox
          label={F.urgent}
          checked={v.urgent}
          onChange={(e) => set('urgent', e.currentTarget.checked)}
        />
      </Group>
      <AccusedFields v={v} set={set} error={errors.accused} />
      {v.urgent && <RuleNote id="PET-7" />}

      {candidates && (
        <div role="region" aria-label="重复件检查">
          <Alert color="orange" title={`发现 ${candidates.length} 件可能重复的信访件（PET-10）`}>
            <Text size="sm" mb="xs">
              同一信访人（身份证号，或姓名加电话）或内容相似的已登记件如下。可作为重复件并入已有案件，或登记为新件。
            </Text>
            {candidates.some((c) => c.samePetitioner === null) && (
              <Text size="xs" c="dimmed" mb="xs">
                {INFORMANT_TEXT.notComparedNote}
              </Text>
            )}
            <ListTable
              withTableBorder
              striped={false}
              highlightOnHover={false}
              rows={candidates}
              rowKey={(c) => c.petition.id}
              head={['登记编号', '日期', '信访人', '内容摘要', '状态', '相同信访人', '内容相似度', '']}
              row={(c) => [
                <Anchor key="n" href={href('petitions', 'case', c.petition.id)} target="_blank" size="sm">
                  {c.petition.regNo}
                </Anchor>,
                c.petition.receivedOn,
                c.petition.name,
                short(c.petition.summary, 30),
                <Fragment key="s">
                  <StateBadge state={c.petition.state} />
                  {c.finalAtRecheck && (
                    <Text size="xs" c="red">
                      已复核终结
                    </Text>
                  )}
                  {c.inHand && (
                    <Text size="xs" c="orange">
                      已受理且在办理期限内
                    </Text>
                  )}
                </Fragment>,
                c.samePetitioner === null ? (
                  <Text key="p" span size="sm" c="dimmed" title={INFORMANT_TEXT.notComparedHint}>
                    {INFORMANT_TEXT.notCompared}
                  </Text>
                ) : c.samePetitioner ? (
                  '是'
                ) : (
                  '否'
                ),
                `${Math.round(c.similarity * 100)}%`,
                <Button
                  key="l"
                  size="xs"
                  loading={busy}
                  onClick={() =>
                    save({
                      kind: 'link',
                      caseId: c.petition.duplicateOf ?? c.petition.id,
                      note: v.dupNote,
                      sameFacts: c.finalAtRecheck && v.sameFacts,
                    })
                  }
                >
                  {c.finalAtRecheck && v.sameFacts ? '登记为重复信访' : '作为重复件关联'}
                </Button>,
              ]}
            />
            <Textarea mt="xs" label="重复件说明" {...form.text('dupNote')} autosize minRows={1} />
            {candidates.some((c) => c.finalAtRecheck) && (
              <Checkbox
                mt="xs"
                label="与复核终结的事项事实和理由相同（登记为重复信访，不再受理，PET-5）"
                {...form.checkbox('sameFacts')}
              />
            )}
            <Group mt="sm">
              <Button variant="default" loading={busy} onClick={() => save({ kind: 'new' })}>
                登记为新件
              </Button>
              <Button variant="subtle" onClick={() => setCandidates(null)}>
                返回修改
              </Button>
            </Group>
          </Alert>
        </div>
      )}
      {Object.keys(errors).length > 0 && !candidates && (
        <Text c="red" size="sm">
          请按提示修改后再保存。
        </Text>
      )}
      <RuleNote id="PET-1" />
    </FormCard>
  );
}
