// Version 3 → 4: petitions gain nameKeys, the petitioner's name and its pinyin (full, initials,
// mixed) for the 姓名 search (features/petitions/core/text.ts builds them).
//
// The keys need pinyin-pro (~300 kB of dictionary), which the start-up bundle does not carry, and
// Dexie's upgrade transaction may await nothing but IndexedDB (loading a chunk would let it
// commit). So the upgrade itself only marks the keys as due (a settings row), and
// fillPetitionNameKeys — declared on db.on('ready'), which runs after every open and before any
// other read or write of the database — loads pinyin-pro (only when something is due) and fills
// the keys in batches of NAME_KEYS_BATCH cases by primary key, each batch one transaction with the
// mark moved to the last case done: memory stays one batch, and a fill cut short (the window
// closed) goes on from there at the next start. A backup restored from an older version is
// upgraded, and filled, the same way. The keys are derived, like the *terms index: no audit entry
// (backup/trail.ts does not compare them).
import type { Dexie, Transaction } from 'dexie';

export const NAME_KEYS_DUE = 'migration.petitionNameKeys';
export const NAME_KEYS_BATCH = 500;

type Row = { id: string; name?: string; nameKeys?: string[] };

export async function migration0030(tx: Transaction): Promise<void> {
  if ((await tx.table('petitions').count()) === 0) return;
  await tx
    .table('settings')
    .put({ id: NAME_KEYS_DUE, value: '', updatedAt: new Date().toISOString(), updatedBy: 'system' });
}

export async function fillPetitionNameKeys(d: Dexie): Promise<void> {
  const settings = d.table('settings');
  const due = (await settings.get(NAME_KEYS_DUE)) as { value: string } | undefined;
  if (!due) return;
  const { petitionNameKeys } = await import('../../features/petitions/core/pinyinKeys');
  const petitions = d.table('petitions');
  let after = due.value;
  for (;;) {
    const done = await d.transaction('rw', petitions, settings, async () => {
      const rows = (await (after ? petitions.where(':id').above(after) : petitions.toCollection())
        .limit(NAME_KEYS_BATCH)
        .toArray()) as Row[];
      for (const r of rows) r.nameKeys = petitionNameKeys(r.name ?? '');
      await petitions.bulkPut(rows);
      if (rows.length < NAME_KEYS_BATCH) {
        await settings.delete(NAME_KEYS_DUE);
        return true;
      }
      after = rows[rows.length - 1].id;
      await settings.update(NAME_KEYS_DUE, { value: after });
      return false;
    });
    if (done) return;
  }
}
