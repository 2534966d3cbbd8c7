// This PC's sync configuration: 系统 › 多机同步. The hub's address, account and this PC's name are
// an audited setting; the password is kept in syncState (not in the audit trail). The accounts on
// the hub are per PC, not per person.
import { defineCommand } from '../db/command';
import { db } from '../db/db';
import { DomainError, newId } from '../db/repo';
import type { Actor } from '../db/repo';
import { setSetting } from '../db/settings';

import { forgetHub, hubAccess } from './hubAccess';
import type { HubAccess } from './hubAccess';
import { readSyncConfig, setOutboxEnabled, SYNC_SETTING } from './outbox';
import type { SyncConfig } from './outbox';

export type SyncForm = { hubUrl: string; user: string; password: string; pcName: string };

export const HUB_DB = 'xinfang';
export const PASSWORD_KEY = 'password';
export const PC_ID_KEY = 'pcId';
export const SEEDED_KEY = 'seeded';

export const SYNC_REFUSALS = {
  hubUrl: '同步中心地址应为 http://地址:端口，例如 http://192.168.1.10:5984',
  pcName: '请填写本机名称（审计日志中显示，例如 办公室一号机）',
  // 加入已有单位 (sync/join.ts): the hub holds no office to join
  nothingToJoin:
    '同步中心上还没有任何单位的数据，没有可加入的单位。如果这是本单位的第一台电脑，请选择“新建单位”，完成后在 系统 › 多机同步 中开启同步。',
};

// The sync set-up's fields as 系统 › 多机同步 and the first run's 加入已有单位 name them.
export const SYNC_FIELD_LABELS = {
  hubUrl: '同步中心地址',
  hubUrlPlaceholder: 'http://192.168.1.10:5984',
  user: '用户名',
  password: '密码',
  pcName: '本机名称',
  pcNameHint: '在审计日志中显示，例如：办公室一号机',
  test: '测试连接',
} as const;

// The hub's origin (http://host:port), or a refusal at the field.
export function normaliseHubUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new DomainError(SYNC_REFUSALS.hubUrl, 'hubUrl');
  }
  const plainPath = url.pathname === '/' || url.pathname === '';
  if (
    !['http:', 'https:'].includes(url.protocol) ||
    url.username ||
    url.password ||
    !plainPath ||
    url.search ||
    url.hash
  )
    throw new DomainError(SYNC_REFUSALS.hubUrl, 'hubUrl');
  return url.origin;
}

// This PC's local PouchDB (the engine's replica of the hub), named after the database.
export function localPouchName(): string {
  return `${db.name}-sync`;
}

export function hubDbUrl(hubUrl: string): string {
  return `${normaliseHubUrl(hubUrl)}/${HUB_DB}`;
}

// The fields a PC needs to switch sync on (refusals at the field).
export function checkSyncForm(form: SyncForm): void {
  normaliseHubUrl(form.hubUrl);
  if (!form.pcName.trim()) throw new DomainError(SYNC_REFUSALS.pcName, 'pcName');
}

// Inside a command's transaction over settings and syncState: this PC's sync set-up as an audited
// setting (summary: what the audit trail says, by default 开启/关闭多机同步), the password kept in
// syncState (a blank password keeps the one kept), and this PC's id made once.
export async function writeSyncConfig(
  form: SyncForm,
  on: boolean,
  actor: Actor,
  summary?: (config: SyncConfig) => string,
): Promise<SyncConfig> {
  const config: SyncConfig = {
    enabled: on,
    hubUrl: form.hubUrl.trim() ? normaliseHubUrl(form.hubUrl) : '',
    user: form.user.trim(),
    pcName: form.pcName.trim(),
  };
  const said = summary?.(config) ?? (on ? `开启多机同步（本机：${config.pcName}）` : '关闭多机同步');
  await setSetting(SYNC_SETTING, config, actor, said);
  if (form.password) await db.syncState.put({ id: PASSWORD_KEY, value: form.password });
  if (!(await db.syncState.get(PC_ID_KEY))) await db.syncState.put({ id: PC_ID_KEY, value: newId() });
  return config;
}

// Saves the configuration and switches sync on or off (a blank password keeps the one kept).
export const saveSyncConfig = defineCommand({
  what: '设置多机同步',
  perm: 'system.settings',
  tables: (d) => [d.settings, d.syncState],
  validate: (form: SyncForm, on: boolean) => {
    if (on) checkSyncForm(form);
  },
  run: async (ctx, form: SyncForm, on: boolean): Promise<SyncConfig> => writeSyncConfig(form, on, ctx.actor),
});

export async function syncPassword(): Promise<string> {
  return ((await db.syncState.get(PASSWORD_KEY))?.value as string | undefined) ?? '';
}

export async function pcId(): Promise<string> {
  return (await db.syncState.get(PC_ID_KEY))?.value as string;
}

function basicAuth(user: string, password: string): Record<string, string> {
  if (!user) return {};
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return { Authorization: `Basic ${btoa(String.fromCharCode(...bytes))}` };
}

// ok: the hub answers; hubDocs: how many documents its database holds (the catch-up's measure);
// nothingToJoin: the hub holds no office (加入已有单位 offers 新建单位 instead).
export type ConnectionReport = { ok: boolean; message: string; hubDocs?: number; nothingToJoin?: boolean };

// 测试连接: the hub answers as CouchDB, the account is accepted, the app's database is there (it
// is created if the account may). forJoin (加入已有单位): the database must be there already and
// hold the office's accounts — nothing is created.
export async function testConnection(form: SyncForm, forJoin = false): Promise<ConnectionReport> {
  const base = normaliseHubUrl(form.hubUrl);
  try {
    return await checkHub(form, base, forJoin);
  } finally {
    await backToHubInUse(base);
  }
}

const NOTHING_TO_JOIN: ConnectionReport = {
  ok: false,
  nothingToJoin: true,
  message: SYNC_REFUSALS.nothingToJoin,
};

async function checkHub(form: SyncForm, base: string, forJoin: boolean): Promise<ConnectionReport> {
  const password = form.password || (await syncPassword());
  const headers = { Accept: 'application/json', ...basicAuth(form.user.trim(), password) };
  // the desktop app goes through its main process (sync/hubAccess.ts), the browser mode directly
  let hub: HubAccess;
  try {
    hub = await hubAccess(base);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  const call = async (url: string, method = 'GET') => {
    try {
      return await hub.fetch(url, { method, headers, credentials: 'omit' });
    } catch {
      return null;
    }
  };
  const root = await call(`${base}/`);
  if (!root)
    return { ok: false, message: '连不上同步中心：请检查地址、网络和防火墙（以及本机是否允许连接该地址）' };
  if (root.status === 401) return { ok: false, message: '用户名或密码不正确' };
  // CouchDB says {"couchdb":"Welcome"}; the test hub (express-pouchdb) {"express-pouchdb":"Welcome!"}
  const body = (await root.json().catch(() => ({}))) as Record<string, unknown>;
  if (!root.ok || !(body.couchdb || body['express-pouchdb']))
    return { ok: false, message: '该地址不是 CouchDB 同步中心' };
  let dbRes = await call(`${base}/${HUB_DB}`);
  if (dbRes?.status === 404 && forJoin) return NOTHING_TO_JOIN;
  if (dbRes?.status === 404) {
    const made = await call(`${base}/${HUB_DB}`, 'PUT');
    if (!made?.ok) return { ok: false, message: '同步中心上没有本系统的数据库，且该账户无权创建' };
    dbRes = await call(`${base}/${HUB_DB}`);
  }
  if (dbRes?.status === 401 || dbRes?.status === 403)
    return { ok: false, message: '用户名或密码不正确，或该账户无权使用同步数据库' };
  if (!dbRes?.ok) return { ok: false, message: `同步中心返回错误（${dbRes?.status ?? '无响应'}）` };
  const info = (await dbRes.json().catch(() => ({}))) as { doc_count?: number };
  const hubDocs = typeof info.doc_count === 'number' ? info.doc_count : undefined;
  if (!forJoin) return { ok: true, message: '连接成功', hubDocs };
  // an office to join: its accounts are there (the people sign in with them once they arrive)
  const range = new URLSearchParams({
    startkey: JSON.stringify('accounts:'),
    endkey: JSON.stringify('accounts:\uffff'),
    limit: '1',
  });
  const accounts = await call(`${base}/${HUB_DB}/_all_docs?${range}`);
  if (!accounts?.ok) return { ok: false, message: `同步中心返回错误（${accounts?.status ?? '无响应'}）` };
  const { rows } = (await accounts.json().catch(() => ({ rows: [] }))) as { rows?: unknown[] };
  if (!rows?.length) return NOTHING_TO_JOIN;
  return {
    ok: true,
    hubDocs,
    message: `连接成功：同步中心上已有本单位的数据${hubDocs ? `（${hubDocs} 条）` : ''}，可以加入`,
  };
}

// 测试连接 of another address while sync runs: the desktop app's main process goes back to the
// hub in use (the running engine's requests were refused meanwhile, not sent to the other hub).
async function backToHubInUse(tested: string): Promise<void> {
  const config = await readSyncConfig();
  if (config.enabled && config.hubUrl && config.hubUrl !== tested)
    await hubAccess(normaliseHubUrl(config.hubUrl)).catch(() => undefined);
}

// Saves and starts or stops the engine (loaded only when sync is on).
export async function switchSync(
  form: SyncForm,
  on: boolean,
  actor: { id: string; name: string },
): Promise<SyncConfig> {
  const config = await saveSyncConfig(form, on, actor);
  await runEngine(on);
  return config;
}

// After the sync set-up was written: commands fill the outbox or not, the engine starts or stops.
export async function runEngine(on: boolean): Promise<void> {
  setOutboxEnabled(on);
  const { startEngine, stopEngine } = await import('./engine');
  if (on) await startEngine();
  else {
    await stopEngine();
    await forgetHub();
  }
}

export { readSyncConfig };
