import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import type { Role } from '../../../../../shared/permissions';
import { ROLE_LABELS, ROLES } from '../../../../../shared/permissions';
import { useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { fmtTime } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { ListTable } from '../../../components/ListTable';
import { notifyError, notifyOk } from '../../../components/notify';
import { useCommandForm } from '../../../components/useCommandForm';
import type { Account, Staff } from '../../../db/schema/core';
import {
  accountState,
  createLogin,
  getIdleLockMinutes,
  listUsers,
  resetPassword,
  setAccountDisabled,
  setIdleLockMinutes,
  setStaffRoles,
  unlockAccount,
} from '../core/users';
import { ACCOUNT_STATE_LABELS } from '../labels';

import { dimInactive, ModalForm } from './parts';

const STATE_COLOR = {
  none: 'gray',
  ok: 'green',
  locked: 'red',
  disabled: 'dark',
  mustChange: 'orange',
} as const;
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function UsersTab() {
  const rows = useLiveQuery(listUsers, []);
  const me = useSession((s) => s.user)!;
  const [createFor, setCreateFor] = useState<Staff | null>(null);
  const [resetFor, setResetFor] = useState<{ staff: Staff; account: Account } | null>(null);
  const [rolesFor, setRolesFor] = useState<Staff | null>(null);

  return (
    <Stack>
      <Card withBorder>
        <Title order={4} mb="xs">
          用户与角色
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          每名人员可开通一个登录账户，可同时担任多个角色。重置密码时由管理员设置临时密码，本人登录后须修改；任何人（包括管理员）都无法查看密码。新增人员请到“股室与人员”。
        </Text>
        <ListTable
          verticalSpacing={6}
          rows={rows}
          rowKey={(r) => r.staff.id}
          rowProps={(r) => dimInactive(r.staff)}
          head={['姓名', '股室', '角色', '登录名', '账户状态', '操作']}
          row={({ staff, account, section }) => {
            const state = accountState(account);
            return [
              <>
                {staff.name}
                {!staff.active && (
                  <Badge ml={6} size="xs" color="gray">
                    已停用
                  </Badge>
                )}
              </>,
              section?.name ?? '—',
              <Group gap={4}>
                {staff.roles.map((r) => (
                  <Badge key={r} variant="light" size="sm">
                    {ROLE_LABELS[r]}
                  </Badge>
                ))}
              </Group>,
              account?.loginName ?? '—',
              <Badge
                color={STATE_COLOR[state]}
                variant="light"
                title={state === 'locked' ? `锁定至 ${fmtTime(account?.lockedUntil)}` : undefined}
              >
                {ACCOUNT_STATE_LABELS[state]}
              </Badge>,
              <Group gap={6} wrap="nowrap">
                <Button size="compact-xs" variant="default" onClick={() => setRolesFor(staff)}>
                  角色
                </Button>
                {!account && staff.active && (
                  <Button size="compact-xs" variant="light" onClick={() => setCreateFor(staff)}>
                    创建登录
                  </Button>
                )}
                {account && (
                  <Button size="compact-xs" variant="light" onClick={() => setResetFor({ staff, account })}>
                    重置密码
                  </Button>
                )}
                {account && state === 'locked' && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="orange"
                    onClick={() =>
                      unlockAccount(account.id).then(
                        () => notifyOk(`已解除 ${staff.name} 的锁定`),
                        notifyError,
                      )
                    }
                  >
                    解锁
                  </Button>
                )}
                {account && !account.disabled && account.id !== me.accountId && (
                  <ConfirmButton
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    title="停用账户"
                    message={`停用后 ${staff.name}（${account.loginName}）将不能登录，其数据和记录不受影响，可随时再启用。`}
                    confirmLabel="停用"
                    onConfirm={() =>
                      setAccountDisabled(account.id, true).then(() => notifyOk('账户已停用'), notifyError)
                    }
                  >
                    停用账户
                  </ConfirmButton>
                )}
                {account?.disabled && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() =>
                      setAccountDisabled(account.id, false).then(() => notifyOk('账户已启用'), notifyError)
                    }
                  >
                    启用账户
                  </Button>
                )}
              </Group>,
            ];
          }}
        />
      </Card>
      <IdleLockCard />
      {createFor && <CreateLoginModal staff={createFor} onClose={() => setCreateFor(null)} />}
      {resetFor && <ResetPasswordModal {...resetFor} onClose={() => setResetFor(null)} />}
      {rolesFor && <RolesModal staff={rolesFor} onClose={() => setRolesFor(null)} />}
    </Stack>
  );
}

function IdleLockCard() {
  const stored = useLiveQuery(
    async (): Promise<{ idleLockMinutes: number | string }> => ({
      idleLockMinutes: await getIdleLockMinutes(),
    }),
    [],
  );
  const form = useCommandForm({
    initial: { idleLockMinutes: 15 as number | string },
    stored,
    submit: (v) => setIdleLockMinutes(Number(v.idleLockMinutes)),
    success: '已保存，下次登录起生效',
  });
  return (
    <FormCard form={form} inline submitLabel="保存">
      <NumberInput
        label="空闲锁屏时间（分钟）"
        description="无操作超过此时间自动锁定屏幕"
        {...form.input('idleLockMinutes')}
        min={1}
        max={240}
        w={260}
      />
    </FormCard>
  );
}

function CreateLoginModal({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const form = useCommandForm({
    initial: { loginName: '', password: '', confirm: '' },
    submit: (v) => createLogin(staff.id, v.loginName, v.password, v.confirm),
    success: (_r, v) => `已为 ${staff.name} 创建账户 ${v.loginName}，首次登录后须修改密码`,
    onDone: onClose,
  });
  return (
    <ModalForm form={form} title={`为 ${staff.name} 创建登录账户`} submitLabel="创建账户" onClose={onClose}>
      <TextInput
        label="登录名"
        description="字母开头，3–32位"
        {...form.text('loginName')}
        data-autofocus
        autoComplete="off"
      />
      <PasswordInput
        label="初始密码"
        description="至少8位，含字母和数字"
        {...form.text('password')}
        autoComplete="new-password"
      />
      <PasswordInput label="确认初始密码" {...form.text('confirm')} autoComplete="new-password" />
    </ModalForm>
  );
}

function ResetPasswordModal({
  staff,
  account,
  onClose,
}: {
  staff: Staff;
  account: Account;
  onClose: () => void;
}) {
  const form = useCommandForm({
    initial: { password: '', confirm: '' },
    submit: (v) => resetPassword(account.id, v.password, v.confirm),
    success: `已为 ${staff.name} 设置临时密码，并解除锁定。请当面告知本人，登录后须修改。`,
    onDone: onClose,
  });
  return (
    <ModalForm
      form={form}
      title={`重置 ${staff.name}（${account.loginName}）的密码`}
      submitLabel="设置临时密码"
      onClose={onClose}
    >
      <Alert color="blue" p="xs">
        原密码无法查看。设置一个临时密码，本人下次登录后须修改。
      </Alert>
      <PasswordInput label="临时密码" {...form.text('password')} data-autofocus autoComplete="new-password" />
      <PasswordInput label="确认临时密码" {...form.text('confirm')} autoComplete="new-password" />
    </ModalForm>
  );
}

function RolesModal({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const form = useCommandForm({
    initial: { roles: staff.roles as string[] },
    submit: (v) => setStaffRoles(staff.id, v.roles as Role[]),
    success: '角色已保存，本人下次登录起生效',
    onDone: onClose,
  });
  return (
    <ModalForm form={form} title={`${staff.name} 的角色`} submitLabel="保存角色" onClose={onClose}>
      <MultiSelect
        label="角色"
        data={ROLE_OPTIONS}
        {...form.input('roles')}
        data-autofocus
        comboboxProps={{ withinPortal: true }}
      />
    </ModalForm>
  );
}
