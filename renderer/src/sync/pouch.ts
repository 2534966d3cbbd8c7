// The part of PouchDB's API the bridge uses (pouchdb-browser ships no types). The app loads
// pouchdb-browser only when sync is on (engine.ts); the tests pass pouchdb-core with the memory adapter.
export type PouchDoc = {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _attachments?: Record<string, PouchAttachment>;
  [k: string]: unknown;
};
// A document's attachment: written with its bytes (data); read back as a stub (its digest and
// length) unless asked for with `attachments: true` (and `binary: true`: bytes, not base64).
export type PouchAttachment = {
  content_type: string;
  data?: unknown;
  stub?: boolean;
  digest?: string;
  length?: number;
};

export type PouchResult = {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  status?: number;
};

export type PouchRevisions = { start: number; ids: string[] };

export type PouchChanges = {
  results: { id: string; seq: number | string; doc?: PouchDoc; deleted?: boolean }[];
  last_seq: number | string;
};

export type Emitter = {
  on(event: string, fn: (arg?: unknown) => void): Emitter;
  cancel(): void;
};

// sync(): both directions' replications are there too (each tells its own failed requests)
export type SyncEmitter = Emitter & { push: Emitter; pull: Emitter };

export type ReplicationOptions = {
  live?: boolean;
  retry?: boolean;
  batch_size?: number;
  back_off_function?: (delay: number) => number;
  // the documents this replication moves (run by PouchDB on each changed document)
  filter?: (doc: PouchDoc) => boolean;
};

export type PouchDb = {
  name: string;
  allDocs(opts: { keys: string[] }): Promise<{
    rows: { key: string; value?: { rev: string; deleted?: boolean }; error?: string }[];
  }>;
  bulkDocs(docs: PouchDoc[]): Promise<PouchResult[]>;
  // rev: that revision (a conflict's losing one); conflicts: the doc's _conflicts with it;
  // attachments + binary: the attachments' bytes (attachmentBlob) instead of stubs
  get(
    id: string,
    opts?: { rev?: string; conflicts?: boolean; attachments?: boolean; binary?: boolean },
  ): Promise<PouchDoc>;
  // every leaf revision (deleted ones too), each with its history
  get(
    id: string,
    opts: { open_revs: 'all'; revs: true },
  ): Promise<{ ok?: PouchDoc & { _revisions?: PouchRevisions } }[]>;
  changes(opts: {
    since: number | string;
    include_docs?: boolean;
    conflicts?: boolean;
    limit?: number;
  }): Promise<PouchChanges>;
  changes(opts: { since: 'now'; live: true }): Emitter;
  sync(remote: PouchDb, opts: ReplicationOptions & { push?: ReplicationOptions }): SyncEmitter;
  replicate: { to(remote: PouchDb, opts: ReplicationOptions): Emitter };
  // doc_count: the documents it holds (a joining PC's catch-up, sync/join.ts)
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  close(): Promise<void>;
  destroy(): Promise<void>;
};

export type PouchCtor = new (name: string, opts?: Record<string, unknown>) => PouchDb;

// An attachment's bytes as PouchDB takes them: the Blob itself in the browser (pouchdb-browser),
// a Buffer under Node (pouchdb-core in the unit tests), where PouchDB cannot read a Blob.
type NodeBuffer = { from(bytes: ArrayBuffer): Uint8Array };
const nodeBuffer =
  typeof document === 'undefined' ? (globalThis as { Buffer?: NodeBuffer }).Buffer : undefined;
export async function attachmentData(blob: Blob): Promise<Blob | Uint8Array> {
  return nodeBuffer ? nodeBuffer.from(await blob.arrayBuffer()) : blob;
}

// An attachment's bytes as `get(…, { attachments: true, binary: true })` gives them (a Blob in the
// browser, a Buffer under Node) as a Blob of the given type.
export function attachmentBlob(data: unknown, type: string): Blob {
  if (data instanceof Blob) return data.type === type ? data : data.slice(0, data.size, type);
  if (data instanceof Uint8Array) return new Blob([data as BlobPart], { type });
  throw new Error('同步：附件内容的格式无法识别');
}
