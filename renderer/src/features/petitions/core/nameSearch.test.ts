// The 姓名 search by pinyin: the keys (text.ts, pinyinKeys.ts) and the list query (queries.ts).
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { insert, SYSTEM_ACTOR } from '../../../db/repo';
import { resetDb, seedOrg } from '../../../db/testing';
import type { TestOrg } from '../../../db/testing';

import { registerPetition } from './commands';
import { nameTermPrefixes, petitionNameKeys } from './pinyinKeys';
import { listPetitions } from './queries';
import { nameKeysFrom, namePrefixesFrom } from './text';
import type { RegistrationInput } from './validate';

describe('nameKeysFrom / namePrefixesFrom (pure)', () => {
  const zh = (...s: string[]) => s.map((spelt) => ({ spelt, zh: true }));
  it('holds the name, full pinyin, initials and full-then-initials', () => {
    expect(nameKeysFrom('张三丰', zh('zhang', 'san', 'feng')).sort()).toEqual(
      ['张三丰', 'zhangsanfeng', 'zsf', 'zhangsf', 'zhangsanf'].sort(),
    );
  });
  it('spells ü as v and as u, only in characters', () => {
    const keys = nameKeysFrom('吕布', zh('lv', 'bu'));
    expect(keys).toEqual(expect.arrayContaining(['lvbu', 'lubu', 'lb', 'lvb', 'lub']));
    expect(nameKeysFrom('Vivian', [{ spelt: 'Vivian', zh: false }])).toEqual(['vivian', 'v']);
  });
  it('keeps only name, full and initials of a very long name', () => {
    const syl = zh('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i');
    expect(nameKeysFrom('某某某某某某某某某', syl)).toEqual(['某某某某某某某某某', 'abcdefghi']);
  });
  it('an empty name has no keys; blanks and separators are dropped', () => {
    expect(nameKeysFrom('', [])).toEqual([]);
    expect(nameKeysFrom(' ', [{ spelt: ' ', zh: false }])).toEqual([]);
  });
  it('a typed term mixing characters and letters: characters spelt full and by initials', () => {
    expect(namePrefixesFrom([...zh('zhang'), { spelt: 's', zh: false }])).toEqual(['zhangs', 'zs']);
    expect(namePrefixesFrom([{ spelt: 'Liu ', zh: false }])).toEqual(['liu']);
    expect(namePrefixesFrom([])).toEqual([]);
  });
});

describe('petitionNameKeys / nameTermPrefixes (pinyin-pro)', () => {
  it('reads the first character as a surname and drops the separator of a minority name', () => {
    expect(petitionNameKeys('单田芳')).toEqual(expect.arrayContaining(['shantianfang', 'stf']));
    expect(petitionNameKeys('阿卜杜·热合曼')).toEqual(
      expect.arrayContaining(['阿卜杜热合曼', 'abudureheman', 'abdrhm']),
    );
    expect(petitionNameKeys('ＡＢ张')).toEqual(expect.arrayContaining(['ab张', 'abzhang']));
  });
  it('spells a typed term', () => {
    expect(nameTermPrefixes('刘jg')).toEqual(['liujg', 'ljg']);
  });
});

const letter = (o: Partial<RegistrationInput> = {}): RegistrationInput => ({
  channel: 'letter',
  receivedOn: '2026-05-06',
  letterSource: '群众来信',
  name: '张三',
  idNo: null,
  phone: null,
  address: '金石镇黄家村3组',
  township: '金石镇',
  category: '劳动社保',
  summary: '反映某建筑公司拖欠农民工工资三万元至今未付，多次讨要无果',
  ...o,
});

describe('the list searched by name (listPetitions { name })', () => {
  let org: TestOrg;
  beforeEach(async () => {
    pinClock(new Date(2026, 4, 20, 10, 0, 0));
    await resetDb();
    org = await seedOrg();
    await insert(db.units, { name: '金石镇人民政府', kind: 'township', active: true }, SYSTEM_ACTOR);
  });
  afterEach(() => pinClock(null));

  async function seed() {
    const actor = org.actor(org.staff);
    const reg = (name: string, receivedOn: string) => registerPetition(letter({ name, receivedOn }), actor);
    return {
      zhangsan: await reg('张三', '2026-05-04'),
      zhangsan2: await reg('张三', '2026-05-08'),
      zhangsong: await reg('章松', '2026-05-06'),
      zhaosi: await reg('赵四', '2026-05-07'),
      zhangsanfeng: await reg('张三丰', '2026-05-05'),
      lvbu: await reg('吕布', '2026-05-03'),
    };
  }
  const ids = async (name: string) => (await listPetitions({ name }, null)).rows.map((r) => r.id);

  it('stores the keys with the registration', async () => {
    const { zhangsanfeng } = await seed();
    expect((await db.petitions.get(zhangsanfeng.id))!.nameKeys).toEqual(petitionNameKeys('张三丰'));
  });

  it('finds by initials, full pinyin (with blanks, any case) and mixed spellings, newest first', async () => {
    const p = await seed();
    expect(await ids('zs')).toEqual([
      p.zhangsan2.id,
      p.zhaosi.id,
      p.zhangsong.id,
      p.zhangsanfeng.id,
      p.zhangsan.id,
    ]);
    expect(await ids('zhangsan')).toEqual([p.zhangsan2.id, p.zhangsanfeng.id, p.zhangsan.id]);
    expect(await ids('Zhang San')).toEqual([p.zhangsan2.id, p.zhangsanfeng.id, p.zhangsan.id]);
    expect(await ids('zhangsf')).toEqual([p.zhangsanfeng.id]);
    expect(await ids('zsf')).toEqual([p.zhangsanfeng.id]);
    expect(await ids('ｚｓｆ')).toEqual([p.zhangsanfeng.id]);
    expect(await ids('zhaos')).toEqual([p.zhaosi.id]);
    expect(await ids('lvbu')).toEqual([p.lvbu.id]);
    expect(await ids('lubu')).toEqual([p.lvbu.id]);
    expect(await ids('xyz')).toEqual([]);
  });

  it('a term mixing characters and letters: the characters begin the name', async () => {
    const p = await seed();
    expect(await ids('张s')).toEqual([p.zhangsan2.id, p.zhangsanfeng.id, p.zhangsan.id]);
    expect(await ids('张sf')).toEqual([p.zhangsanfeng.id]);
    expect(await ids('章s')).toEqual([p.zhangsong.id]);
    expect(await ids('张三f')).toEqual([p.zhangsanfeng.id]);
    expect(await ids('zhang三')).toEqual([p.zhangsan2.id, p.zhangsanfeng.id, p.zhangsan.id]);
  });

  it('characters only search as before: a prefix of the name', async () => {
    const p = await seed();
    expect(await ids('张三')).toEqual([p.zhangsan2.id, p.zhangsanfeng.id, p.zhangsan.id]);
    expect(await ids('张三丰')).toEqual([p.zhangsanfeng.id]);
  });

  it('leaves out deleted cases, pages and counts the matches, and applies the other filters', async () => {
    const p = await seed();
    await db.petitions.update(p.zhangsan2.id, { deletedAt: '2026-05-20T00:00:00.000Z' });
    const first = await listPetitions({ name: 'zhangs' }, null, { pageSize: 2 });
    expect(first.rows.map((r) => r.id)).toEqual([p.zhangsong.id, p.zhangsanfeng.id]);
    expect([first.count, first.countExact]).toEqual([3, true]);
    const second = await listPetitions({ name: 'zhangs' }, first.next, { pageSize: 2 });
    expect(second.rows.map((r) => r.id)).toEqual([p.zhangsan.id]);
    expect(second.next).toBeNull();
    expect(
      (await listPetitions({ name: 'zs', from: '2026-05-05', to: '2026-05-06' }, null)).rows.map((r) => r.id),
    ).toEqual([p.zhangsong.id, p.zhangsanfeng.id]);
  });

  it('a live list searched by a mixed term follows a new registration', async () => {
    const p = await seed();
    const seen: string[][] = [];
    const sub = Dexie.liveQuery(() => listPetitions({ name: '张sf' }, null)).subscribe({
      next: (page) => seen.push(page.rows.map((r) => r.id)),
    });
    await expect.poll(() => seen.length).toBe(1);
    const again = await registerPetition(
      letter({ name: '张三丰', receivedOn: '2026-05-09' }),
      org.actor(org.staff),
    );
    await expect.poll(() => seen.at(-1)).toEqual([again.id, p.zhangsanfeng.id]);
    sub.unsubscribe();
  });
});
