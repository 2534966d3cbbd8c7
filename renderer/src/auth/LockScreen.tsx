import { Alert, Button, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';

import { checkPassword } from './service';
import { useSession } from './session';

// Shown over the app after the idle time: the screen stays as it was, nothing is lost.
export function LockScreen() {
  const user = useSession((s) => s.user)!;
  const { unlock, signOut } = useSession.getState();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={() => undefined} withCloseButton={false} centered title="屏幕已锁定" overlayProps={{ blur: 8 }}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (await checkPassword(user.accountId, password)) unlock();
          else setError('密码错误');
        }}
      >
        <Stack>
          <Text size="sm">长时间未操作，屏幕已锁定。{user.name}，请输入密码继续。</Text>
          <PasswordInput label="密码" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoFocus error={error} />
          <Button type="submit">解锁</Button>
          <Button variant="subtle" onClick={signOut}>
            退出登录
          </Button>
          {error && <Alert color="red">{error}</Alert>}
        </Stack>
      </form>
    </Modal>
  );
}
