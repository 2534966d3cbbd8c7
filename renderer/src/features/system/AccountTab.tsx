import { Alert, Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { useSession } from '../../auth/session';
import { notifyOk } from '../../components/notify';
import { db } from '../../db/db';

import { showError } from './ui';
import { changeOwnPassword } from './users';

type F = 'oldPassword' | 'password' | 'confirm';

export function AccountTab() {
  const user = useSession((s) => s.user)!;
  const account = useLiveQuery(() => db.accounts.get(user.accountId), [user.accountId]);
  const [v, setV] = useState({ oldPassword: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: F) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setV({ ...v, [k]: e.currentTarget.value });
    setErrors({});
  };
  return (
    <Card withBorder maw={460}>
      <Title order={4} mb="xs">
        修改密码
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {user.name}（{user.loginName}）
      </Text>
      {account?.mustChangePassword && (
        <Alert color="orange" mb="sm">
          您正在使用管理员设置的临时密码，请立即修改。
        </Alert>
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            await changeOwnPassword(v.oldPassword, v.password, v.confirm);
            notifyOk('密码已修改');
            setV({ oldPassword: '', password: '', confirm: '' });
          } catch (err) {
            showError(err, ['oldPassword', 'password', 'confirm'] as const, setErrors);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Stack>
          <PasswordInput label="原密码" value={v.oldPassword} onChange={set('oldPassword')} error={errors.oldPassword} autoFocus autoComplete="current-password" />
          <PasswordInput label="新密码" description="至少8位，含字母和数字" value={v.password} onChange={set('password')} error={errors.password} autoComplete="new-password" />
          <PasswordInput label="确认新密码" value={v.confirm} onChange={set('confirm')} error={errors.confirm} autoComplete="new-password" />
          <Button type="submit" loading={busy}>
            保存新密码
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
