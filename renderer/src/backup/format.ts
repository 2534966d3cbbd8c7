// The backup file: one JSON document, laid out one record per line so that both writing and
// reading can go page by page instead of building (or parsing) one giant string.
//
//   {"format":"xinfang-backup","manifest":{…},"data":⏎
//   {⏎
//   "accounts":[⏎
//   {…record…}⏎
//   ,{…record…}⏎
//   ],⏎
//   …⏎
//   "units":[⏎
//   ]⏎
//   }⏎
//   }⏎
//
// The "data part" is the bytes from the line after the header up to (not including) the final
// "\n}\n"; the manifest carries its length and SHA-256, so a truncated or altered file is found
// before anything is written. Values IndexedDB holds that JSON cannot (Blob, Date, bytes) are
// tagged objects {"$t": …}.
import { backupFileName as sharedBackupFileName } from '../../../shared/backup-name';
import { now } from '../db/clock';

export const BACKUP_FORMAT = 'xinfang-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_APP = 'xinfang-office';
export const BACKUP_APP_TITLE = '信访局机关事务管理系统';

// One name pattern with the Electron side, which prunes by it (shared/backup-name.ts).
export { BACKUP_FILE_PATTERN } from '../../../shared/backup-name';

export const HEADER_PREFIX = `{"format":"${BACKUP_FORMAT}","manifest":`;
export const HEADER_SUFFIX = ',"data":';
export const FOOTER = '\n}\n';

export type BackupManifest = {
  app: string;
  appTitle: string;
  formatVersion: number;
  schemaVersion: number;
  createdAt: string; // ISO timestamp
  unitName: string;
  tables: string[]; // in file order
  counts: Record<string, number>;
  stores: Record<string, string>; // Dexie store specs of the schema the backup was made with
  dataBytes: number;
  sha256: string; // hex, of the data part
  // The audit chain's newest entry when the backup was made (absent in older backups and in a
  // database with no audit entries): the restored chain must end exactly there.
  auditHead?: { seq: number; hash: string };
  // Where the backup was made: the computer (auditAnchor.ts installId) and its database. A restore
  // on that computer compares the backup's chain with the anchor and the audit trail kept there.
  origin?: { installId: string; dbName: string };
};

// xinfang-backup-YYYYMMDD-HHmmss.json in local time.
export function backupFileName(at: Date = now()): string {
  return sharedBackupFileName(at);
}

// ---- base64 without building arrays of numbers ----

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(s);
}

export function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function toHex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

// ---- values ----

type Tagged =
  | { $t: 'blob'; type: string; b64: string }
  | { $t: 'date'; v: string | null }
  | { $t: 'ab'; b64: string }
  | { $t: 'u8'; b64: string }
  | { $t: 'obj'; v: Record<string, unknown> };

function isSpecial(v: object): boolean {
  return v instanceof Blob || v instanceof Date || v instanceof ArrayBuffer || ArrayBuffer.isView(v);
}

// True when the value holds a Blob somewhere (its bytes can only be read asynchronously).
export function hasBlob(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (v instanceof Blob) return true;
  if (isSpecial(v)) return false;
  if (Array.isArray(v)) return v.some(hasBlob);
  for (const k in v) if (hasBlob((v as Record<string, unknown>)[k])) return true;
  return false;
}

export function collectBlobs(v: unknown, out: Blob[]): Blob[] {
  if (v === null || typeof v !== 'object') return out;
  if (v instanceof Blob) out.push(v);
  else if (Array.isArray(v)) for (const x of v) collectBlobs(x, out);
  else if (!isSpecial(v)) for (const k in v) collectBlobs((v as Record<string, unknown>)[k], out);
  return out;
}

// Turns a stored value into plain JSON. Blobs must have been read beforehand (blobText).
// Whether a value is plain JSON data — no Blob, Date, binary, class instance or "$t" key anywhere in
// it — so that JSON.stringify writes it exactly as encodeValue would, without copying it first
// (nearly every record; the backup then spends its time reading, not copying).
export function isPlainJson(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return typeof v !== 'bigint';
  // The common values (strings, numbers, booleans, null) are passed over without a call, and keys
  // are walked with for…in (no array of them per object): ten years of records hold millions of
  // values, 5 million of them the search bigrams' strings — this check took 3× as long before.
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' || x === null) continue;
      if (!isPlainJson(x)) return false;
    }
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k in v) {
    if (k === '$t') return false;
    const x: unknown = (v as Record<string, unknown>)[k];
    if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' || x === null) continue;
    if (!isPlainJson(x)) return false;
  }
  return true;
}

export function encodeValue(v: unknown, blobText?: Map<Blob, string>): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Blob) {
    const b64 = blobText?.get(v);
    if (b64 === undefined) throw new Error('blob not read');
    return { $t: 'blob', type: v.type, b64 } satisfies Tagged;
  }
  if (v instanceof Date)
    return { $t: 'date', v: Number.isNaN(v.getTime()) ? null : v.toISOString() } satisfies Tagged;
  if (v instanceof ArrayBuffer) return { $t: 'ab', b64: bytesToBase64(new Uint8Array(v)) } satisfies Tagged;
  if (ArrayBuffer.isView(v)) {
    return {
      $t: 'u8',
      b64: bytesToBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)),
    } satisfies Tagged;
  }
  if (Array.isArray(v)) return v.map((x) => encodeValue(x, blobText));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = encodeValue(x, blobText);
  }
  // A record of our own that happens to have a "$t" key is wrapped so it is not read as a tag.
  return '$t' in out ? ({ $t: 'obj', v: out } satisfies Tagged) : out;
}

export function decodeValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decodeValue);
  const o = v as Record<string, unknown>;
  if (typeof o.$t === 'string') {
    const t = o as Tagged;
    switch (t.$t) {
      case 'blob':
        return new Blob([base64ToBytes(t.b64) as BlobPart], { type: t.type });
      case 'date':
        return new Date(t.v ?? NaN);
      case 'ab': {
        const b = base64ToBytes(t.b64);
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
      }
      case 'u8':
        return base64ToBytes(t.b64);
      case 'obj':
        return decodePlain(t.v);
      default:
        throw new Error(`unknown tag ${String(o.$t)}`);
    }
  }
  return decodePlain(o);
}

function decodePlain(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = decodeValue(o[k]);
  return out;
}

// ---- store specs ----

// The primary key path of a Dexie store spec ('++seq, at' → 'seq'; '[a+b], c' → ['a','b']).
export function primKeyPath(spec: string): string | string[] {
  const first = spec
    .split(',')[0]
    .trim()
    .replace(/^(\+\+|&|\*)+/, '');
  if (first.startsWith('[') && first.endsWith(']'))
    return first
      .slice(1, -1)
      .split('+')
      .map((s) => s.trim());
  return first;
}

export function keyOf(record: Record<string, unknown>, path: string | string[]): unknown {
  return Array.isArray(path) ? path.map((p) => getPath(record, p)) : getPath(record, path);
}

function getPath(o: Record<string, unknown>, path: string): unknown {
  let cur: unknown = o;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
