// The audit chain's head (the newest entry's number and hash), kept outside the database, in the
// browser profile's local storage. The hash chain alone finds an entry changed or removed in the
// middle, but not the newest entries removed from the end: the shorter chain is still a sound chain.
// Compared with this anchor, a missing tail is found too. Each database name has its own anchor
// (a restore fills a fresh database under a new name).
export type AuditHead = { seq: number; hash: string };

const PREFIX = 'xinfang.auditHead.';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // storage unavailable (tests, locked-down profile): no anchor, the chain alone
  }
}

function isHead(v: unknown): v is AuditHead {
  return (
    typeof v === 'object' && v !== null && Number.isInteger((v as AuditHead).seq) && (v as AuditHead).seq > 0 &&
    typeof (v as AuditHead).hash === 'string' && /^[0-9a-f]{64}$/.test((v as AuditHead).hash)
  );
}

export function readAuditAnchor(dbName: string): AuditHead | null {
  try {
    const v: unknown = JSON.parse(storage()?.getItem(PREFIX + dbName) ?? 'null');
    return isHead(v) ? v : null;
  } catch {
    return null;
  }
}

// Moves the anchor forward, and only along the chain: `from` is the hash the new entries link to.
// If that is not the noted head, entries after the head were removed before this write (or another
// window's note is still on its way): the anchor stays, so the verifier still finds the gap.
export function advanceAuditAnchor(dbName: string, head: AuditHead, from: string): void {
  const st = storage();
  if (!st) return;
  const current = readAuditAnchor(dbName);
  if (current && (current.seq >= head.seq || current.hash !== from)) return;
  try {
    st.setItem(PREFIX + dbName, JSON.stringify({ seq: head.seq, hash: head.hash }));
  } catch {
    // A full local storage must not fail the write that already committed; the chain still stands.
  }
}

// This computer's identity (its browser profile's, where the anchors are kept), noted in each backup's
// manifest: a restore on the computer that made the backup can then compare the backup's chain with
// the anchor noted here. Null where local storage is unavailable.
const INSTALL_KEY = 'xinfang.installId';
export function installId(): string | null {
  const st = storage();
  if (!st) return null;
  try {
    let id = st.getItem(INSTALL_KEY);
    if (!id) {
      id = crypto.randomUUID();
      st.setItem(INSTALL_KEY, id);
    }
    return id;
  } catch {
    return null;
  }
}

// Set after a restore (the restored chain's verified head) and when a database is thrown away.
export function setAuditAnchor(dbName: string, head: AuditHead | null): void {
  const st = storage();
  if (!st) return;
  try {
    if (head) st.setItem(PREFIX + dbName, JSON.stringify({ seq: head.seq, hash: head.hash }));
    else st.removeItem(PREFIX + dbName);
  } catch {
    // as above
  }
}
