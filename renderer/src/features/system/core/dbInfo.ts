// The open database's name and data version (设置 › 存储, 备份与恢复).
import { db } from '../../../db/db';

export function databaseInfo(): { name: string; version: number } {
  return { name: db.name, version: db.verno };
}
