// 备份与恢复 as the screen calls it: the same backup and restore as renderer/src/backup, behind
// the 备份与恢复 permission, with the restore recorded in the (restored) audit trail.
import type { BackupProgress } from '../../../backup/backup';
import type { CheckedBackup, RestoreProgress, RestoreResult } from '../../../backup/restore';
import { LAST_BACKUP_KEY, lastBackup, runBackup } from '../../../backup/schedule';
import type { BackupDone, LastBackup } from '../../../backup/schedule';
import { DomainError, logEvent } from '../../../db/repo';
import { setSetting } from '../../../db/settings';
import { tableLabel } from '../../../db/tableLabels';

import { requireSession } from './access';

export async function manualBackup(onProgress?: (p: BackupProgress) => void): Promise<BackupDone> {
  const actor = await requireSession('system.backup', '备份数据');
  return runBackup(actor, { onProgress });
}

export async function checkBackupFile(
  file: Blob,
  onProgress?: (done: number, total: number) => void,
): Promise<CheckedBackup> {
  await requireSession('system.backup', '检查备份文件');
  const { inspectBackup } = await import('../../../backup/restore');
  return inspectBackup(file, undefined, { onProgress });
}

// acceptFindings: the findingsKey of the check the admin saw, when the records do not match their
// audit trail and the admin ticked 仍要恢复 — the restore is refused otherwise.
export async function restoreFromFile(
  file: Blob,
  fileName: string,
  onProgress?: (p: RestoreProgress) => void,
  acceptFindings?: string,
): Promise<RestoreResult> {
  const actor = await requireSession('system.backup', '从备份恢复');
  const { restoreBackup } = await import('../../../backup/restore');
  const result = await restoreBackup(file, { onProgress, acceptFindings });
  // The restored data was last backed up when this file was made (its own record of it predates it).
  const last = await lastBackup();
  if (!last || last.at < result.manifest.createdAt) {
    await setSetting(
      LAST_BACKUP_KEY,
      {
        at: result.manifest.createdAt,
        fileName,
        path: fileName,
        bytes: file.size,
        auto: false,
        removed: 0,
      } satisfies LastBackup,
      actor,
    );
  }
  const { trail } = result;
  const summary = result.accepted
    ? `从备份恢复：管理员已知悉备份与审计记录有 ${trail.findingCount} 处不符，仍要恢复（备份时间 ${result.manifest.createdAt}）：${trail.findings
        .slice(0, 3)
        .map(
          (f) =>
            `${tableLabel(f.table)} ${f.label ?? f.recordId} ${f.kind === 'missing' ? '缺失' : f.kind === 'changed' ? '被改动' : '审计链末端不符'}`,
        )
        .join('；')}${trail.findingCount > 3 ? '……' : ''}`
    : `从备份恢复（备份时间 ${result.manifest.createdAt}，审计链完整，记录与审计记录一致）`;
  await logEvent('backup', fileName, summary, actor, {
    counts: result.manifest.counts,
    chain: result.chain,
    previousDb: result.previousDbName,
    local: trail.local,
    compared: trail.compared,
    accepted: result.accepted,
    findingCount: trail.findingCount,
    findings: trail.findings,
  });
  return result;
}

// Back to the data as it was before the last restore; each database's own audit trail records the switch.
export async function switchBackToPrevious(): Promise<{ dbName: string; previousDbName: string }> {
  const actor = await requireSession('system.backup', '切换到恢复前的数据');
  const { keptPreviousDb, switchToPreviousDb } = await import('../../../backup/restore');
  const prev = await keptPreviousDb();
  if (!prev) throw new DomainError('本机没有保留恢复前的数据，无法切换');
  await logEvent('backup', prev, '切换到恢复前保留的数据', actor);
  const r = await switchToPreviousDb();
  await logEvent('backup', r.previousDbName, '由恢复后的数据切换回本数据（恢复前保留的数据）', actor);
  return r;
}
