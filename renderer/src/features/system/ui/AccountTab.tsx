import { Alert, PasswordInput, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { useSession } from '../../../auth/session';
import { FormCard } from '../../../components/FormCard';
import { useCommandForm } from '../../../components/useCommandForm';
import { changeOwnPassword, getAccount } from '../core/users';

const EMPTY = { oldPassword: '', password: '', confirm: '' };

export function AccountTab() {
  const user = useSession((s) => s.user)!;
  const account = useLiveQuery(() => getAccount(user.accountId), [user.accountId]);
  const form = useCommandForm({
    initial: EMPTY,
    submit: (v) => changeOwnPassword(v.oldPassword, v.password, v.confirm),
    success: '密码已修改',
    onDone: () => form.reset(),
  });
  return (
    <FormCard form={form} submitLabel="保存新密码" title="修改密码" titleOrder={4} maw={460} gap="md">
      <Text size="sm" c="dimmed">
        {user.name}（{user.loginName}）
      </Text>
      {account?.mustChangePassword && (
        <Alert color="orange">您正在使用管理员设置的临时密码，请立即修改。</Alert>
      )}
      <PasswordInput label="原密码" {...form.text('oldPassword')} autoFocus autoComplete="current-password" />
      <PasswordInput
        label="新密码"
        description="至少8位，含字母和数字"
        {...form.text('password')}
        autoComplete="new-password"
      />
      <PasswordInput label="确认新密码" {...form.text('confirm')} autoComplete="new-password" />
    </FormCard>
  );
}
