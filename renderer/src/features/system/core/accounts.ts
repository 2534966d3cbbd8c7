// An account as the screens and the to-dos read it (light: loaded at start-up).
import { db } from '../../../db/db';
import { getLive } from '../../../db/live';
import type { Account } from '../../../db/schema/core';

export async function getAccount(accountId: string): Promise<Account | undefined> {
  return getLive(db.accounts, accountId);
}
