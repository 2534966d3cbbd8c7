// The part of PouchDB's API the bridge uses (pouchdb-browser ships no types). The app loads
// pouchdb-browser only when sync is on (engine.ts); the tests pass pouchdb-core with the memory adapter.
export type PouchDoc = { _id: string; _rev?: string; _deleted?: boolean; [k: string]: unknown };
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

export type PouchDb = {
  name: string;
  allDocs(opts: { keys: string[] }): Promise<{
    rows: { key: string; value?: { rev: string; deleted?: boolean }; error?: string }[];
  }>;
  bulkDocs(docs: PouchDoc[]): Promise<PouchResult[]>;
  // rev: that revision (a conflict's losing one); conflicts: the doc's _conflicts with it
  get(id: string, opts?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
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
  sync(
    remote: PouchDb,
    opts: {
      live: boolean;
      retry: boolean;
      batch_size?: number;
      back_off_function?: (delay: number) => number;
    },
  ): Emitter;
  close(): Promise<void>;
};

export type PouchCtor = new (name: string, opts?: Record<string, unknown>) => PouchDb;
