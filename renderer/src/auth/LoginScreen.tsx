import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';

import { unitName } from '../org/org';

import { login } from './service';
import { useSession } from './session';

export function LoginScreen() {
  const signIn = useSession((s) => s.signIn);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [unit, setUnit] = useState('');
  useEffect(() => {
    unitName().then(setUnit);
  }, []);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await login(name, password);
      if (r.ok) signIn(r.user);
      else {
        setError(r.message);
        setPassword('');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)">
      <Paper withBorder shadow="sm" p="xl" w={400} component="form" onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={2}>{unit || '信访局'}</Title>
            <Text c="dimmed" size="sm">
              机关事务管理系统 · 登录
            </Text>
          </div>
          <TextInput label="登录名" value={name} onChange={(e) => setName(e.currentTarget.value)} autoFocus autoComplete="username" />
          <PasswordInput label="密码" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={busy}>
            登录
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
