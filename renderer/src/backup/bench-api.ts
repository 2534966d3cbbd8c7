// Entry points for the benchmark (scripts/bench.mjs): a full backup to bytes and a full restore
// from them, with the same code paths as 系统 › 备份与恢复.
import { buildBackup } from './backup';
import type { ProgressFn } from './backup';
import { inspectBackup, restoreBackup } from './restore';
import type { RestoreProgressFn, RestoreResult } from './restore';

export async function fullBackup(onProgress?: ProgressFn): Promise<Uint8Array> {
  return (await buildBackup(onProgress)).bytes;
}

// acceptFindings: the key of the trail findings the admin accepted (see backupFindingsKey).
export function fullRestore(
  data: Uint8Array | string,
  onProgress?: RestoreProgressFn,
  acceptFindings?: string,
): Promise<RestoreResult> {
  return restoreBackup(data, { onProgress, acceptFindings });
}

// The bench's generated data skips audit entries for its bulk tables, so its backup's records do not
// all match the trail: the restore needs the admin's acceptance of those findings (checked untimed).
export async function backupFindingsKey(data: Uint8Array | string): Promise<string | undefined> {
  const { trail } = await inspectBackup(data);
  return trail.findingCount > 0 ? trail.findingsKey : undefined;
}
