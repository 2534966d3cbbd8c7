// The sync status shown on 系统 › 多机同步: UI state only (the engine sets it, the tab reads it).
import { create } from 'zustand';

export type SyncPhase = 'off' | 'starting' | 'synced' | 'syncing' | 'offline' | 'error';
export type SyncStatus = { phase: SyncPhase; pending: number; since?: string; reason?: string };

export const useSyncStatus = create<SyncStatus>(() => ({ phase: 'off', pending: 0 }));

export function setSyncStatus(s: Partial<SyncStatus>): void {
  useSyncStatus.setState(s);
}

// 已同步 / 同步中（N 条待发送 | 正在与同步中心交换记录）/ 离线（自 HH:mm）/ 出错（原因）
export function statusText(s: SyncStatus): string {
  switch (s.phase) {
    case 'off':
      return '未开启';
    case 'starting':
      return '正在连接…';
    case 'offline':
      return `离线（自 ${s.since ?? '--:--'}）`;
    case 'error':
      return `出错（${s.reason ?? '原因不明'}）`;
    default:
      if (s.pending > 0) return `同步中（${s.pending} 条待发送）`;
      // nothing of this PC's waits: records are going to or coming from the hub, or being written
      return s.phase === 'syncing' ? '同步中（正在与同步中心交换记录）' : '已同步';
  }
}

export function statusColor(s: SyncStatus): string {
  if (s.phase === 'error') return 'red';
  if (s.phase === 'offline') return 'orange';
  if (s.phase === 'off') return 'gray';
  return s.phase === 'synced' && s.pending === 0 ? 'green' : 'blue';
}

// A hub's or the network's error, in Chinese.
export function reasonOf(err: unknown): { offline: boolean; reason: string } {
  const e = (err ?? {}) as { status?: number; name?: string; message?: string };
  if (e.status === 401) return { offline: false, reason: '用户名或密码不正确' };
  if (e.status === 403) return { offline: false, reason: '该账户无权使用同步数据库' };
  if (e.status === 404) return { offline: false, reason: '同步中心上没有本系统的数据库' };
  if (e.status && e.status >= 500) return { offline: false, reason: `同步中心内部错误（${e.status}）` };
  if (!e.status || e.name === 'TypeError') return { offline: true, reason: '连不上同步中心' };
  return { offline: false, reason: e.message || `同步中心返回错误（${e.status}）` };
}

// What waits on 系统 › 同步冲突, after the status: 已同步 · 2 项冲突待处理 · 1 项修改被同步中心拒绝
export function withConflicts(text: string, conflicts: number, denied = 0): string {
  const waiting = [
    ...(conflicts > 0 ? [`${conflicts} 项冲突待处理`] : []),
    ...(denied > 0 ? [deniedText(denied)] : []),
  ];
  return [text, ...waiting].join(' · ');
}

export const deniedText = (n: number) => `${n} 项修改被同步中心拒绝`;
