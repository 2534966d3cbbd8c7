import {
  ActionIcon,
  Alert,
  AppShell,
  Avatar,
  Burger,
  Center,
  Group,
  Loader,
  Menu,
  Modal,
  NavLink,
  ScrollArea,
  Text,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure, useIdle } from '@mantine/hooks';
import { IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useState } from 'react';

import { ROLE_LABELS } from '../../../shared/permissions';
import { mustChangePassword } from '../auth/service';
import { useSession } from '../auth/session';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { logEvent } from '../db/repo';
import { getSetting } from '../db/settings';
import { useStorageState } from '../db/storage';
import { warmExportWorkerWhenIdle } from '../export/workbook';
import { unitName } from '../org/org';
import { SyncBadge } from '../sync/SyncBadge';

import { firstScreenReady } from './firstScreen';
import { MODULES } from './modules';
import { href, navigate, useRoute } from './router';

// A temporary password set by the administrator must be changed before anything else.
const AccountTab = lazy(() => import('../features/system').then((m) => ({ default: m.AccountTab })));

export function Shell() {
  const [opened, { toggle }] = useDisclosure();
  const route = useRoute();
  const user = useSession((s) => s.user)!;
  const signOut = useSession((s) => s.signOut);
  const lock = useSession((s) => s.lock);
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  const versionChanged = useStorageState((s) => s.versionChanged);
  const [unit, setUnit] = useState('');
  const [idleMinutes, setIdleMinutes] = useState(15);
  useEffect(() => {
    unitName().then(setUnit);
    getSetting<number>('idleLockMinutes', 15).then(setIdleMinutes);
  }, []);
  // the export worker loads while the user reads the 工作台 (once it is on screen, not while it reads
  // its to-dos), so the first export is as quick as the next
  useEffect(() => warmExportWorkerWhenIdle(firstScreenReady()), []);
  const idle = useIdle(idleMinutes * 60_000, { initialState: false });
  useEffect(() => {
    if (idle) lock();
  }, [idle, lock]);

  // undefined until read: no page shows before it is known whether the password must change first
  const mustChange = useLiveQuery(() => mustChangePassword(user.accountId), [user.accountId]);

  const active = MODULES.find((m) => m.key === route[0]) ?? MODULES[0];
  const Page = active.Page;

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 190, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="菜单" />
            <Text fw={700}>{unit}</Text>
            <Text c="dimmed" size="sm">
              机关事务管理系统
            </Text>
          </Group>
          <Group gap="xs">
            <SyncBadge />
            <ActionIcon
              variant="default"
              onClick={toggleColorScheme}
              aria-label="切换深色/浅色主题"
              title="切换深色/浅色主题"
            >
              {colorScheme === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />}
            </ActionIcon>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Group gap={6} style={{ cursor: 'pointer' }} role="button" aria-label="用户菜单" tabIndex={0}>
                  <Avatar size="sm" radius="xl">
                    {user.name.slice(-2)}
                  </Avatar>
                  <div>
                    <Text size="sm" fw={500} lh={1.1}>
                      {user.name}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.1}>
                      {user.roles.map((r) => ROLE_LABELS[r]).join('、')}
                    </Text>
                  </div>
                </Group>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={href('system', 'account')}>
                  修改密码
                </Menu.Item>
                <Menu.Item onClick={lock}>锁定屏幕</Menu.Item>
                <Menu.Divider />
                <Menu.Item
                  color="red"
                  leftSection={<IconLogout size={14} />}
                  onClick={async () => {
                    await logEvent('accounts', user.accountId, '退出登录', {
                      id: user.staffId,
                      name: user.name,
                    });
                    window.location.hash = '';
                    signOut();
                  }}
                >
                  退出登录
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" className="no-print" aria-label="主导航">
        <ScrollArea>
          {MODULES.map((m) => (
            <NavLink
              key={m.key}
              href={href(m.key)}
              label={m.label}
              leftSection={<m.icon size={18} stroke={1.6} />}
              active={m.key === active.key}
              onClick={() => opened && toggle()}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <Modal
        opened={!!mustChange}
        onClose={() => undefined}
        withCloseButton={false}
        centered
        title="请先修改临时密码"
        size="md"
      >
        <Suspense fallback={<Loader />}>
          <AccountTab />
        </Suspense>
      </Modal>
      <AppShell.Main>
        {versionChanged && (
          <Alert color="orange" mb="md" title="数据库已在另一窗口升级">
            为保护数据，本窗口已断开数据库连接。请关闭本窗口，或按 F5 重新载入。
          </Alert>
        )}
        {/* Every module's page: a fault shows a message with a way back, never a blank window. */}
        <ErrorBoundary
          key={active.key}
          where={`「${active.label}」页面`}
          resetKey={route.join('/')}
          onHome={() => navigate('dashboard')}
        >
          <Suspense
            fallback={
              <Center p="xl">
                <Loader />
              </Center>
            }
          >
            {mustChange === false ? (
              <Page />
            ) : (
              <Center p="xl">
                <Loader />
              </Center>
            )}
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
