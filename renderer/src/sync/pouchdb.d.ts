// PouchDB's packages ship no types: the bridge types the part it uses in sync/pouch.ts.
declare module 'pouchdb-browser';
declare module 'pouchdb-core';
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
