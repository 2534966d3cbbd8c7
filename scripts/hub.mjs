// A CouchDB-compatible hub for tests and trying sync out on one machine: express-pouchdb over the
// memory adapter (nothing is kept when it stops), on loopback only. The real hub is Apache CouchDB
// (README, 多机同步). Run: node scripts/hub.mjs [port]
import { createServer } from 'node:http';

import expressPouchdb from 'express-pouchdb';
import adapterHttp from 'pouchdb-adapter-http';
import adapterMemory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';

// Starts a hub on 127.0.0.1; resolves to { url, close }. The app's database on it is 'xinfang'.
// options.validation: run design documents' validate_doc_update as CouchDB does (the app's
// _design/xinfang refuses illegal approvals). Off by default: express-pouchdb's validation module
// keeps a replicated conflicting revision from being stored as a conflict (two PCs' offline edits
// of one record then never show as a 同步冲突), which CouchDB itself does not do.
export async function startHub(port = 0, options = {}) {
  const MemoryPouch = PouchDB.plugin(adapterHttp)
    .plugin(adapterMemory)
    .plugin(replication)
    .defaults({ adapter: 'memory' });
  const app = expressPouchdb(MemoryPouch, {
    mode: 'minimumForPouchDB',
    ...(options.validation ? { overrideMode: { include: ['validation'] } } : {}),
    inMemoryConfig: true,
    logPath: false,
  });
  // The browser mode runs on another origin (its own port): CORS as CouchDB's [cors] section does
  // it (README: the hub's CORS settings). The desktop app needs none: its main process forwards.
  const server = createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS' && origin) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
      res.setHeader('Access-Control-Max-Age', '600');
      res.writeHead(204).end();
      return;
    }
    app(req, res);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    PouchDB: MemoryPouch,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const hub = await startHub(Number(process.argv[2] ?? 5984));
  console.log(`测试用同步中心已启动：${hub.url}（仅本机，数据不落盘；Ctrl+C 停止）`);
}
