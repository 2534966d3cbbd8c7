// The first run: 新建单位 (the unit, its sections and calendars, an administrator) or 加入已有单位
// (多机同步: the office comes from the hub, JoinScreen.tsx). A join begun and not finished (the
// window closed during its catch-up) comes back here at its catch-up (`joining`).
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
import type { ReactNode } from 'react';

import { errorMessage } from '../components/notify';

import { JoinCatchUp, JoinForm, StepTitle } from './JoinScreen';
import { SETUP_LABELS } from './labels';
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

type Step = 'choose' | 'new' | 'join' | 'catchUp';

export function SetupScreen({
  onDone,
  notice,
  joining = false,
}: {
  onDone: () => void;
  notice?: string;
  joining?: boolean;
}) {
  // a set-up with demo data closed halfway (notice) was a new unit's: its form again
  const [step, setStep] = useState<Step>(joining ? 'catchUp' : notice ? 'new' : 'choose');
  const choose = () => setStep('choose');
  switch (step) {
    case 'new':
      return <NewUnitForm onDone={onDone} notice={notice} onBack={choose} />;
    case 'join':
      return (
        <SetupCard>
          <JoinForm onJoined={() => setStep('catchUp')} onNewUnit={() => setStep('new')} onBack={choose} />
        </SetupCard>
      );
    case 'catchUp':
      return (
        <SetupCard>
          <JoinCatchUp onDone={onDone} onAbandoned={choose} />
        </SetupCard>
      );
    default:
      return (
        <SetupCard>
          <Stack>
            <StepTitle title={SETUP_LABELS.title} intro={SETUP_LABELS.choose} />
            {notice && <Notice text={notice} />}
            <Choice
              label={SETUP_LABELS.newUnit}
              hint={SETUP_LABELS.newUnitHint}
              onClick={() => setStep('new')}
            />
            <Choice label={SETUP_LABELS.join} hint={SETUP_LABELS.joinHint} onClick={() => setStep('join')} />
          </Stack>
        </SetupCard>
      );
  }
}

function SetupCard({ children }: { children: ReactNode }) {
  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)">
      <Paper withBorder shadow="sm" p="xl" w={460}>
        {children}
      </Paper>
    </Center>
  );
}

function Choice({ label, hint, onClick }: { label: string; hint: string; onClick: () => void }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6} align="flex-start">
        <Button size="md" variant="light" onClick={onClick}>
          {label}
        </Button>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      </Stack>
    </Paper>
  );
}

function Notice({ text }: { text: string }) {
  return (
    <Alert color="orange" title="请重新初始化" role="status">
      {text}
    </Alert>
  );
}

// 新建单位: the unit's name and its administrator (and the demo bureau if asked).
function NewUnitForm({
  onDone,
  notice,
  onBack,
}: {
  onDone: () => void;
  notice?: string;
  onBack: () => void;
}) {
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
          {notice && <Notice text={notice} />}
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
          <Button variant="subtle" onClick={onBack} disabled={busy}>
            {SETUP_LABELS.back}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
