// The name of a backup file, shared by the renderer (which names what it writes) and the main
// process (which prunes only files of exactly this shape): xinfang-backup-YYYYMMDD-HHmmss.json,
// in the local time of the PC that wrote it.
export const BACKUP_FILE_PATTERN = /^xinfang-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.json$/;

export function backupFileName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `xinfang-backup-${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}.json`;
}
