import { MantineProvider, Center, Loader } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';

import { LockScreen } from '../auth/LockScreen';
import { LoginScreen } from '../auth/LoginScreen';
import { discardUnfinishedSetup, isInitialised, joinInProgress, SETUP_MESSAGES } from '../auth/service';
import { useSession } from '../auth/session';
import { SetupScreen } from '../auth/SetupScreen';
import { NOTICE_LIMIT, NOTICE_POSITION } from '../components/notify';
import { startStorage } from '../db/storage';
import { startSyncIfEnabled } from '../sync/boot';

import '../features/register';
import { Shell } from './Shell';
import { theme } from './theme';

dayjs.locale('zh-cn');

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
        {/* top centre, over the header's empty middle: never over the user menu or 返回列表 */}
        <Notifications
          position={NOTICE_POSITION}
          limit={NOTICE_LIMIT}
          containerWidth={420}
          pauseResetOnHover="notification"
        />
        <Root />
      </DatesProvider>
    </MantineProvider>
  );
}

function Root() {
  const user = useSession((s) => s.user);
  const locked = useSession((s) => s.locked);
  const [initialised, setInitialised] = useState<boolean | null>(null);
  const [storageError, setStorageError] = useState<string | null>(null);
  const [setupState, setSetupState] = useState<'none' | 'discarded' | 'elsewhere'>('none');
  // this PC joined an office (加入已有单位) and was closed before it had caught up: the catch-up again
  const [joining, setJoining] = useState(false);

  useEffect(() => {
    startStorage()
      .then(() => discardUnfinishedSetup()) // a first-run setup closed halfway starts over
      .then((r) => setSetupState(r))
      .then(async () => {
        const done = await isInitialised();
        const join = !done && (await joinInProgress());
        setJoining(join);
        setInitialised(done);
        // several PCs (系统 › 多机同步): only when this PC has it on, or is joining an office
        if (done || join) void startSyncIfEnabled();
      })
      .catch((e: unknown) => setStorageError(e instanceof Error ? e.message : String(e)));
  }, []);

  if (storageError) return <Center h="100vh">数据库无法打开：{storageError}</Center>;
  if (initialised === null)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (setupState === 'elsewhere') return <Center h="100vh">{SETUP_MESSAGES.elsewhere}</Center>;
  if (!initialised) {
    return (
      <SetupScreen
        joining={joining}
        notice={setupState === 'discarded' ? SETUP_MESSAGES.discarded : undefined}
        onDone={() => setInitialised(true)}
      />
    );
  }
  if (!user) return <LoginScreen />;
  return (
    <>
      <Shell />
      {locked && <LockScreen />}
    </>
  );
}
