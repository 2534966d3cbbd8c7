import { Alert, Button, Card, Group, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import type { AppInfo } from '../../../../../shared/ipc';
import { FormCard } from '../../../components/FormCard';
import { notifyError, notifyOk } from '../../../components/notify';
import { useCommandForm } from '../../../components/useCommandForm';
import { lowSpace, storageEstimate, useStorageState } from '../../../db/storage';
import { platform } from '../../../platform';
import { databaseInfo, fmtBytes } from '../core/format';
import { getUnitName, setUnitName } from '../core/org';

export function SettingsTab() {
  return (
    <Stack>
      <UnitNameCard />
      <BackupFolderCard />
      <StorageCard />
    </Stack>
  );
}

function UnitNameCard() {
  const stored = useLiveQuery(async () => ({ unitName: await getUnitName() }), []);
  const form = useCommandForm({
    initial: { unitName: '' },
    stored,
    submit: (v) => setUnitName(v.unitName),
    success: '单位名称已保存（台账标题、打印件使用此名称）',
  });
  return (
    <FormCard
      form={form}
      title="单位"
      titleOrder={4}
      submitLabel="保存"
      footer={
        <Text size="xs" c="dimmed">
          上下班作息时间在“考勤”模块中设置。
        </Text>
      }
    >
      <TextInput label="单位名称" {...form.text('unitName')} w={320} />
    </FormCard>
  );
}

function useAppInfo() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    platform.appInfo().then(setInfo, () => setInfo(null));
  }, []);
  return info;
}

function BackupFolderCard() {
  const info = useAppInfo();
  const [folder, setFolder] = useState<string>('');
  useEffect(() => {
    platform.getBackupFolder().then(
      (r) => setFolder(r.folder),
      () => undefined,
    );
  }, []);
  const desktop = info?.mode === 'desktop';
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        备份文件夹
      </Title>
      {desktop ? (
        <Group>
          <Text size="sm">
            自动备份与“立即备份”的文件保存到：<b>{folder}</b>
          </Text>
          <Button
            variant="light"
            size="xs"
            onClick={async () => {
              try {
                const r = await platform.chooseBackupFolder();
                if (r.folder) {
                  setFolder(r.folder);
                  notifyOk(`备份文件夹已改为 ${r.folder}`);
                }
              } catch (e) {
                notifyError(e);
              }
            }}
          >
            更改备份文件夹
          </Button>
        </Group>
      ) : (
        <Text size="sm">
          浏览器模式：备份文件下载到浏览器的下载文件夹（{folder}）。建议把备份文件另存到U盘或其他电脑。
        </Text>
      )}
    </Card>
  );
}

function StorageCard() {
  const info = useAppInfo();
  const persisted = useStorageState((s) => s.persisted);
  const [est, setEst] = useState<{ usage: number; quota: number } | null | undefined>(undefined);
  useEffect(() => {
    storageEstimate().then(setEst, () => setEst(null));
  }, []);
  const low = lowSpace(est ?? null);
  const left = est ? Math.max(0, est.quota - est.usage) : 0;
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        存储
      </Title>
      <Stack gap="xs">
        {persisted === true && (
          <Alert color="green">已获得持久存储：浏览器不会在空间紧张时自动清除本系统的数据。</Alert>
        )}
        {persisted === false && (
          <Alert color="orange">
            未获得持久存储：磁盘空间紧张时浏览器可能清除数据。请务必定期备份；桌面版不受此影响。
          </Alert>
        )}
        {persisted === null && <Alert color="gray">无法确认是否为持久存储。请定期备份。</Alert>}
        {est && (
          <>
            <Text size="sm">
              已用 {fmtBytes(est.usage)}，剩余 {fmtBytes(left)}（可用上限 {fmtBytes(est.quota)}）
            </Text>
            <Progress
              value={est.quota ? (est.usage / est.quota) * 100 : 0}
              color={low ? 'red' : 'blue'}
              aria-label="存储空间使用"
            />
          </>
        )}
        {est === null && <Text size="sm">无法读取存储空间。</Text>}
        {low && (
          <Alert color="red" title="存储空间不足">
            剩余空间不足500
            MB或不足10%。空间用尽时保存会失败（已保存的数据不受影响）。请清理磁盘、删除多余的旧备份文件，并先做一次备份。
          </Alert>
        )}
        <Table fz="sm" w="auto" withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td c="dimmed">软件版本</Table.Td>
              <Table.Td>{info?.version}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">运行方式</Table.Td>
              <Table.Td>{info ? (info.mode === 'desktop' ? '桌面版' : '浏览器') : ''}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">平台</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>{info?.platform}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">数据位置</Table.Td>
              <Table.Td>{info?.dataPath}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">数据库</Table.Td>
              <Table.Td>
                {databaseInfo().name}（数据版本 {databaseInfo().version}）
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {info?.mode === 'desktop' && (
          <Group>
            <Button variant="default" onClick={() => platform.openDataFolder().catch(notifyError)}>
              打开数据文件夹
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
