import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { ROLE_LABELS, ROLES } from '../../../../../shared/permissions';
import type { Rank } from '../../../../../shared/rules';
import { RANK_LABELS, RANKS } from '../../../../../shared/rules';
import { useCan } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { FormCard } from '../../../components/FormCard';
import { ListTable } from '../../../components/ListTable';
import { notifyError, notifyOk } from '../../../components/notify';
import { useCommandForm } from '../../../components/useCommandForm';
import type { Section, Staff } from '../../../db/schema/core';
import type { Leadership, StaffInput } from '../core/org';
import {
  addSection,
  getLeadership,
  listSections,
  listStaff,
  moveSection,
  renameSection,
  saveStaff,
  setLeadership,
  setSectionLeaders,
  setStaffActive,
} from '../core/org';
import type { LeaderPickers } from '../core/pickers';
import { leaderPickers, withCurrent } from '../core/pickers';

import { ActiveBadge, dimInactive, ModalForm } from './parts';
import { StaffImport } from './StaffImport';

const RANK_OPTIONS = RANKS.map((r) => ({ value: r, label: RANK_LABELS[r] }));
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function OrgTab() {
  const sections = useLiveQuery(listSections, []);
  const staff = useLiveQuery(listStaff, []);
  const pickers = leaderPickers(staff ?? []);
  return (
    <Stack>
      <SectionsCard sections={sections ?? []} pickers={pickers} />
      <LeadershipCard pickers={pickers} />
      <StaffCard staff={staff ?? []} sections={sections ?? []} />
    </Stack>
  );
}

function SectionsCard({ sections, pickers }: { sections: Section[]; pickers: LeaderPickers }) {
  const [renaming, setRenaming] = useState<Section | null>(null);
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        股室
      </Title>
      <ListTable
        striped={false}
        highlightOnHover={false}
        verticalSpacing={4}
        rows={sections}
        head={[{ label: '顺序', w: 80 }, '股室名称', '股室负责人', '分管领导', { label: '', w: 80 }]}
        row={(s) => {
          const i = sections.indexOf(s);
          return [
            <Group gap={2} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                size="sm"
                disabled={i === 0}
                aria-label={`上移 ${s.name}`}
                onClick={() => moveSection(s.id, -1).catch(notifyError)}
              >
                <IconArrowUp size={14} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                size="sm"
                disabled={i === sections.length - 1}
                aria-label={`下移 ${s.name}`}
                onClick={() => moveSection(s.id, 1).catch(notifyError)}
              >
                <IconArrowDown size={14} />
              </ActionIcon>
            </Group>,
            s.name,
            <LeaderSelect
              label={`${s.name} 股室负责人`}
              data={pickers.everyone}
              value={s.headId}
              onChange={(v) => setSectionLeaders(s.id, { headId: v, deputyId: s.deputyId ?? null })}
            />,
            <LeaderSelect
              label={`${s.name} 分管领导`}
              data={withCurrent(pickers.deputies, pickers.everyone, s.deputyId)}
              value={s.deputyId}
              onChange={(v) => setSectionLeaders(s.id, { headId: s.headId ?? null, deputyId: v })}
            />,
            <Button size="compact-xs" variant="subtle" onClick={() => setRenaming(s)}>
              改名
            </Button>,
          ];
        }}
      />
      <AddSectionForm />
      {renaming && <RenameModal section={renaming} onClose={() => setRenaming(null)} />}
    </Card>
  );
}

// A section's leader, set as soon as it is picked.
function LeaderSelect({
  label,
  data,
  value,
  onChange,
}: {
  label: string;
  data: LeaderPickers['everyone'];
  value: string | null | undefined;
  onChange: (v: string | null) => Promise<unknown>;
}) {
  return (
    <Select
      size="xs"
      aria-label={label}
      data={data}
      value={value ?? null}
      clearable
      searchable
      placeholder="未设置"
      onChange={(v) => onChange(v).catch(notifyError)}
    />
  );
}

function AddSectionForm() {
  const form = useCommandForm({
    initial: { name: '' },
    submit: (v) => addSection(v.name),
    success: (_r, v) => `已添加股室“${v.name.trim()}”`,
    onDone: () => form.reset(),
  });
  return (
    <FormCard form={form} inline submitLabel="添加股室" withBorder={false} p={0} mt="sm">
      <TextInput label="新股室名称" {...form.text('name')} w={240} />
    </FormCard>
  );
}

function RenameModal({ section, onClose }: { section: Section; onClose: () => void }) {
  const form = useCommandForm({
    initial: { name: section.name },
    submit: (v) => renameSection(section.id, v.name),
    success: '已改名',
    onDone: onClose,
  });
  return (
    <ModalForm form={form} title={`股室改名：${section.name}`} submitLabel="保存" onClose={onClose}>
      <TextInput label="股室名称" {...form.text('name')} data-autofocus />
    </ModalForm>
  );
}

// 领导分工: each post, its label and whom it may be given to.
const LEADER_PICKS = [
  ['directorId', '局长', 'directors'],
  ['financeDeputyId', '分管财务', 'deputies'],
  ['officeDeputyId', '分管办公室', 'deputies'],
] as const;

function LeadershipCard({ pickers }: { pickers: LeaderPickers }) {
  const stored = useLiveQuery(getLeadership, []);
  const form = useCommandForm({
    initial: { directorId: null, financeDeputyId: null, officeDeputyId: null } as Leadership,
    stored,
    submit: (v) => setLeadership(v),
    success: '领导分工已保存',
  });
  const v = form.values;
  return (
    <FormCard form={form} title="领导分工" titleOrder={4} submitLabel="保存领导分工">
      <Text size="sm" c="dimmed">
        请假、外出、报销等审批路线按此确定局长、分管财务和分管办公室的领导。
      </Text>
      <Group align="flex-end">
        {LEADER_PICKS.map(([key, label, pool]) => (
          <Select
            key={key}
            label={label}
            data={withCurrent(pickers[pool], pickers.everyone, v[key])}
            {...form.input(key)}
            searchable
            clearable
            w={280}
          />
        ))}
      </Group>
    </FormCard>
  );
}

function StaffCard({ staff, sections }: { staff: Staff[]; sections: Section[] }) {
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  const list = staff.filter((s) => showInactive || s.active);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>人员（{staff.filter((s) => s.active).length} 人在职）</Title>
        <Group>
          <Switch
            label="显示已停用人员"
            checked={showInactive}
            onChange={(e) => setShowInactive(e.currentTarget.checked)}
          />
          <Button variant="default" onClick={() => setImporting(true)}>
            从Excel导入
          </Button>
          <Button onClick={() => setEditing('new')}>新增人员</Button>
        </Group>
      </Group>
      <ListTable
        highlightOnHover={false}
        verticalSpacing={4}
        rows={list}
        rowProps={dimInactive}
        head={['姓名', '股室', '职级', '职务', '角色', '电话', '状态', '操作']}
        row={(s) => [
          s.name,
          s.sectionId ? (sectionName.get(s.sectionId) ?? '') : '—',
          RANK_LABELS[s.rank],
          s.title,
          s.roles.map((r) => ROLE_LABELS[r]).join('、'),
          s.phone,
          <ActiveBadge active={s.active} label="在职" />,
          <Group gap={6} wrap="nowrap">
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(s)}>
              编辑
            </Button>
            {s.active ? (
              <ConfirmButton
                size="compact-xs"
                variant="subtle"
                color="red"
                title="停用人员"
                message={`停用后 ${s.name} 不再出现在人员选择、审批路线和考勤中，也不能登录；其历史记录全部保留，可随时再启用。`}
                confirmLabel="停用"
                onConfirm={() =>
                  setStaffActive(s.id, false).then(() => notifyOk(`${s.name} 已停用`), notifyError)
                }
              >
                停用
              </ConfirmButton>
            ) : (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() =>
                  setStaffActive(s.id, true).then(() => notifyOk(`${s.name} 已启用`), notifyError)
                }
              >
                启用
              </Button>
            )}
          </Group>,
        ]}
      />
      <Text size="xs" c="dimmed" mt="xs">
        人员不会被删除：调离或退休请“停用”，其历史记录保留。
      </Text>
      {editing && (
        <StaffModal
          staff={editing === 'new' ? null : editing}
          sections={sections}
          onClose={() => setEditing(null)}
        />
      )}
      {importing && <StaffImport onClose={() => setImporting(false)} />}
    </Card>
  );
}

function StaffModal({
  staff,
  sections,
  onClose,
}: {
  staff: Staff | null;
  sections: Section[];
  onClose: () => void;
}) {
  const canRoles = useCan('system.users');
  const form = useCommandForm({
    initial: {
      name: staff?.name ?? '',
      sectionId: staff?.sectionId ?? null,
      rank: staff?.rank ?? 'staff',
      title: staff?.title ?? '',
      roles: staff?.roles ?? [],
      phone: staff?.phone ?? '',
      active: staff?.active ?? true,
    } as StaffInput,
    submit: (v) => saveStaff(staff?.id ?? null, v),
    success: (_r, v) => (staff ? '已保存' : `已新增人员 ${v.name.trim()}`),
    onDone: onClose,
  });
  return (
    <ModalForm
      form={form}
      title={staff ? `编辑人员：${staff.name}` : '新增人员'}
      submitLabel="保存"
      size="lg"
      onClose={onClose}
    >
      <Group grow>
        <TextInput label="姓名" {...form.text('name')} data-autofocus />
        <Select
          label="股室"
          data={sections.map((s) => ({ value: s.id, label: s.name }))}
          {...form.input('sectionId')}
          clearable
          placeholder="不属于股室（局领导）"
        />
      </Group>
      <Group grow>
        <Select
          label="职级"
          data={RANK_OPTIONS}
          value={form.values.rank}
          onChange={(x) => form.set('rank', (x ?? 'staff') as Rank)}
          allowDeselect={false}
          error={form.errors.rank}
        />
        <TextInput label="职务" placeholder="如：科员、办公室主任" {...form.text('title')} />
      </Group>
      <MultiSelect
        label="角色"
        description={canRoles ? '可多选' : '修改角色需要“用户与角色”权限'}
        data={ROLE_OPTIONS}
        value={form.values.roles}
        onChange={(x) => form.set('roles', x as StaffInput['roles'])}
        disabled={!canRoles}
        error={form.errors.roles}
      />
      <TextInput label="电话" {...form.text('phone')} />
    </ModalForm>
  );
}
