// The petitions repository, continued from repo.test.ts: group visits, recusal, urgent matters and
// replies, the list and search, and import.
import { afterEach, describe, expect, it } from 'vitest';

import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { SYSTEM_ACTOR } from '../../../db/repo';
import { withSeededOrg } from '../../../db/testing';

import {
  acknowledgeDirectorNotice,
  assignHandler,
  downgradeUrgent,
  loadCtx,
  recordRecusal,
  recordReply,
  registerPetition,
  reportUrgent,
} from './commands';
import { makeIdNo } from './idgen';
import { checkImport, importPetitions, rowsFromSheet } from './import';
import { listPetitions } from './queries';
import { expectRefusal, letter, seedUnits } from './testing';
import { signOut } from './testing-session';
import type { RegistrationInput } from './validate';

const org = withSeededOrg('2026-05-20T10:00:00', async () => {
  await seedUnits();
});
afterEach(() => {
  pinClock(null);
  signOut();
});

describe('group visits (PET-12)', () => {
  const visit = (o: Partial<RegistrationInput>) =>
    letter({
      channel: 'visit',
      visitors: 8,
      receptionistId: org.head.id,
      summary: '集体反映征地补偿问题',
      ...o,
    });

  it('requires 1 to 5 representatives when more than 5 people come', async () => {
    await expectRefusal(
      registerPetition(visit({ representatives: [] }), org.actor(org.staff)),
      'PET-12',
      'representatives',
    );
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i + 1}` }));
    await expectRefusal(
      registerPetition(visit({ representatives: six }), org.actor(org.staff)),
      'PET-12',
      'representatives',
      '5',
    );
    const ok = await registerPetition(
      visit({ representatives: [{ name: '代表甲', idNo: makeIdNo('1965-05-05', 3) }, { name: '代表乙' }] }),
      org.actor(org.staff),
    );
    expect(ok.visitors).toBe(8);
    expect(ok.representatives).toHaveLength(2);
    expect(ok.receptionistName).toBe(org.head.name);
    expect(ok.regNo).toBe('宁信访〔2026〕0001');
  });

  it('allows a small visit without representatives, and needs the receptionist', async () => {
    const ok = await registerPetition(visit({ visitors: 3, representatives: [] }), org.actor(org.staff));
    expect(ok.representatives).toEqual([]);
    await expectRefusal(
      registerPetition(visit({ visitors: 2, receptionistId: null }), org.actor(org.staff)),
      undefined,
      'receptionistId',
    );
  });
});

describe('recusal (PET-13)', () => {
  it('keeps a recused member from being assigned, and withdraws a recused assignee', async () => {
    const actor = org.actor(org.head);
    let p = await registerPetition(letter(), actor);
    p = await assignHandler(p.id, org.staff.id, actor);
    expect(p.assigneeName).toBe(org.staff.name);
    p = await recordRecusal(
      p.id,
      { staffId: org.staff.id, reason: 'relative', on: '2026-05-08', note: '信访人是其舅舅' },
      actor,
    );
    expect(p.assigneeId).toBeNull();
    await expectRefusal(assignHandler(p.id, org.staff.id, actor), 'PET-13', 'staffId');
    p = await assignHandler(p.id, org.head.id, actor);
    expect(p.assigneeId).toBe(org.head.id);
  });
});

describe('urgent matters (PET-7) and replies (PET-11)', () => {
  it('keeps an urgent matter open until reported; a late report or a downgrade needs a reason the director sees', async () => {
    const actor = org.actor(org.staff);
    const p = await registerPetition(letter({ urgent: true, summary: '群体聚集可能引发冲突' }), actor);
    expect(p.urgentOpen).toBe(1);
    await expectRefusal(
      reportUrgent(p.id, { at: '2026-05-20T10:30', recipients: [] }, actor),
      'PET-7',
      'recipients',
    );
    const r = await reportUrgent(
      p.id,
      { at: '2026-05-20T10:30', recipients: ['县委', '县政府', '市信访局'] },
      actor,
    );
    expect(r.urgentOpen).toBeNull();
    expect(r.urgentReport?.recipients).toEqual(['县委', '县政府', '市信访局']);
    expect(r.directorNoticeOpen).toBeNull();

    await expectRefusal(downgradeUrgent(p.id, ' ', actor), 'PET-7', 'reason');
    const d = await downgradeUrgent(p.id, '经核实为个人纠纷', actor);
    expect(d.urgent).toBe(false);
    expect(d.directorNoticeOpen).toBe(1);
    await expectRefusal(acknowledgeDirectorNotice(p.id, actor), 'PET-7');
    expect((await acknowledgeDirectorNotice(p.id, org.actor(org.director))).directorNoticeOpen).toBeNull();
    expect(await db.petitions.where('directorNoticeOpen').equals(1).count()).toBe(0);
  });

  it('records a complaint about a reply’s attitude against the staff member', async () => {
    const p = await registerPetition(letter(), org.actor(org.staff));
    await recordReply(
      p.id,
      {
        on: '2026-05-10',
        way: '电话',
        text: '已电话答复',
        staffId: org.staff.id,
        complaint: { staffId: org.staff.id, content: '态度生硬' },
      },
      org.actor(org.head),
    );
    const complaints = await db.staffComplaints.toArray();
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatchObject({
      staffId: org.staff.id,
      source: 'petition_reply',
      sourceRef: p.id,
      kind: 'attitude',
      status: 'received',
    });
  });
});

describe('list and search', () => {
  it('pages by key, 50 a page, with a count from the index, and finds Chinese text', async () => {
    const actor = org.actor(org.staff);
    const { writeTx } = await import('../../../db/repo');
    const { registerTx, writeTables } = await import('./commands');
    const ctx = await loadCtx(actor);
    await writeTx(writeTables(), async () => {
      for (let i = 0; i < 120; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        await registerTx(
          letter({
            receivedOn: `2026-04-${day}`,
            idNo: null,
            phone: null,
            name: `人${i}`,
            summary: i % 10 === 0 ? `第${i}件 反映自来水管道破裂漏水` : `第${i}件 其他事项编号${i}`,
          }),
          {},
          ctx,
          actor,
        );
      }
    });
    const seen = new Set<string>();
    let page = await listPetitions({}, null);
    expect(page.count).toBe(120);
    expect(page.countExact).toBe(true);
    const sizes: number[] = [];
    for (;;) {
      sizes.push(page.rows.length);
      for (const r of page.rows) {
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
      }
      if (!page.next) break;
      page = await listPetitions({}, page.next);
    }
    expect(sizes).toEqual([50, 50, 20]);
    // the count is cached until the petitions change
    await registerPetition(letter({ idNo: null, phone: null, name: '新来信', summary: '新的事项' }), actor);
    expect((await listPetitions({}, null)).count).toBe(121);
    expect((await listPetitions({ category: '劳动社保' }, null)).count).toBe(121);
    const hits = await listPetitions({ text: '管道破裂' }, null);
    expect(hits.rows).toHaveLength(12);
    expect(hits.rows.every((r) => r.summary.includes('管道破裂'))).toBe(true);
    // full text pages by key too: 108 summaries hold 其他事项
    const seenText = new Set<string>();
    let tp = await listPetitions({ text: '其他事项' }, null);
    expect(tp.count).toBe(108);
    const textSizes: number[] = [];
    for (;;) {
      textSizes.push(tp.rows.length);
      for (const r of tp.rows) {
        expect(r.summary).toContain('其他事项');
        expect(seenText.has(r.id)).toBe(false);
        seenText.add(r.id);
      }
      if (!tp.next) break;
      tp = await listPetitions({ text: '其他事项' }, tp.next);
    }
    expect(textSizes).toEqual([50, 50, 8]);
    expect(
      (await listPetitions({ text: '其他事项', from: '2026-04-01', to: '2026-04-01' }, null)).rows.every(
        (r) => r.receivedOn === '2026-04-01',
      ),
    ).toBe(true);
    const ranged = await listPetitions({ from: '2026-04-01', to: '2026-04-02', category: '劳动社保' }, null);
    expect(ranged.rows.every((r) => r.receivedOn <= '2026-04-02')).toBe(true);
    expect(ranged.count).toBe(ranged.rows.length);
    expect((await listPetitions({ regNo: '宁信来〔2026〕0007' }, null)).rows.map((r) => r.regNo)).toEqual([
      '宁信来〔2026〕0007',
    ]);
  });
});

describe('import (all or nothing)', () => {
  const sheet = (rows: (string | Date | number | null)[][]) =>
    rowsFromSheet([
      ['全国信访信息系统导出'],
      [
        '登记编号',
        '收信日期',
        '来信人',
        '身份证号',
        '联系电话',
        '所属乡镇',
        '问题类别',
        '内容摘要',
        '全国系统录入编号',
      ],
      ...rows,
    ]);
  // a good row: with an ID number, a phone and its number in the national system
  const XN001 = [
    'XN001',
    new Date(Date.UTC(2026, 3, 2)),
    '甲',
    makeIdNo('1960-01-01', 1),
    '13800000001',
    '金石镇',
    '劳动社保',
    '工资问题',
    'GJ001',
  ];

  it('refuses every row when one is bad, with the reason per row', async () => {
    const { rows } = sheet([
      XN001,
      ['XN002', '2026/4/3', '', null, null, '金石镇', '劳动社保', '工资问题', null],
      ['XN003', '2026-06-01', '丙', '430528196001010000', null, '火星镇', '劳动社保', '工资问题', null],
    ]);
    const checked = await checkImport(rows, { actor: SYSTEM_ACTOR });
    const texts = (i: number) => checked.rows[i].errors.map((e) => e.text);
    expect(checked.rows[0].errors).toEqual([]);
    expect(texts(1)).toContain('缺少信访人（来信人）');
    expect(texts(2).join()).toMatch(/不能晚于今天/);
    expect(texts(2).join()).toMatch(/身份证号/);
    expect(texts(2).join()).toMatch(/火星镇/);
    await expectRefusal(
      importPetitions(checked, new Map(), org.actor(org.staff)),
      'PET-1',
      'rows',
      '未导入任何数据',
    );
    expect(await db.petitions.count()).toBe(0);
  });

  it('rolls every row back when a write fails half-way', async () => {
    const { rows } = sheet([
      ['XN101', '2026-04-02', '甲', null, null, '金石镇', '劳动社保', '工资问题', null],
      ['XN102', '2026-04-03', '乙', null, null, '金石镇', '劳动社保', '工资问题', null],
    ]);
    const auditBefore = await db.audit.count();
    const hook = (_pk: unknown, obj: { regNo?: string }) => {
      if (obj.regNo === 'XN102') throw new Error('磁盘已满（模拟）');
    };
    db.petitions.hook('creating', hook);
    try {
      const checked = await checkImport(rows, { actor: SYSTEM_ACTOR });
      await expect(importPetitions(checked, new Map(), org.actor(org.staff))).rejects.toThrow('磁盘已满');
    } finally {
      db.petitions.hook('creating').unsubscribe(hook);
    }
    expect(await db.petitions.count()).toBe(0);
    expect(await db.petitionSteps.count()).toBe(0);
    expect(await db.audit.count()).toBe(auditBefore);
  });

  it('imports all valid rows in one go, keeping their numbers', async () => {
    const { rows } = sheet([
      XN001,
      ['宁信来〔2026〕0009', 46115, '乙', null, null, '回龙镇', '国土资源', '宅基地纠纷', null],
    ]);
    expect(rows[1].input.receivedOn).toBe('2026-04-03');
    const checked = await checkImport(rows, { actor: SYSTEM_ACTOR });
    expect((await importPetitions(checked, new Map(), org.actor(org.staff))).imported).toBe(2);
    const all = await db.petitions.orderBy('regNo').toArray();
    expect(all.map((p) => p.regNo).sort()).toEqual(['XN001', '宁信来〔2026〕0009'].sort());
    expect(all.find((p) => p.regNo === 'XN001')!.nationalNo).toBe('GJ001');
    const next = await registerPetition(letter(), org.actor(org.staff));
    expect(next.regNo).toBe('宁信来〔2026〕0010');
    // a number already taken: the same record imported before (only 跳过), never a second XN001
    const again = await checkImport(rows.slice(0, 1), { actor: SYSTEM_ACTOR });
    expect(again.rows[0]).toMatchObject({
      status: 'duplicate',
      matches: [{ regNo: 'XN001', sameNumber: true }],
    });
    await expectRefusal(importPetitions(again, new Map(), org.actor(org.staff)), 'PET-10', 'rows', '第3行');
  });
});
