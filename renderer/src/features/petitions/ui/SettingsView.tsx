// 设置 of the petitions module: numbering formats (PET-1), the time limits of PET-2..5, with
// PET-4's limit for the categories other than 申诉求决类, and who may see informants (PET-6).
import { Checkbox, Group, NumberInput, SimpleGrid, Text, TextInput, Title } from '@mantine/core';

import { can, ROLE_LABELS, ROLES } from '../../../../../shared/permissions';
import { useSession } from '../../../auth/session';
import { FormCard } from '../../../components/FormCard';
import { today } from '../../../db/clock';
import { savePetitionSettings } from '../core/commands';
import { formatRegNo, SERIES, SERIES_LABELS } from '../core/numbering';
import type { PetitionSettings } from '../core/settings';
import { INFORMANT_TEXT } from '../labels';

import { RuleNote, useActor, useCaseForm, useSettings } from './ui';

type Limits = PetitionSettings['limits'];
type OtherDays = PetitionSettings['otherCompletionDays'];

// the number fields of 期限: their label, range, where they sit in the settings, and the error key
type NumberSetting = {
  key: string;
  label: string;
  min: number;
  max: number;
  get: (s: PetitionSettings) => number;
  put: (s: PetitionSettings, n: number) => PetitionSettings;
};

const limit = (key: keyof Limits, label: string): NumberSetting => ({
  key,
  label,
  min: 1,
  max: 365,
  get: (s) => s.limits[key],
  put: (s, n) => ({ ...s, limits: { ...s.limits, [key]: n } }),
});

const otherDays = (key: keyof OtherDays, label: string): NumberSetting => ({
  key,
  label,
  min: 1,
  max: 365,
  get: (s) => s.otherCompletionDays[key],
  put: (s, n) => ({ ...s, otherCompletionDays: { ...s.otherCompletionDays, [key]: n } }),
});

const NUMBER_SETTINGS: NumberSetting[] = [
  limit('decisionDays', '受理告知期限（日，PET-2）'),
  limit('objectionWorkdays', '异议期限（工作日，PET-3）'),
  limit('completionDays', '申诉求决类办结期限（日，PET-4）'),
  limit('maxExtensionDays', '最长延期（日，PET-4）'),
  limit('reviewRequestDays', '申请复查/复核期限（日，PET-5）'),
  limit('reviewAnswerDays', '复查/复核答复期限（日，PET-5）'),
  otherDays('suggestion', '建议意见类办结期限（日）'),
  otherDays('accusation', '检举控告类办结期限（日）'),
  {
    key: 'soonDays',
    label: '“即将到期”提前工作日数',
    min: 0,
    max: 30,
    get: (s) => s.soonDays,
    put: (s, n) => ({ ...s, soonDays: n }),
  },
];

export function SettingsView() {
  const actor = useActor();
  const user = useSession((s) => s.user)!;
  const canEdit = can(user.roles, 'system.settings') || user.roles.includes('director');
  // PET-6: who may see an informant's identity is the 局长's decision (the repository checks it too)
  const canEditInformant = user.roles.includes('director');
  const current = useSettings();
  const form = useCaseForm({
    initial: current,
    stored: current,
    submit: (v) => savePetitionSettings(v, actor),
    success: '信访设置已保存',
  });
  const { values: s, errors, setValues: setS } = form;
  const year = Number(today().slice(0, 4));
  return (
    // read-only (the fields and the button) for those who may not change the settings
    <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <FormCard
        form={form}
        gap="md"
        submitLabel="保存设置"
        footer={
          !canEdit && (
            <Text size="sm" c="dimmed">
              信访设置由局长或管理员修改。
            </Text>
          )
        }
      >
        <Title order={4}>登记编号格式</Title>
        <Text size="sm" c="dimmed">
          {'{year}'} 为年份，{'{seq}'} 为当年序号（每年从1开始）。
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {SERIES.map((k) => (
            <TextInput
              key={k}
              label={`${SERIES_LABELS[k]}编号格式`}
              value={s.numberFormats[k]}
              disabled={!canEdit}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setS((o) => ({ ...o, numberFormats: { ...o.numberFormats, [k]: value } }));
              }}
              error={errors[`numberFormats.${k}`]}
              description={`示例：${formatRegNo(s.numberFormats[k], year, 1, s.seqDigits)}`}
            />
          ))}
        </SimpleGrid>
        <NumberInput
          label="序号位数"
          w={200}
          min={1}
          max={8}
          value={s.seqDigits}
          disabled={!canEdit}
          onChange={(v) => setS((o) => ({ ...o, seqDigits: Number(v) || 1 }))}
          error={errors.seqDigits}
        />
        <Title order={4}>期限（默认为《信访工作条例》规定，可按本省更严格的规定调整）</Title>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {NUMBER_SETTINGS.map((f) => (
            <NumberInput
              key={f.key}
              label={f.label}
              min={f.min}
              max={f.max}
              value={f.get(s)}
              disabled={!canEdit}
              onChange={(v) => setS((o) => f.put(o, Number(v) || 0))}
              error={errors[f.key]}
            />
          ))}
        </SimpleGrid>
        <RuleNote id="PET-4" />
        <Title order={4}>{INFORMANT_TEXT.settingsTitle}</Title>
        <Checkbox.Group
          label={INFORMANT_TEXT.settingsRoles}
          value={s.informantAccess.roles}
          onChange={(roles) =>
            setS((o) => ({
              ...o,
              informantAccess: { ...o.informantAccess, roles: ROLES.filter((r) => roles.includes(r)) },
            }))
          }
          error={errors.informantAccess}
        >
          <Group mt="xs">
            {ROLES.map((r) => (
              <Checkbox key={r} value={r} label={ROLE_LABELS[r]} disabled={!canEditInformant} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox
          label={INFORMANT_TEXT.settingsAssignee}
          checked={s.informantAccess.assignee}
          disabled={!canEditInformant}
          onChange={(e) => {
            const assignee = e.currentTarget.checked;
            setS((o) => ({ ...o, informantAccess: { ...o.informantAccess, assignee } }));
          }}
        />
        <Text size="xs" c="dimmed">
          {INFORMANT_TEXT.settingsNote}
          {!canEditInformant && INFORMANT_TEXT.settingsDirectorOnly}
        </Text>
        <RuleNote id="PET-6" />
      </FormCard>
    </fieldset>
  );
}
