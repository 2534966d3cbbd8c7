// 载入演示数据: a complete fictitious bureau, so a newcomer can try every module at once.
// The organisation is made here; each module adds its own sample records through demo/modules.ts.
import type { Role } from '../../../shared/permissions';
import type { Rank } from '../../../shared/rules';
import { makeAccountSecret } from '../auth/service';
import { db } from '../db/db';
import { insertMany, SYSTEM_ACTOR, update, writeTx } from '../db/repo';
import type { Staff } from '../db/schema/core';
import { setSetting } from '../db/settings';

import { soleWriteTransaction, withDemoCore } from './fastCore';
import { DEMO_MODULES } from './modules';
import type { DemoContext, DemoModule } from './modules';
// The modules' approval handlers must be registered before their demo requests are decided.
import '../features/register';

export const DEMO_PASSWORD = 'demo1234';

type Person = {
  name: string;
  section: string | null;
  rank: Rank;
  roles: Role[];
  title: string;
  login?: string;
};

// a section's head, and its 科员 (in this order)
function head(name: string, section: string, role: Role, title: string): Person {
  return { name, section, rank: 'section_head', roles: ['section_head', role], title };
}
function clerks(section: string, role: Role, ...names: string[]): Person[] {
  return names.map((name) => ({ name, section, rank: 'staff', roles: [role], title: '科员' }));
}

// ~30 fictitious staff. Login names for the people a newcomer will want to try as.
export const DEMO_PEOPLE: Person[] = [
  { name: '刘建国', section: null, rank: 'director', roles: ['director'], title: '局长', login: 'juzhang' },
  {
    name: '陈志华',
    section: null,
    rank: 'deputy',
    roles: ['deputy'],
    title: '副局长（分管财务、办公室）',
    login: 'fujuzhang1',
  },
  {
    name: '王丽娟',
    section: null,
    rank: 'deputy',
    roles: ['deputy'],
    title: '副局长（分管办信、接访）',
    login: 'fujuzhang2',
  },
  {
    name: '赵国强',
    section: null,
    rank: 'deputy',
    roles: ['deputy', 'discipline'],
    title: '纪检组长',
    login: 'jijian',
  },
  {
    name: '李红梅',
    section: '办公室',
    rank: 'section_head',
    roles: ['section_head', 'office'],
    title: '办公室主任',
    login: 'bangongshi',
  },
  {
    name: '周晓燕',
    section: '办公室',
    rank: 'staff',
    roles: ['office'],
    title: '考勤员、文书',
    login: 'kaoqin',
  },
  { name: '吴敏', section: '办公室', rank: 'staff', roles: ['finance'], title: '会计', login: 'caiwu' },
  { name: '郑小军', section: '办公室', rank: 'staff', roles: ['office'], title: '印章保管、档案' },
  {
    name: '孙立新',
    section: '办信股',
    rank: 'section_head',
    roles: ['section_head', 'petition'],
    title: '办信股股长',
    login: 'banxin',
  },
  { name: '钱雪', section: '办信股', rank: 'staff', roles: ['petition'], title: '科员', login: 'keyuan' },
  ...clerks('办信股', 'petition', '冯涛', '蒋芳', '沈伟'),
  {
    name: '韩冰',
    section: '接访股',
    rank: 'section_head',
    roles: ['section_head', 'petition'],
    title: '接访股股长',
    login: 'jiefang',
  },
  ...clerks('接访股', 'petition', '杨帆', '朱丹', '秦浩', '许静'),
  head('何勇', '联席办', 'petition', '联席办主任'),
  ...clerks('联席办', 'petition', '吕娜', '施磊'),
  head('张丹', '复查复核办', 'petition', '复查复核办主任'),
  ...clerks('复查复核办', 'petition', '孔祥', '曹静', '严明'),
  head('华丽', '党支部办公室', 'office', '党支部办公室主任'),
  ...clerks('党支部办公室', 'office', '金鑫', '魏然'),
  ...clerks('办信股', 'petition', '陶然'),
  ...clerks('接访股', 'petition', '姜山'),
];

// Which deputy is in charge of which sections.
const DEPUTY_OF: Record<string, string> = {
  办公室: '陈志华',
  党支部办公室: '陈志华',
  办信股: '王丽娟',
  接访股: '王丽娟',
  联席办: '王丽娟',
  复查复核办: '赵国强',
};

export const DEMO_TOWNSHIPS = [
  '金石镇',
  '回龙镇',
  '高桥镇',
  '崀山镇',
  '一渡水镇',
  '白沙镇',
  '清江桥乡',
  '黄龙镇',
  '水庙镇',
  '马头桥镇',
];
export const DEMO_DEPARTMENTS = [
  '县人社局',
  '县自然资源局',
  '县住建局',
  '县公安局',
  '县教育局',
  '县卫健局',
  '县民政局',
  '县农业农村局',
  '县市场监管局',
  '县交通运输局',
];

// message: what is being made; fraction: how much of the whole is done (0–1), for a progress bar.
export type DemoProgress = (message: string, fraction?: number) => void;

// How long each module's generator takes, roughly (measured by the bench's 载入演示数据): the bar
// moves by these shares, not by one step per module.
const DEMO_WEIGHTS: Record<string, number> = {
  信访: 28,
  公文与印章: 25,
  考勤: 16,
  财务: 9,
  会议与学习: 4,
  请假与外出: 4,
  值班与车辆: 3,
  考核与监督: 1,
  宣传奖励: 1,
  廉政: 1,
};

// The demo's many writes keep their audit entries in memory until the end of each transaction
// (bufferAudit), so a module's thousands of records do not each wait for an audit write; and the
// database is opened with demoCore (./fastCore) meanwhile: records read again come from memory, and
// writes are held back to the end of their transaction's scope (or its next index read) and sent
// together, without waiting for their answer.
export async function loadDemoData(progress: DemoProgress = () => undefined): Promise<void> {
  await withDemoCore(db, (check) => loadAll(progress, check), demoCoreOn);
}

// For the bench's comparison in one run: the demo without demoCore (each write waited for).
let demoCoreOn = true;
export function setDemoCore(on: boolean): void {
  demoCoreOn = on;
}

async function loadAll(progress: DemoProgress, check: () => void): Promise<void> {
  progress('正在创建演示人员…');
  // one hash for all demo accounts (it is demo data), made while the people and units are written
  const secretP = makeAccountSecret(DEMO_PASSWORD);
  secretP.catch(() => undefined); // a failure is met where it is awaited, below
  const sections = await db.sections.toArray();
  const sectionId = (name: string | null) =>
    name ? (sections.find((s) => s.name === name)?.id ?? null) : null;
  const byName = new Map<string, Staff>();
  await writeTx([db.staff, db.sections, db.units, db.responsibleRoutes], async () => {
    const people = await insertMany(
      db.staff,
      DEMO_PEOPLE.map((p) => ({
        name: p.name,
        sectionId: sectionId(p.section),
        rank: p.rank,
        roles: p.roles,
        title: p.title,
        active: true,
      })),
      SYSTEM_ACTOR,
      '演示数据',
    );
    people.forEach((s, i) => byName.set(DEMO_PEOPLE[i].name, s));
    for (const sec of sections) {
      const head = DEMO_PEOPLE.find((p) => p.section === sec.name && p.rank === 'section_head');
      await update(
        db.sections,
        sec.id,
        {
          headId: head ? byName.get(head.name)!.id : null,
          deputyId: byName.get(DEPUTY_OF[sec.name])?.id ?? null,
        },
        SYSTEM_ACTOR,
        '演示数据',
      );
    }
    const unitIds = (
      await insertMany(
        db.units,
        DEMO_TOWNSHIPS.map((t) => ({ name: `${t}人民政府`, kind: 'township' as const, active: true })),
        SYSTEM_ACTOR,
      )
    ).map((u) => u.id);
    const deptIds = (
      await insertMany(
        db.units,
        DEMO_DEPARTMENTS.map((d) => ({ name: d, kind: 'department' as const, active: true })),
        SYSTEM_ACTOR,
      )
    ).map((u) => u.id);
    const subjects = ['劳动社保', '国土资源', '城乡建设', '政法', '教育', '卫生健康', '民政', '农业农村'];
    const routes = [];
    for (let t = 0; t < DEMO_TOWNSHIPS.length; t++) {
      for (let s = 0; s < subjects.length; s++) {
        // Land and construction matters go to the township first (属地管理); the rest to the department.
        const unitId = s === 1 || s === 7 ? unitIds[t] : deptIds[s % deptIds.length];
        routes.push({ township: DEMO_TOWNSHIPS[t], subject: subjects[s], unitId });
      }
    }
    await insertMany(db.responsibleRoutes, routes, SYSTEM_ACTOR);
  });
  const secret = await secretP; // WebCrypto: awaited outside any transaction
  await writeTx([db.accounts], async () => {
    await insertMany(
      db.accounts,
      DEMO_PEOPLE.filter((p) => p.login).map((p) => ({
        staffId: byName.get(p.name)!.id,
        loginName: p.login!,
        ...secret,
        failedAttempts: 0,
        lockedUntil: null,
      })),
      SYSTEM_ACTOR,
      '演示账户',
    );
  });
  await setSetting('directorId', byName.get('刘建国')!.id, SYSTEM_ACTOR);
  await setSetting('financeDeputyId', byName.get('陈志华')!.id, SYSTEM_ACTOR);
  await setSetting('officeDeputyId', byName.get('陈志华')!.id, SYSTEM_ACTOR);
  check();
  const weights = DEMO_MODULES.map((m) => DEMO_WEIGHTS[m.label] ?? 3);
  const all = weights.reduce((a, b) => a + b, 0) / 0.95; // the first 5 %: the people and units above
  let done = 0.05 * all;
  for (const [i, m] of DEMO_MODULES.entries()) {
    const at = done / all;
    progress(`正在生成演示数据：${m.label}…`, at);
    await loadModule(m, { staff: [...byName.values()], progress: (message) => progress(message, at) });
    check();
    done += weights[i];
  }
  progress('演示数据已载入', 1);
}

// A module's generator runs in one transaction over every table: its hundreds of commands join it,
// where each would otherwise pay for a transaction of its own (its opening, the audit chain's head
// read again, its commit, the reads of the actor and settings outside it). A generator that waits on
// something other than the database says so (ownTransactions). If the one transaction fails — a
// command refused inside it undoes all of it (Dexie aborts the outer transaction with a nested one),
// where on its own it would only have refused itself; which command refuses depends on the day (a
// car already booked today) — the generator runs once more on its own transactions: it is seeded, so
// it writes the same records. Not before the first run has stopped: a generator that catches a
// refusal goes on (every later write of it refused), and two runs at once would interleave. While
// the first run lasts no other write transaction is opened (soleWriteTransaction), so none of its
// records outlives the rollback.
async function loadModule(m: DemoModule, ctx: DemoContext): Promise<void> {
  if (m.ownTransactions) return m.load(ctx);
  let first: Promise<void> | undefined;
  try {
    await soleWriteTransaction(async () => {
      try {
        await writeTx(db.tables, () => (first = m.load(ctx)));
      } finally {
        await first?.catch(() => undefined);
      }
    });
  } catch {
    await m.load(ctx);
  }
}
