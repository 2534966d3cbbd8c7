import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Progress,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

import type { AppInfo, BackupFile } from '../../../../../shared/ipc';
import { useSession } from '../../../auth/session';
import type { BackupProgress } from '../../../backup/backup';
import type { CheckedBackup, RestoreProgress, RestoreResult, TrailCheck } from '../../../backup/restore';
import { lastBackup, useBackupStatus } from '../../../backup/schedule';
import type { BackupDone } from '../../../backup/schedule';
import { ConfirmButton } from '../../../components/Confirm';
import { fmtTime } from '../../../components/dates';
import { errorMessage, notifyError, notifyOk } from '../../../components/notify';
import { tableLabel } from '../../../db/tableLabels';
import { platform } from '../../../platform';
import { checkBackupFile, manualBackup, restoreFromFile, switchBackToPrevious } from '../core/backup';
import { databaseInfo, fmtBytes } from '../core/format';

const pct = (p: { done: number; total: number } | null) =>
  p && p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0;

export function BackupTab() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    platform.appInfo().then(setInfo, () => undefined);
  }, []);
  return (
    <Stack>
      <BackupCard desktop={info?.mode === 'desktop'} />
      <RestoreCard />
      <PreviousDataCard />
    </Stack>
  );
}

function BackupCard({ desktop }: { desktop: boolean }) {
  const last = useLiveQuery(lastBackup, []);
  const status = useBackupStatus();
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [done, setDone] = useState<BackupDone | null>(null);
  const [files, setFiles] = useState<{ folder: string; files: BackupFile[] } | null>(null);
  const refreshFiles = () => {
    if (desktop) platform.listBackups().then(setFiles, () => setFiles(null));
  };
  useEffect(refreshFiles, [desktop]);
  const busy = status.running;
  const shown = busy ? (status.progress ?? progress) : null;

  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        备份
      </Title>
      <Stack gap="xs">
        <Text size="sm">
          备份包含全部数据（所有记录、附件和审计日志），保存为一个文件（xinfang-backup-日期-时间.json），带校验码，可在本机或另一台电脑上恢复。
        </Text>
        <Text size="sm" c="dimmed">
          {desktop
            ? '桌面版每天自动备份一次（启动时及此后每24小时），保存到备份文件夹，旧备份按“近30天全部保留、更早的每月保留一份”自动清理。'
            : '浏览器模式下不会自动备份：请定期点击“立即备份”，文件会下载到浏览器的下载文件夹，并另存到U盘等其他介质。'}
        </Text>
        <Text size="sm">
          上次备份：
          {last ? (
            <>
              {fmtTime(last.at)}（{last.auto ? '自动' : '手动'}，{last.fileName}，{fmtBytes(last.bytes)}）
            </>
          ) : (
            '从未备份'
          )}
        </Text>
        {status.lastError && !busy && <Alert color="red">上次自动备份失败：{status.lastError}</Alert>}
        <Group>
          <Button
            loading={busy}
            onClick={async () => {
              setDone(null);
              try {
                const r = await manualBackup(setProgress);
                setDone(r);
                notifyOk(`备份完成：${r.fileName}`);
                refreshFiles();
              } catch (e) {
                notifyError(e, '备份失败');
              } finally {
                setProgress(null);
              }
            }}
          >
            立即备份
          </Button>
          {busy && status.auto && <Text size="sm">自动备份进行中…</Text>}
        </Group>
        {shown && (
          <div>
            <Text size="xs" c="dimmed">
              {shown.message}（{shown.done}/{shown.total}）
            </Text>
            <Progress value={pct(shown)} animated aria-label="备份进度" />
          </div>
        )}
        {done && (
          <Alert color="green" title="备份完成">
            文件：{done.fileName}（{fmtBytes(done.bytes)}）
            {done.path && done.path !== done.fileName ? `，保存在 ${done.path}` : '，已下载'}
            {done.removed > 0 && `；按保留规则清理了 ${done.removed} 个旧备份`}
          </Alert>
        )}
        {desktop && files && (
          <>
            <Text size="sm" fw={500} mt="sm">
              备份文件夹：{files.folder}
            </Text>
            <Table fz="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>文件名</Table.Th>
                  <Table.Th>大小</Table.Th>
                  <Table.Th>时间</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {files.files.slice(0, 50).map((f) => (
                  <Table.Tr key={f.name}>
                    <Table.Td>{f.name}</Table.Td>
                    <Table.Td>{fmtBytes(f.size)}</Table.Td>
                    <Table.Td>{fmtTime(f.modifiedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}

function RestoreCard() {
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<CheckedBackup | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkProgress, setCheckProgress] = useState<{ done: number; total: number } | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [progress, setProgress] = useState<RestoreProgress | null>(null);
  const [result, setResult] = useState<RestoreResult | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  async function choose(f: File | null) {
    setFile(f);
    setChecked(null);
    setRefusal(null);
    setAcknowledged(false);
    if (!f) return;
    setChecking(true);
    setCheckProgress(null);
    try {
      setChecked(await checkBackupFile(f, (done, total) => setCheckProgress({ done, total })));
    } catch (e) {
      setRefusal(errorMessage(e));
    } finally {
      setChecking(false);
    }
  }

  const m = checked?.manifest;
  const trail = checked?.trail;
  const mismatched = !!trail && trail.findingCount > 0;
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        从备份恢复
      </Title>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          选择一个备份文件，系统先完整检查（格式、校验码、记录数、数据版本，并逐条核对记录与审计记录），检查通过后才能恢复。恢复写入一个新的数据库，全部写完后才切换过去；中途出错或断电，当前数据保持原样。
        </Text>
        <Group gap="sm">
          <input
            key={inputKey}
            ref={inputRef}
            id="restore-file"
            type="file"
            accept=".json,application/json"
            aria-label="选择备份文件"
            disabled={!!progress}
            onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
            style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
          />
          <Button variant="default" disabled={!!progress} onClick={() => inputRef.current?.click()}>
            选择备份文件…
          </Button>
          <Text size="sm" c={file ? undefined : 'dimmed'}>
            {file ? `${file.name}（${fmtBytes(file.size)}）` : '未选择文件'}
          </Text>
        </Group>
        {checking && (
          <Text size="sm">
            正在检查备份文件与审计记录…
            {checkProgress ? `（${checkProgress.done}/${checkProgress.total}）` : ''}
          </Text>
        )}
        {refusal && (
          <Alert color="red" title="不能用此文件恢复" role="alert">
            {refusal}
          </Alert>
        )}
        {m && (
          <Alert
            color={mismatched ? 'gray' : 'green'}
            title={mismatched ? '备份文件格式与校验码无误' : '备份文件检查通过'}
          >
            <div>单位：{m.unitName || '（未填写）'}</div>
            <div>备份时间：{fmtTime(m.createdAt)}</div>
            <div>
              数据版本：{m.schemaVersion}
              {m.schemaVersion < databaseInfo().version
                ? `（旧版本，恢复时自动升级到 ${databaseInfo().version}）`
                : ''}
            </div>
            <div>
              记录：共 {checked!.total} 条（
              {m.tables
                .filter((t) => m.counts[t] > 0)
                .sort((a, b) => m.counts[b] - m.counts[a])
                .slice(0, 8)
                .map((t) => `${tableLabel(t)} ${m.counts[t]}`)
                .join('，')}
              {m.tables.filter((t) => m.counts[t] > 0).length > 8 ? '……' : ''}）
            </div>
            {trail && !mismatched && (
              <div>
                审计链完整（{trail.chain.checked} 条审计记录），{trail.compared} 条记录与审计记录一致。
                {trail.local.note}
              </div>
            )}
          </Alert>
        )}
        {trail && mismatched && <TrailWarning trail={trail} />}
        {trail && mismatched && !progress && (
          <Checkbox
            color="red"
            checked={acknowledged}
            onChange={(e) => setAcknowledged(e.currentTarget.checked)}
            label={`我已知悉以上 ${trail.findingCount} 处不符，核实过备份来源，仍要恢复此备份（将记入审计日志）`}
          />
        )}
        {m && file && (
          <Group>
            <ConfirmButton
              color="red"
              disabled={!!progress || (mismatched && !acknowledged)}
              title="确认从备份恢复"
              confirmLabel="确定恢复"
              message={
                <>
                  将用备份“{file.name}”（{fmtTime(m.createdAt)}，{m.unitName}）中的全部数据
                  <b>替换本机当前的全部数据</b>
                  ：人员、账户、信访、考勤、公文等所有记录和审计日志都将变为备份时的内容，备份之后录入的数据将不再显示。恢复前的数据会保留一份副本（直到下一次恢复）。建议先点击“立即备份”保存当前数据。恢复完成后需要重新登录。
                  {mismatched && (
                    <Text c="red" fw={700} mt="xs" size="sm">
                      此备份与其审计记录有 {trail.findingCount}{' '}
                      处不符，您已确认仍要恢复；这些不符之处将记入审计日志。
                    </Text>
                  )}
                </>
              }
              onConfirm={async () => {
                setProgress({ phase: 'check', done: 0, total: 1, message: '正在检查备份文件' });
                try {
                  setResult(
                    await restoreFromFile(
                      file,
                      file.name,
                      setProgress,
                      mismatched ? trail.findingsKey : undefined,
                    ),
                  );
                } catch (e) {
                  notifyError(e, '恢复失败');
                } finally {
                  setProgress(null);
                  setInputKey((k) => k + 1);
                  setFile(null);
                  setChecked(null);
                }
              }}
            >
              恢复此备份
            </ConfirmButton>
          </Group>
        )}
        {progress && (
          <div>
            <Text size="xs" c="dimmed">
              {progress.message}（{progress.done}/{progress.total}）
            </Text>
            <Progress value={pct(progress)} animated aria-label="恢复进度" />
          </div>
        )}
      </Stack>
      {result && (
        <ReloginModal title="恢复完成">
          <Text size="sm">
            已恢复 {fmtTime(result.manifest.createdAt)} 的备份（{result.manifest.unitName}）。
          </Text>
          {result.accepted ? (
            <Alert color="red" title="已按管理员确认恢复：备份与审计记录不符">
              审计链本身完整（{result.chain.checked} 条），但有 {result.trail.findingCount}{' '}
              处记录与审计记录不符（见恢复前的提示）。您的确认和这些不符之处已记入审计日志，请核查该备份的来源。
            </Alert>
          ) : (
            <Alert color="green" title="审计链校验通过">
              共校验 {result.chain.checked} 条审计记录，没有发现改动或删除；{result.trail.compared}{' '}
              条记录与审计记录一致。
              {result.trail.local.note}
            </Alert>
          )}
        </ReloginModal>
      )}
    </Card>
  );
}

const KIND_LABEL = { missing: '记录缺失', changed: '内容被改动', head: '审计链末端不符' } as const;

// The records that do not match their audit trail: a prominent red list, before the admin may choose
// to restore anyway.
function TrailWarning({ trail }: { trail: TrailCheck }) {
  const listed = trail.findings.slice(0, 100);
  return (
    <Alert
      color="red"
      variant="filled"
      title={`警告：备份中的数据与其审计记录有 ${trail.findingCount} 处不符`}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">
          文件的格式和校验码都没有问题，但其中的记录与它自己的审计记录对不上：文件可能被人改动过（删除或修改了记录后重新计算了清单中的校验码）。请先核实这份备份的来源，最好换一份备份；确实需要时，可以在下方确认后仍然恢复。
        </Text>
        <ScrollArea.Autosize mah={260} type="auto">
          <Table fz="xs" withTableBorder bg="white" c="dark" aria-label="与审计记录不符之处">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>数据表</Table.Th>
                <Table.Th>记录</Table.Th>
                <Table.Th>不符</Table.Th>
                <Table.Th>说明</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {listed.map((f, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{tableLabel(f.table)}</Table.Td>
                  <Table.Td>
                    {f.label
                      ? `${f.label}（${f.recordId.slice(0, 8)}）`
                      : f.kind === 'head'
                        ? `第 ${f.recordId} 条`
                        : f.recordId}
                  </Table.Td>
                  <Table.Td>{KIND_LABEL[f.kind]}</Table.Td>
                  <Table.Td>{f.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {trail.findingCount > listed.length && (
          <Text size="sm">另有 {trail.findingCount - listed.length} 处未列出。</Text>
        )}
        <Text size="sm">{trail.local.note}</Text>
      </Stack>
    </Alert>
  );
}

// The data a restore replaced is kept once (until the next restore): it can be made the active data
// again, and the step taken back the same way.
function PreviousDataCard() {
  const [kept, setKept] = useState<string | null>(null);
  const [switched, setSwitched] = useState(false);
  useEffect(() => {
    import('../../../backup/restore').then((m) => m.keptPreviousDb()).then(setKept, () => setKept(null));
  }, []);
  if (!kept) return null;
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        恢复前的数据
      </Title>
      <Stack gap="xs">
        <Text size="sm">
          上一次恢复之前的数据仍完整保留在本机。如果恢复的备份不对，可以切换回恢复前的数据；切换后，现在的数据同样保留一份，可以再切换回来。两份数据都不会被删除或改动。
        </Text>
        <Group>
          <ConfirmButton
            color="orange"
            title="确认切换到恢复前的数据"
            confirmLabel="确定切换"
            message="将改用上一次恢复之前的数据：此后看到和录入的都是那一份数据。现在的数据保留一份，可以在这里再切换回来。切换完成后需要重新登录。"
            onConfirm={async () => {
              try {
                await switchBackToPrevious();
                setSwitched(true);
              } catch (e) {
                notifyError(e, '未能切换');
              }
            }}
          >
            切换回恢复前的数据
          </ConfirmButton>
        </Group>
      </Stack>
      {switched && (
        <ReloginModal title="已切换">
          <Text size="sm">已切换到恢复前的数据，请重新登录（用那份数据中的登录名和密码）。</Text>
        </ReloginModal>
      )}
    </Card>
  );
}

// After the active database changed (a restore, a switch back): what happened, then 重新登录 — the
// session belongs to the data that was active before.
function ReloginModal({ title, children }: { title: string; children: ReactNode }) {
  const signOut = useSession((s) => s.signOut);
  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      title={title}
      centered
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      <Stack>
        {children}
        <Button
          onClick={() => {
            signOut();
            window.location.hash = '';
            window.location.reload();
          }}
        >
          重新登录
        </Button>
      </Stack>
    </Modal>
  );
}
