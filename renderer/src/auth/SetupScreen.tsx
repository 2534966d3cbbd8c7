import {
  Alert,
  Button,
  Center,
  Checkbox,
  Paper,
  PasswordInput,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';

import { errorMessage } from '../components/notify';

import { runSetup, validateSetup } from './service';
import type { FieldErrors, SetupInput } from './service';

// The set-up form's fields, in order (the first has the focus).
const SETUP_FIELDS: {
  key: keyof SetupInput;
  label: string;
  description?: string;
  placeholder?: string;
  secret?: boolean;
  autoComplete?: string;
}[] = [
  { key: 'unitName', label: '单位名称', placeholder: '如：新宁县信访局' },
  { key: 'adminName', label: '管理员姓名' },
  { key: 'loginName', label: '登录名', description: '字母开头，3–32位', autoComplete: 'username' },
  {
    key: 'password',
    label: '密码',
    description: '至少8位，含字母和数字',
    secret: true,
    autoComplete: 'new-password',
  },
  { key: 'confirm', label: '确认密码', secret: true, autoComplete: 'new-password' },
];

export function SetupScreen({ onDone, notice }: { onDone: () => void; notice?: string }) {
  const [v, setV] = useState<SetupInput>({
    unitName: '',
    adminName: '',
    loginName: '',
    password: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [demo, setDemo] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const [fraction, setFraction] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const set = (k: keyof SetupInput) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setV({ ...v, [k]: e.currentTarget.value });
    if (errors[k]) setErrors({ ...errors, [k]: undefined });
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs = validateSetup(v);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setFailure(null);
    try {
      setProgress('正在创建单位与管理员…');
      setFraction(demo ? 0 : null);
      await runSetup(v, {
        demo,
        progress: (msg, f) => {
          setProgress(msg);
          if (f !== undefined) setFraction(f);
        },
      });
      onDone();
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)">
      <Paper withBorder shadow="sm" p="xl" w={460} component="form" onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>系统初始化</Title>
          <Text size="sm" c="dimmed">
            首次使用：填写单位名称并创建管理员账户。数据只保存在本机。
          </Text>
          {notice && (
            <Alert color="orange" title="请重新初始化" role="status">
              {notice}
            </Alert>
          )}
          {SETUP_FIELDS.map((f, i) => {
            const Input = f.secret ? PasswordInput : TextInput;
            return (
              <Input
                key={f.key}
                label={f.label}
                description={f.description}
                placeholder={f.placeholder}
                value={v[f.key]}
                onChange={set(f.key)}
                error={errors[f.key]}
                autoComplete={f.autoComplete}
                data-autofocus={i === 0 || undefined}
                autoFocus={i === 0}
              />
            );
          })}
          <Checkbox
            label="载入演示数据（虚构的信访局：股室、约30名人员及各模块示例数据）"
            checked={demo}
            onChange={(e) => setDemo(e.currentTarget.checked)}
          />
          {failure && <Alert color="red">{failure}</Alert>}
          {busy && fraction !== null && (
            <Progress value={Math.round(fraction * 100)} aria-label="载入演示数据的进度" size="lg" animated />
          )}
          {busy && progress && (
            <Text size="sm">
              {progress}
              {demo ? '（请勿关闭窗口；如被关闭，下次启动时需重新初始化）' : ''}
            </Text>
          )}
          <Button type="submit" loading={busy}>
            完成初始化
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
