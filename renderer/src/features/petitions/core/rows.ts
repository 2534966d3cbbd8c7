// Small helpers the petition reads share.
import type { Petition } from '../../../db/schema/petitions';

// newest received first, then the highest number
export const newestFirst = (a: Petition, b: Petition) =>
  b.receivedOn.localeCompare(a.receivedOn) || b.regNo.localeCompare(a.regNo);

export function clean(s: string | undefined): string {
  return (s ?? '').trim();
}
