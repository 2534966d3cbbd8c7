import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';

import { actorCan, allCommands, defineCommand, NO_PERMISSION } from './command';
import { db } from './db';
import { getLive, getLiveMany, isLive, live, liveOnly } from './live';
import { DomainError, insert, softDelete, SYSTEM_ACTOR, update } from './repo';
import { withSeededOrg } from './testing';

const org = withSeededOrg('2026-11-20T09:00:00');

const addSection = defineCommand({
  what: '新增股室',
  perm: 'system.settings',
  tables: (d) => [d.sections],
  validate: (name: string) => {
    if (!name.trim()) throw new DomainError('请填写股室名称', 'name');
  },
  run: async (ctx, name: string) =>
    insert(db.sections, { name, order: 9, headId: null, deputyId: null }, ctx.actor),
});

const renameTwice = defineCommand({
  what: '改名',
  perm: ['system.settings', 'system.users'],
  tables: (d) => [d.sections],
  run: async (ctx, id: string, names: [string, string]) => {
    await update(db.sections, id, { name: names[0] }, ctx.actor);
    if (names[1] === '!') throw new DomainError('第二步失败');
    return update(db.sections, id, { name: names[1] }, ctx.actor);
  },
});

describe('defineCommand', () => {
  it('refuses an actor without the permission with one wording, before writing anything', async () => {
    const before = await db.audit.count();
    await expect(addSection('督查股', org.actor(org.staff))).rejects.toThrow(NO_PERMISSION('新增股室'));
    await expect(addSection('督查股', org.actor(org.staff))).rejects.toMatchObject({ field: 'permission' });
    expect(await db.audit.count()).toBe(before);
  });

  it('reads the roles from the staff record, so a role taken away counts at once', async () => {
    const admin = await insert(
      db.staff,
      { name: '管理员', rank: 'staff', roles: ['admin'], sectionId: null, active: true },
      SYSTEM_ACTOR,
    );
    const a = { id: admin.id, name: admin.name };
    await addSection('督查股', a);
    await update(db.staff, admin.id, { roles: [] }, SYSTEM_ACTOR);
    await expect(addSection('另一股', a)).rejects.toThrow(NO_PERMISSION('新增股室'));
    await update(db.staff, admin.id, { roles: ['admin'], active: false }, SYSTEM_ACTOR);
    await expect(addSection('另一股', a)).rejects.toThrow('停用');
    expect(await actorCan(a, 'system.settings')).toBe(false);
  });

  it('lets the system run every command, and validates before the transaction', async () => {
    const s = await addSection('督查股', SYSTEM_ACTOR);
    expect(s.name).toBe('督查股');
    await expect(addSection('  ', SYSTEM_ACTOR)).rejects.toMatchObject({ field: 'name' });
    expect(await actorCan(SYSTEM_ACTOR, 'system.users')).toBe(true);
  });

  it('is all or nothing: a refusal midway leaves no change and no audit entry', async () => {
    const s = await addSection('督查股', SYSTEM_ACTOR);
    const before = await db.audit.count();
    await expect(renameTwice(s.id, ['一', '!'], SYSTEM_ACTOR)).rejects.toThrow('第二步失败');
    expect((await db.sections.get(s.id))?.name).toBe('督查股');
    expect(await db.audit.count()).toBe(before);
    await renameTwice(s.id, ['一', '二'], SYSTEM_ACTOR);
    expect((await db.sections.get(s.id))?.name).toBe('二');
    expect(await db.audit.count()).toBe(before + 2);
  });

  it('accepts any of several permissions and lists every command', async () => {
    const s = await addSection('督查股', SYSTEM_ACTOR);
    const u = await insert(
      db.staff,
      { name: '用户管理员', rank: 'staff', roles: ['admin'], sectionId: null, active: true },
      SYSTEM_ACTOR,
    );
    await renameTwice(s.id, ['一', '二'], { id: u.id, name: u.name });
    expect(allCommands().map((c) => c.what)).toEqual(expect.arrayContaining(['新增股室', '改名']));
    for (const c of allCommands()) expect(c.what.trim()).not.toBe('');
  });

  it('refuses a call without an actor', async () => {
    // @ts-expect-error: the actor is missing
    await expect(addSection('督查股')).rejects.toThrow('未登录');
  });
});

describe('live reads', () => {
  it('leaves deleted records out of every read helper', async () => {
    const a = await insert(db.sections, { name: 'A', order: 5, headId: null, deputyId: null }, SYSTEM_ACTOR);
    const b = await insert(db.sections, { name: 'B', order: 6, headId: null, deputyId: null }, SYSTEM_ACTOR);
    await softDelete(db.sections, b.id, SYSTEM_ACTOR);
    expect((await getLive(db.sections, a.id))?.name).toBe('A');
    expect(await getLive(db.sections, b.id)).toBeUndefined();
    expect(await getLive(db.sections, null)).toBeUndefined();
    expect((await getLiveMany(db.sections, [b.id, a.id, 'missing'])).map((r) => r.name)).toEqual(['A']);
    expect(await getLiveMany(db.sections, [])).toEqual([]);
    const names = (await live(db.sections.toCollection()).toArray()).map((s) => s.name);
    expect(names).toContain('A');
    expect(names).not.toContain('B');
    expect(liveOnly([a, { ...b, deletedAt: '2026-11-20' }]).map((r) => r.name)).toEqual(['A']);
    expect(isLive(undefined)).toBe(false);
  });
});
