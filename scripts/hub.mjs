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
// _design/xinfang refuses illegal approvals), on the writes PouchDB makes (_bulk_docs, a document's
// PUT). Not express-pouchdb's validation module: it checks a replicated revision against the
// current one instead of the revision it descends from, and stores it under that one's history
// (an accepted replicated revision is lost, two PCs' offline edits never show as a conflict).
export async function startHub(port = 0, options = {}) {
  const MemoryPouch = PouchDB.plugin(adapterHttp)
    .plugin(adapterMemory)
    .plugin(replication)
    .defaults({ adapter: 'memory' });
  const app = expressPouchdb(MemoryPouch, {
    mode: 'minimumForPouchDB',
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
    if (options.validation) {
      validatedWrite(MemoryPouch, req, res).then(
        (handled) => handled || app(req, res),
        (e) => sendJson(res, 500, { error: 'unknown_error', reason: String(e?.message ?? e) }),
      );
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

function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

// POST /db/_bulk_docs and PUT /db/docid, each document checked by the design documents'
// validate_doc_update before it is written; resolves to false for every other request (left to
// express-pouchdb). The answers are CouchDB's: a refused document in _bulk_docs is
// { id, rev, error: 'forbidden', reason } (new_edits=false: only the refused ones are listed), a
// refused PUT is 403 { error, reason }.
async function validatedWrite(Pouch, req, res) {
  const parts = new URL(req.url, 'http://hub').pathname.split('/').filter(Boolean);
  const bulk = req.method === 'POST' && parts.length === 2 && parts[1] === '_bulk_docs';
  const put = req.method === 'PUT' && parts.length === 2 && !parts[1].startsWith('_');
  if (!bulk && !put) return false;
  const db = new Pouch(decodeURIComponent(parts[0]));
  const body = await readJson(req);
  const newEdits = !(bulk && body.new_edits === false);
  const docs = bulk ? (body.docs ?? []) : [{ ...body, _id: decodeURIComponent(parts[1]) }];
  const validators = await validatorsOf(db);
  const refused = new Map();
  for (const doc of docs) {
    const refusal = await refusalOf(db, validators, doc, newEdits);
    if (refusal) refused.set(doc, refusal);
  }
  const accepted = docs.filter((d) => !refused.has(d));
  const written = accepted.length ? await db.bulkDocs(accepted, { new_edits: newEdits }) : [];
  const answer = (r) =>
    r.error
      ? { id: r.id, error: r.name ?? r.error, reason: r.message ?? r.reason }
      : { ok: true, id: r.id, rev: r.rev };
  if (put) {
    const r = refused.get(docs[0]) ?? answer(written[0]);
    const status = r.error === 'forbidden' ? 403 : r.error === 'unauthorized' ? 401 : r.error ? 409 : 201;
    sendJson(res, status, r);
    return true;
  }
  if (!newEdits) {
    sendJson(res, 201, [...refused.values(), ...written.filter((r) => r.error).map(answer)]);
    return true;
  }
  let i = 0;
  sendJson(
    res,
    201,
    docs.map((d) => refused.get(d) ?? answer(written[i++])),
  );
  return true;
}

async function validatorsOf(db) {
  const designs = await db.allDocs({ startkey: '_design/', endkey: '_design0', include_docs: true });
  return designs.rows
    .map((r) => r.doc?.validate_doc_update)
    .filter((code) => typeof code === 'string')
    .map((code) => new Function(`return (${code})`)());
}

// CouchDB's old document: for an edit, the revision it names; for a replicated revision, the
// nearest of its ancestors the hub holds (none: a new document). A revision the hub already holds
// is not checked again.
async function refusalOf(db, validators, doc, newEdits) {
  if (validators.length === 0 || String(doc._id).startsWith('_')) return null;
  const get = (rev) => db.get(doc._id, { rev }).catch(() => null);
  let oldDoc = null;
  let rev = doc._rev;
  if (newEdits) oldDoc = doc._rev ? await get(doc._rev) : null;
  else {
    const h = doc._revisions ?? {
      start: Number(String(doc._rev).split('-')[0]),
      ids: [String(doc._rev).split('-')[1]],
    };
    const revs = h.ids.map((id, i) => `${h.start - i}-${id}`);
    rev = revs[0];
    if (await get(rev)) return null;
    for (const r of revs.slice(1)) if ((oldDoc = await get(r))) break;
  }
  const userCtx = { db: db.name, name: null, roles: ['_admin'] };
  try {
    for (const validate of validators) validate(doc, oldDoc, userCtx, {});
    return null;
  } catch (e) {
    const error = e && e.unauthorized !== undefined ? 'unauthorized' : 'forbidden';
    const reason = e?.[error] ?? String(e?.message ?? e);
    return { id: doc._id, ...(rev && !newEdits ? { rev } : {}), error, reason };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const hub = await startHub(Number(process.argv[2] ?? 5984));
  console.log(`测试用同步中心已启动：${hub.url}（仅本机，数据不落盘；Ctrl+C 停止）`);
}
