import { afterEach, describe, expect, it } from 'vitest';

import type { Role } from '../../../../../shared/permissions';
import { login } from '../../../auth/service';
import { useSession } from '../../../auth/session';
import { db } from '../../../db/db';
import { insert, softDelete, SYSTEM_ACTOR, update } from '../../../db/repo';
import type { Staff } from '../../../db/schema/core';
import { withSeededOrg } from '../../../db/testing';
import { activeStaff } from '../../../org/org';

import { auditPage } from './audit';
import {
  addCalendarDate,
  importCalendar,
  parseCalendarFile,
  parseCalendarJson,
  parseCalendarRows,
  parseCalendarText,
  removeCalendarDate,
  checkImport,
} from './calendar';
import { deletedPage, restoreRecord } from './deleted';
import {
  addSection,
  moveSection,
  listSections,
  renameSection,
  saveStaff,
  setLeadership,
  setStaffActive,
} from './org';
import type { StaffInput } from './org';
import { importStaff, parseStaffRows, previewStaffImport, readXlsxTable, staffTemplate } from './staffImport';
import { routeGrid, saveUnit, setRoute, cellKey } from './units';
import {
  accountState,
  createLogin,
  resetPassword,
  setAccountDisabled,
  setIdleLockMinutes,
  setStaffRoles,
  unlockAccount,
} from './users';

let admin: Staff;

async function signInAs(s: Staff, accountId = `acc-${s.id}`) {
  const fresh = (await db.staff.get(s.id))!;
  useSession.getState().signIn({
    staffId: s.id,
    accountId,
    name: s.name,
    loginName: s.name,
    roles: fresh.roles as Role[],
    sectionId: s.sectionId,
    rank: s.rank,
  });
}

const org = withSeededOrg(undefined, async () => {
  admin = await insert(
    db.staff,
    { name: '管理员', rank: 'staff', roles: ['admin'], sectionId: org.officeSectionId, active: true },
    SYSTEM_ACTOR,
  );
  // The administrator's own account (a placeholder hash: not used to log in here).
  await insert(
    db.accounts,
    {
      id: `acc-${admin.id}`,
      staffId: admin.id,
      loginName: 'admin',
      passwordHash: 'x',
      salt: 'y',
      iterations: 1,
      failedAttempts: 0,
      lockedUntil: null,
    },
    SYSTEM_ACTOR,
  );
  await signInAs(admin);
});
afterEach(() => useSession.getState().signOut());

// a new member of no section with no roles, as the 人员 form sends it
const newStaff = (name: string, phone = ''): StaffInput => ({
  name,
  sectionId: null,
  rank: 'staff',
  title: '',
  roles: [],
  phone,
  active: true,
});

describe('用户与角色', () => {
  it('refuses users without the permission, in the repository too', async () => {
    await signInAs(org.staff);
    await expect(createLogin(org.staff.id, 'qianxue', 'Abc12345', 'Abc12345')).rejects.toThrow('没有权限');
    await expect(setIdleLockMinutes(10)).rejects.toThrow('没有权限');
    await expect(addSection('新股')).rejects.toThrow('没有权限');
    useSession.getState().signOut();
    await expect(createLogin(org.staff.id, 'qianxue', 'Abc12345', 'Abc12345')).rejects.toThrow('请先登录');
  });

  it('counts a role taken away at once, not at the next login', async () => {
    await signInAs(org.head);
    await update(db.staff, admin.id, { roles: ['admin'] }, SYSTEM_ACTOR);
    await signInAs(admin);
    await update(db.staff, admin.id, { roles: ['office'] }, SYSTEM_ACTOR); // session still says admin
    await expect(setIdleLockMinutes(10)).rejects.toThrow('没有权限');
  });

  it(
    'creates a login that works, resets a password to a temporary one, unlocks',
    { timeout: 30_000 },
    async () => {
      await expect(createLogin(org.staff.id, 'qianxue', 'Abc12345', 'Abc99999')).rejects.toMatchObject({
        field: 'confirm',
      });
      await expect(createLogin(org.staff.id, '1bad', 'Abc12345', 'Abc12345')).rejects.toMatchObject({
        field: 'loginName',
      });
      await expect(createLogin(org.staff.id, 'qianxue', 'short', 'short')).rejects.toMatchObject({
        field: 'password',
      });
      const acc = await createLogin(org.staff.id, 'qianxue', 'Abc12345', 'Abc12345');
      expect(acc.mustChangePassword).toBe(true);
      await expect(createLogin(org.staff.id, 'qianxue2', 'Abc12345', 'Abc12345')).rejects.toThrow(
        '已有登录账户',
      );
      await expect(createLogin(org.head.id, 'qianxue', 'Abc12345', 'Abc12345')).rejects.toThrow(
        '登录名已被使用',
      );
      expect((await login('qianxue', 'Abc12345')).ok).toBe(true);

      await resetPassword(acc.id, 'New12345', 'New12345');
      expect((await login('qianxue', 'Abc12345')).ok).toBe(false);
      expect((await login('qianxue', 'New12345')).ok).toBe(true);
      const after = (await db.accounts.get(acc.id))!;
      expect(after.mustChangePassword).toBe(true);
      expect(accountState(after)).toBe('mustChange');
      // The audit entry of the reset does not carry the password (only its hash, never the text).
      const entry = (await db.audit.where('[table+recordId]').equals(['accounts', acc.id]).toArray()).find(
        (e) => e.summary?.includes('重置密码'),
      )!;
      expect(JSON.stringify(entry)).not.toContain('New12345');

      await update(
        db.accounts,
        acc.id,
        { lockedUntil: new Date(Date.now() + 600_000).toISOString() },
        SYSTEM_ACTOR,
      );
      expect(accountState((await db.accounts.get(acc.id))!)).toBe('locked');
      await unlockAccount(acc.id);
      expect((await db.accounts.get(acc.id))!).toMatchObject({ lockedUntil: null, failedAttempts: 0 });
    },
  );

  it('disables an account (not one’s own, never the last administrator) and enables it again', async () => {
    const other = await insert(
      db.accounts,
      {
        staffId: org.clerk.id,
        loginName: 'zhou',
        passwordHash: 'x',
        salt: 'y',
        iterations: 1,
        failedAttempts: 0,
      },
      SYSTEM_ACTOR,
    );
    await setAccountDisabled(other.id, true);
    expect(accountState((await db.accounts.get(other.id))!)).toBe('disabled');
    await setAccountDisabled(other.id, false);
    expect(accountState((await db.accounts.get(other.id))!)).toBe('ok');
    await expect(setAccountDisabled(`acc-${admin.id}`, true)).rejects.toThrow('不能停用自己');
    // A second administrator signs in and tries to disable the only admin account.
    const second = await insert(
      db.staff,
      { name: '副管理员', rank: 'staff', roles: ['admin'], sectionId: null, active: true },
      SYSTEM_ACTOR,
    );
    await signInAs(second, 'acc-second-none');
    await expect(setAccountDisabled(`acc-${admin.id}`, true)).rejects.toThrow('至少要保留一名');
  });

  it('edits roles (several per person) but never removes the last administrator', async () => {
    await setStaffRoles(org.staff.id, ['petition', 'office', 'petition' as Role]);
    expect((await db.staff.get(org.staff.id))!.roles).toEqual(['office', 'petition']);
    await expect(setStaffRoles(admin.id, ['office'])).rejects.toThrow('至少要保留一名');
    await expect(setStaffActive(admin.id, false)).rejects.toThrow('至少要保留一名');
  });

  it('sets the idle lock minutes within 1–240', async () => {
    await setIdleLockMinutes(30);
    expect((await db.settings.get('idleLockMinutes'))!.value).toBe(30);
    await expect(setIdleLockMinutes(0)).rejects.toMatchObject({ field: 'idleLockMinutes' });
    await expect(setIdleLockMinutes(2.5)).rejects.toMatchObject({ field: 'idleLockMinutes' });
  });
});

describe('股室与人员', () => {
  it('adds, renames and reorders sections; names stay unique', async () => {
    const s = await addSection('信息股');
    await expect(addSection('信息股')).rejects.toThrow('已有同名股室');
    await expect(renameSection(s.id, '办信股')).rejects.toThrow('已有同名股室');
    await renameSection(s.id, '信息中心');
    expect((await listSections()).map((x) => x.name)).toEqual(['办信股', '办公室', '信息中心']);
    await moveSection(s.id, -1);
    expect((await listSections()).map((x) => x.name)).toEqual(['办信股', '信息中心', '办公室']);
    await moveSection(s.id, -1);
    await moveSection(s.id, -1); // already first: nothing happens
    expect((await listSections()).map((x) => x.name)).toEqual(['信息中心', '办信股', '办公室']);
  });

  it('creates and edits staff, checks fields, and 停用 keeps the record', async () => {
    await expect(saveStaff(null, newStaff(' '))).rejects.toMatchObject({ field: 'name' });
    await expect(saveStaff(null, newStaff('甲', 'abc'))).rejects.toMatchObject({ field: 'phone' });
    const s = await saveStaff(null, {
      name: '  新人甲 ',
      sectionId: org.sectionId,
      rank: 'staff',
      title: '科员',
      roles: ['petition'],
      phone: '0739-1234567',
      active: true,
    });
    expect(s).toMatchObject({ name: '新人甲', roles: ['petition'], active: true });
    await saveStaff(s.id, {
      name: '新人甲',
      sectionId: org.officeSectionId,
      rank: 'section_head',
      title: '主任',
      roles: ['office', 'section_head'],
      phone: '',
      active: true,
    });
    expect((await db.staff.get(s.id))!).toMatchObject({
      sectionId: org.officeSectionId,
      rank: 'section_head',
      roles: ['section_head', 'office'],
    });
    await setStaffActive(s.id, false);
    expect((await db.staff.get(s.id))!.active).toBe(false); // still there
    expect((await activeStaff()).some((x) => x.id === s.id)).toBe(false);
  });

  it('office staff without 系统 permissions cannot edit staff or leaders', async () => {
    await signInAs(org.clerk);
    await expect(saveStaff(null, newStaff('无权限'))).rejects.toThrow('没有权限');
    await expect(setStaffActive(org.staff.id, false)).rejects.toThrow('没有权限');
    await expect(
      setLeadership({ directorId: null, financeDeputyId: null, officeDeputyId: null }),
    ).rejects.toThrow('没有权限');
    expect((await db.staff.get(org.staff.id))!.active).toBe(true);
  });

  it('sets 局长, 分管财务 and 分管办公室 (active people only)', async () => {
    await setLeadership({
      directorId: org.director.id,
      financeDeputyId: org.discipline.id,
      officeDeputyId: org.deputy.id,
    });
    expect((await db.settings.get('financeDeputyId'))!.value).toBe(org.discipline.id);
    await update(db.staff, org.head.id, { active: false }, SYSTEM_ACTOR);
    await expect(
      setLeadership({ directorId: org.head.id, financeDeputyId: null, officeDeputyId: null }),
    ).rejects.toThrow('已停用');
  });
});

describe('人员导入', () => {
  const header = ['姓名', '股室', '职级', '职务', '角色', '电话'];

  it('previews row by row with reasons', async () => {
    const sections = await db.sections.toArray();
    const p = parseStaffRows(
      [
        header,
        ['张三', '办信股', '一般干部职工', '科员', '信访业务', '13800000000'],
        ['李四', '不存在股', '处长', '', '飞行员', ''],
        [],
        ['张三', '', '', '', '', ''],
        ['', '办公室', '', '', '', ''],
        ['钱科员', '', '局长', '', '局长/书记、管理员', ''],
      ],
      { sections, existingNames: new Set(['钱科员']) },
    );
    expect(p.ok).toBe(false);
    expect(p.rows.map((r) => r.line)).toEqual([2, 3, 5, 6, 7]);
    expect(p.rows[0].problems).toEqual([]);
    expect(p.rows[0].value).toMatchObject({ name: '张三', rank: 'staff', roles: ['petition'] });
    expect(p.rows[1].problems.join()).toMatch(
      /股室“不存在股”不存在.*职级“处长”无法识别.*角色“飞行员”无法识别/,
    );
    expect(p.rows[2].problems).toContain('与第2行姓名重复');
    expect(p.rows[3].problems).toContain('请填写姓名');
    expect(p.rows[4].problems).toContain('已有同名人员“钱科员”');
    expect(parseStaffRows([['名字']], { sections, existingNames: new Set() }).headerProblem).toContain(
      '姓名',
    );
  });

  it('reads the .xlsx template back through exceljs', async () => {
    const bytes = await staffTemplate();
    const table = await readXlsxTable(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(table[0]).toEqual(header);
    const p = await previewStaffImport(table);
    expect(p.ok).toBe(true);
    expect(p.rows[0].value).toMatchObject({
      name: '张三',
      sectionId: org.sectionId,
      rank: 'staff',
      title: '科员',
      roles: ['petition'],
      phone: '0739-1234567',
    });
  });

  it('imports all rows or none', async () => {
    const before = await db.staff.count();
    const bad = [header, ['王五', '办信股', '', '', '', ''], ['赵六', '无此股', '', '', '', '']];
    await expect(importStaff(bad)).rejects.toThrow('全部未导入');
    expect(await db.staff.count()).toBe(before);
    const good = [
      header,
      ['王五', '办信股', '股长', '股长', '股室负责人、信访业务', ''],
      ['赵六', '', '', '', '', ''],
    ];
    expect(await importStaff(good)).toBe(2);
    expect(await db.staff.count()).toBe(before + 2);
    expect((await db.staff.toArray()).find((s) => s.name === '王五')).toMatchObject({
      rank: 'section_head',
      roles: ['section_head', 'petition'],
      active: true,
    });
  });
});

describe('责任单位', () => {
  it('keeps one unit per township and subject, editable and clearable', async () => {
    const town = await saveUnit(null, { name: '金石镇人民政府', kind: 'township', contact: '', phone: '' });
    const dept = await saveUnit(null, { name: '县教育局', kind: 'department', contact: '', phone: '' });
    await expect(
      saveUnit(null, { name: '县教育局', kind: 'department', contact: '', phone: '' }),
    ).rejects.toThrow('已有同名单位');
    let grid = await routeGrid();
    expect(grid.townships).toContain('金石镇');
    expect(grid.subjects).toContain('教育');
    await setRoute('金石镇', '教育', dept.id);
    await setRoute('金石镇', '教育', town.id);
    grid = await routeGrid();
    expect(grid.cells.get(cellKey('金石镇', '教育'))!.unitId).toBe(town.id);
    expect(await db.responsibleRoutes.count()).toBe(1);
    await setRoute('金石镇', '教育', null);
    grid = await routeGrid();
    expect(grid.cells.has(cellKey('金石镇', '教育'))).toBe(false);
    expect(await db.responsibleRoutes.count()).toBe(1); // soft-deleted, kept
  });
});

describe('工作日历', () => {
  it('adds and removes dates with the checks of the rules', async () => {
    await addCalendarDate('2027-01-01', 'holiday');
    await addCalendarDate('2027-02-07', 'workday'); // a Sunday
    const y = (await db.calendars.where('year').equals(2027).first())!;
    expect(y).toMatchObject({ holidays: ['2027-01-01'], workdays: ['2027-02-07'] });
    await expect(addCalendarDate('2027-01-01', 'workday')).rejects.toThrow('已登记为休');
    await expect(addCalendarDate('2027-02-08', 'workday')).rejects.toThrow('调休上班日应为周六或周日');
    await expect(addCalendarDate('2027-02-30', 'holiday')).rejects.toMatchObject({ field: 'date' });
    await removeCalendarDate('2027-01-01');
    expect((await db.calendars.where('year').equals(2027).first())!.holidays).toEqual([]);
    // A bundled year gets the date added to its existing list.
    const n = (await db.calendars.where('year').equals(2026).first())!.holidays.length;
    await addCalendarDate('2026-12-31', 'holiday');
    expect((await db.calendars.where('year').equals(2026).first())!.holidays).toHaveLength(n + 1);
  });

  it('parses text, JSON and sheet rows, and reports bad lines', () => {
    const t = parseCalendarText(
      '# 2027\n2027-01-01 休 元旦\n2027-02-07 班\n\n2027-13-01 休\n2027-01-02 放假\n2027-01-03 ？',
    );
    expect(t.years.get(2027)).toEqual({ holidays: ['2027-01-01', '2027-01-02'], workdays: ['2027-02-07'] });
    expect(t.problems).toEqual([
      '第5行：日期“2027-13-01”格式不对（应为 YYYY-MM-DD）',
      '第7行：应写“休”或“班”（2027-01-03 ？）',
    ]);
    const j = parseCalendarJson('{"year":2027,"holidays":["2027-01-01"],"workdays":["2027-02-07"]}');
    expect(j.years.get(2027)).toEqual({ holidays: ['2027-01-01'], workdays: ['2027-02-07'] });
    expect(
      parseCalendarJson('{"2028":{"holidays":["2028-01-01"],"workdays":[]}}').years.get(2028)!.holidays,
    ).toEqual(['2028-01-01']);
    expect(parseCalendarJson('not json').problems).toEqual(['不是有效的JSON']);
    expect(
      parseCalendarFile('x.json', '[{"year":2027,"holidays":[],"workdays":["2027-02-07"]}]').years.get(2027)!
        .workdays,
    ).toEqual(['2027-02-07']);
    const r = parseCalendarRows([
      ['日期', '类型'],
      ['2027-10-01', '休'],
      ['2027-10-09', '班'],
    ]);
    expect(r.years.get(2027)).toEqual({ holidays: ['2027-10-01'], workdays: ['2027-10-09'] });
    expect(checkImport(parseCalendarText('2027-01-02 休\n2027-01-02 班'))[0]).toContain(
      '不能同时是节假日和调休上班日',
    );
    expect(checkImport(parseCalendarText(''))).toEqual(['没有读到任何日期']);
  });

  it('names the lines and the date of a day listed both as 休 and as 班, and of a 班 on a weekday', () => {
    expect(checkImport(parseCalendarText('2027-01-01 休\n\n2027-01-02 休\n2027-01-02 班'))).toEqual([
      '第3行列为“休”，第4行列为“班”：2027-01-02 不能同时是节假日和调休上班日',
    ]);
    expect(checkImport(parseCalendarText('2027-01-01 休\n2027-01-04 班'))).toEqual([
      '第2行：调休上班日应为周六或周日（工作日本来就要上班）：2027-01-04',
    ]);
    expect(
      checkImport(parseCalendarJson('{"2027":{"holidays":["2027-01-02"],"workdays":["2027-01-02"]}}')),
    ).toEqual([
      '“2027”的holidays列为“休”，“2027”的workdays列为“班”：2027-01-02 不能同时是节假日和调休上班日',
    ]);
  });

  it('reads the State Council notice pasted as published, and the chinese-days JSON layout', () => {
    const notice = parseCalendarFile(
      '粘贴.txt',
      '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：2月20日（周六）上班。',
    );
    expect(notice.problems).toEqual([]);
    expect(notice.years.get(2027)).toEqual({
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: ['2027-02-20'],
    });
    expect(notice.days[0]).toEqual({ date: '2027-01-01', kind: 'holiday', where: '第2行', note: '元旦' });
    // Without a title the year is the one given (by default next year), and the weekdays check it.
    expect(
      parseCalendarFile('粘贴.txt', '元旦：1月1日（周五）放假1天。', 2027).years.get(2027)!.holidays,
    ).toEqual(['2027-01-01']);
    expect(parseCalendarFile('粘贴.txt', '元旦：1月1日（周五）放假1天。', 2028).problems).toEqual([
      '第1行：1月1日标为星期五，但2028-01-01是星期六（通知的年份是否为2028年？）',
    ]);
    const cd = parseCalendarFile(
      '2027.json',
      '{"holidays":{"2027-01-01":"New Year\'s Day,元旦,1"},"workdays":{"2027-02-20":"Spring Festival,春节,4"},"inLieuDays":{}}',
    );
    expect(cd.years.get(2027)).toEqual({ holidays: ['2027-01-01'], workdays: ['2027-02-20'] });
    expect(cd.days.map((d) => d.note)).toEqual(['元旦', '春节']);
  });

  it('imports a later year all or nothing', async () => {
    await expect(importCalendar(parseCalendarText('2027-01-01 休\n2028-01-03 班'), 't')).rejects.toThrow(
      '日历未导入',
    ); // 2028-01-03 is a Monday
    expect(await db.calendars.where('year').anyOf(2027, 2028).count()).toBe(0);
    expect(
      (await importCalendar(parseCalendarText('2027-01-01 休\n2027-02-07 班\n2028-01-01 休'), '国办发明电'))
        .years,
    ).toEqual([2027, 2028]);
    expect((await db.calendars.where('year').equals(2028).first())!.source).toBe('国办发明电');
  });
});

describe('审计日志 viewer', () => {
  it('pages by seq, newest first, and filters by person, table, record and dates', async () => {
    const actor = org.actor(org.clerk);
    for (let i = 0; i < 120; i++)
      await insert(db.units, { name: `单位${i}`, kind: 'department', active: true }, actor);
    const p1 = await auditPage({ actorId: org.clerk.id }, null);
    expect(p1.rows).toHaveLength(50);
    expect(p1.rows[0].seq).toBeGreaterThan(p1.rows[49].seq!);
    const p2 = await auditPage({ actorId: org.clerk.id }, p1.nextBefore);
    const p3 = await auditPage({ actorId: org.clerk.id }, p2.nextBefore);
    expect(p3.rows).toHaveLength(20);
    expect(p3.nextBefore).toBeNull();
    const all = [...p1.rows, ...p2.rows, ...p3.rows].map((e) => e.seq);
    expect(new Set(all).size).toBe(120);
    const one = p2.rows[3];
    expect(
      (await auditPage({ table: 'units', recordId: one.recordId }, null)).rows.map((e) => e.seq),
    ).toEqual([one.seq]);
    expect((await auditPage({ recordId: one.recordId }, null)).rows).toHaveLength(1);
    expect((await auditPage({ table: 'sections' }, null)).rows.every((e) => e.table === 'sections')).toBe(
      true,
    );
    const today = new Date();
    const d = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect((await auditPage({ from: d, to: d }, null)).rows).toHaveLength(50);
    expect((await auditPage({ to: '2000-01-01' }, null)).rows).toHaveLength(0);
    expect((await auditPage({ from: '2999-01-01' }, null)).rows).toHaveLength(0);
    await signInAs(org.staff);
    await expect(auditPage({}, null)).rejects.toThrow('没有权限');
  });
});

describe('已删除记录', () => {
  it('lists soft-deleted records in pages and restores one, audited', async () => {
    const units = [];
    for (let i = 0; i < 30; i++)
      units.push(
        await insert(db.units, { name: `单位${i}`, kind: 'department', active: true }, SYSTEM_ACTOR),
      );
    for (const u of units.slice(0, 12)) await softDelete(db.units, u.id, SYSTEM_ACTOR);
    const p1 = await deletedPage('units', null, 5);
    expect(p1.rows).toHaveLength(5);
    expect(p1.rows.every((r) => r.deletedAt)).toBe(true);
    const p2 = await deletedPage('units', p1.nextAfter, 5);
    const p3 = await deletedPage('units', p2.nextAfter, 5);
    expect(p3.rows).toHaveLength(2);
    expect(p3.nextAfter).toBeNull();
    await restoreRecord('units', p1.rows[0].id);
    expect((await db.units.get(p1.rows[0].id))!.deletedAt).toBeNull();
    expect((await db.audit.orderBy(':id').last())!).toMatchObject({
      action: 'restore',
      recordId: p1.rows[0].id,
    });
    await expect(restoreRecord('units', p1.rows[0].id)).rejects.toThrow('未被删除');
    await expect(deletedPage('audit', null)).rejects.toThrow('数据表不存在');
    await signInAs(org.staff);
    await expect(restoreRecord('units', p1.rows[1].id)).rejects.toThrow('没有权限');
  });
});
