// Entry points for the benchmark (scripts/bench.mjs): a full backup to bytes and a full restore
// from them, with the same code paths as 系统 › 备份与恢复.
import { buildBackup } from './backup';
import type { ProgressFn } from './backup';
import { restoreBackup } from './restore';
import type { RestoreProgressFn, RestoreResult } from './restore';

export async function fullBackup(onProgress?: ProgressFn): Promise<Uint8Array> {
  return (await buildBackup(onProgress)).bytes;
}

export function fullRestore(
  data: Uint8Array | string,
  onProgress?: RestoreProgressFn,
): Promise<RestoreResult> {
  return restoreBackup(data, { onProgress });
}
