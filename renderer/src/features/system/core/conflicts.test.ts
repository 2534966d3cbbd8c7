// 系统 › 同步冲突 as a person reads it: the versions side by side in Chinese, the differing fields
// marked, and an informant's identity masked exactly as in 审计日志 (PET-6).
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';

import '../../register';
import { useSession } from '../../../auth/session';
import { db } from '../../../db/db';
import { addStaff, refusal, sessionUserOf, withSeededOrg } from '../../../db/testing';
import type { StoredConflict } from '../../../sync/conflicts';
import type { StoredDenied } from '../../../sync/denied';
import { makeIdNo, registerPetition } from '../../petitions';

import { adoptHub, conflictViews, keepVersion } from './conflicts';

const org = withSeededOrg('2026-05-10T09:00:00');
afterEach(() => useSession.getState().signOut());

async function storeConflict(table: string, rec: Record<string, unknown>, other: Record<string, unknown>) {
  const docId = `${table}:${rec.id as string}`;
  const value: StoredConflict = {
    docId,
    table,
    recordId: rec.id as string,
    seenAt: '2026-05-10T01:00:00.000Z',
    versions: [
      { rev: '2-a', pc: 'pc-1', pcName: '一号机', rec },
      { rev: '2-b', pc: 'pc-2', pcName: '二号机', rec: { ...rec, ...other } },
    ],
  };
  await db.syncState.put({ id: `conflict:${docId}`, value });
  return docId;
}

const signIn = async (name: string, roles: Parameters<typeof addStaff>[1]) =>
  useSession.getState().signIn(sessionUserOf(await addStaff(name, roles, null)));

describe('同步冲突 screen data', () => {
  it('shows a section’s two versions field by field, the differing one marked', async () => {
    const sec = (await db.sections.get(org.sectionId))!;
    await storeConflict('sections', sec, { name: '来访接待股' });
    await signIn('管理员', ['admin']);
    const [v] = await conflictViews();
    expect(v).toMatchObject({ kind: 'revisions', kindLabel: '股室', title: '办信股', masked: false });
    expect(v.versions.map((x) => x.pcName)).toEqual(['一号机', '二号机']);
    const name = v.rows.find((r) => r.key === 'name')!;
    expect(name).toEqual({ key: 'name', label: '股室名称', values: ['办信股', '来访接待股'], differs: true });
    expect(v.rows.filter((r) => r.differs).map((r) => r.key)).toEqual(['name']);
    expect(v.rows.find((r) => r.key === 'headId')?.values).toEqual([org.head.name, org.head.name]);
  });

  it('masks an informant’s identity from a viewer without the right (PET-6), not from one with it', async () => {
    const p = await registerPetition(
      {
        channel: 'letter',
        receivedOn: '2026-05-06',
        letterSource: '群众来信',
        name: '钱检举',
        idNo: makeIdNo('1975-06-01', 31),
        phone: '13907390123',
        address: '回龙镇石门村8组',
        township: '回龙镇',
        category: '纪检监察',
        summary: '检举某站所负责人收受财物',
        informant: true,
        accusedNote: '某站所负责人',
      },
      org.actor(org.director),
    );
    const rec = (await db.petitions.get(p.id)) as unknown as Record<string, unknown>;
    await storeConflict('petitions', rec, { summary: '检举某站所负责人收受财物（补充）' });
    await signIn('管理员', ['admin']);
    const [v] = await conflictViews();
    expect(v.masked).toBe(true);
    expect(JSON.stringify(v)).not.toContain('钱检举');
    expect(JSON.stringify(v)).not.toContain('13907390123');
    useSession.getState().signOut();
    await signIn('局长兼管理员', ['admin', 'director']);
    const [w] = await conflictViews();
    expect(w.masked).toBe(false);
    expect(JSON.stringify(w)).toContain('钱检举');
  });

  it('shows an attachment’s file by its size and type (a version without one as empty), and keeps it whole', async () => {
    const blob = new Blob([new Uint8Array(11)], { type: 'image/png' });
    const rec = {
      id: crypto.randomUUID(),
      ownerTable: 'petitions',
      ownerId: crypto.randomUUID(),
      name: '扫描件.png',
      type: 'image/png',
      size: 11,
      blob,
      createdAt: '2026-05-10T01:00:00.000Z',
      updatedAt: '2026-05-10T01:00:00.000Z',
      createdBy: 'system',
      deletedAt: null,
    };
    const docId = await storeConflict('attachments', rec, { name: '扫描件二.png', blob: undefined });
    await signIn('管理员', ['admin']);
    const [v] = await conflictViews();
    expect(v).toMatchObject({ kindLabel: '附件', masked: false });
    expect(v.rows.find((r) => r.key === 'blob')).toEqual({
      key: 'blob',
      label: '文件',
      values: ['文件（11 B，image/png）', '（空）'],
      differs: true,
    });
    expect(v.rows.find((r) => r.key === 'name')?.differs).toBe(true);
    await keepVersion(docId, '2-a');
    const kept = (await db.attachments.get(rec.id))!;
    expect(kept.name).toBe('扫描件.png');
    expect(kept.blob.size).toBe(11);
  });

  it('is followed live: a decision drops the conflict from the screen at once', async () => {
    const sec = (await db.sections.get(org.sectionId))!;
    const docId = await storeConflict('sections', sec, { name: '来访接待股' });
    await signIn('管理员', ['admin']);
    const seen: number[] = [];
    const sub = liveQuery(() => conflictViews()).subscribe((v) => seen.push(v.length));
    await new Promise((r) => setTimeout(r, 200));
    await keepVersion(docId, '2-b');
    await new Promise((r) => setTimeout(r, 300));
    sub.unsubscribe();
    expect(seen).toEqual([1, 0]);
    expect((await db.sections.get(org.sectionId))?.name).toBe('来访接待股');
  });

  it('is refused to a user without the right to decide', async () => {
    const sec = (await db.sections.get(org.sectionId))!;
    const docId = await storeConflict('sections', sec, { name: '来访接待股' });
    useSession.getState().signIn(sessionUserOf(org.staff));
    expect((await refusal(conflictViews())).message).toBe('没有权限：解决同步冲突');
    expect(() => keepVersion(docId, '2-b')).toThrow('没有权限：解决同步冲突');
  });

  it('lists a change the hub refused after the conflicts: the record as this PC has it, the reason, when', async () => {
    const sec = (await db.sections.get(org.sectionId))!;
    await storeConflict('sections', sec, { name: '来访接待股' });
    const denied: StoredDenied = {
      docId: `sections:${sec.id}`,
      table: 'sections',
      recordId: sec.id,
      reason: '同步中心的校验规则不接受这项修改',
      direction: 'push',
      rev: '3-c',
      at: '2026-05-10T02:00:00.000Z',
      rec: { ...sec, name: '督查股' } as unknown as Record<string, unknown>,
    };
    await db.syncState.put({ id: `denied:${denied.docId}`, value: denied });
    await signIn('管理员', ['admin']);
    const [, v] = await conflictViews();
    expect(v).toMatchObject({
      docId: denied.docId,
      kind: 'denied',
      kindLabel: '股室',
      title: '办信股', // named as the office knows it now
      refusal: '同步中心的校验规则不接受这项修改',
      versions: [{ rev: '3-c', pcName: '本机', local: true }],
      masked: false,
    });
    expect(v.seenAt).toMatch(/^2026-05-10 \d\d:00/);
    expect(v.rows.find((r) => r.key === 'name')).toMatchObject({ values: ['督查股'], differs: false });
    useSession.getState().signOut();
    useSession.getState().signIn(sessionUserOf(org.staff));
    expect(() => adoptHub(denied.docId)).toThrow('没有权限：采用同步中心的版本');
  });
});
