// The petitions module's ledgers (来信台帐, 来访台帐, 上访台账) and statistics as pure data, and the
// one masking function for informants' identity (PET-6) that every list, print and export uses. Inputs come already labelled (Chinese strings) from the renderer; nothing here reads
// a clock, a database or the DOM.
import type { LedgerColumn, LedgerSpec } from '../ledger';
import { PROVISIONAL_LABEL, provisionalDate, provisionalReason } from '../rules';

import { columns } from './columns';

export const INFORMANT_MASK = '***';

export type PetitionerIdentity = {
  informant: boolean;
  name: string;
  idNo?: string | null;
  phone?: string | null;
  address?: string | null;
  representatives?: { name: string; idNo?: string | null; phone?: string | null }[];
};

// PET-6: the informant's identity (name, ID number, phone, address, and any representatives)
// replaced by the mask — the one way of masking it. Whether a case is an informant case and
// whether this viewer may see it are decided where petitions leave the database (the petitions
// queries, from the session: features/petitions/informant.ts); the ledgers below receive their
// items already masked. Here the identity is replaced; anything else is kept, and a field the value does not have is not added
// (so a partial value, such as an audit entry's changed fields, keeps its shape).
export function maskIdentity<T extends Partial<PetitionerIdentity>>(p: T): T {
  const hide = (v: string | null | undefined) => (v ? INFORMANT_MASK : v);
  const out: Partial<PetitionerIdentity> = { ...p };
  if ('name' in p) out.name = INFORMANT_MASK;
  if ('idNo' in p) out.idNo = hide(p.idNo);
  if ('phone' in p) out.phone = hide(p.phone);
  if ('address' in p) out.address = hide(p.address);
  if ('representatives' in p)
    out.representatives = p.representatives?.map((r) => ({
      name: INFORMANT_MASK,
      idNo: hide(r.idNo),
      phone: hide(r.phone),
    }));
  return out as T;
}

// One case as a ledger row needs it; labels resolved by the caller.
export type PetitionLedgerItem = PetitionerIdentity & {
  regNo: string;
  receivedOn: string; // ISODate
  township: string;
  source: string; // 信件来源 / 渠道
  category: string;
  summary: string;
  handling: string; // 办理方式: 转送, 交办, 受理 ...
  unitName: string;
  handedOn?: string | null;
  dueOn?: string | null; // 办理期限
  dueProvisional?: number[]; // the years without holidays it was counted over: written “…（暂定）”
  concludedOn?: string | null;
  outcome: string;
  nationalNo?: string | null;
  state: string;
  remarks: string;
  visitors?: number;
  receptionist?: string;
};

// Items arrive masked (PET-6) from the petitions queries: these builders only lay them out.
export type LedgerOptions = { unitName: string; period: string };

export const LETTER_LEDGER_COLUMNS: LedgerColumn[] = columns(`
  no=序号/int/6 regNo=登记编号/nowrap/20 receivedOn=收信日期/date/12 name=来信人/10 phone=联系电话/nowrap/14
  address=住址/所属乡镇/24 source=信件来源/12 category=问题类别/12 summary=内容摘要/40 handling=办理方式/10
  unitName=责任单位/18 handedOn=交办日期/date/12 dueOn=办理期限/date/12 concludedOn=办结日期/date/12
  outcome=办理结果/16 nationalNo=全国系统录入编号/nowrap/20 state=状态/10 remarks=备注/20`);

export const VISIT_LEDGER_COLUMNS: LedgerColumn[] = columns(`
  no=序号/int/6 regNo=登记编号/nowrap/20 receivedOn=来访日期/date/12 name=来访人/12 visitors=人数/int/6
  phone=联系电话/nowrap/14 township=所属乡镇/12 category=问题类别/12 summary=内容摘要/40
  receptionist=接待人/10 handling=办理方式/10 unitName=责任单位/18 dueOn=办理期限/date/12
  concludedOn=办结日期/date/12 outcome=办理结果/16 remarks=备注/20`);

// A limit counted over a year whose holidays are not loaded is written “2027-01-12（暂定）” (a text
// cell) and explained under the table.
function dueCell(p: PetitionLedgerItem): string | null {
  if (!p.dueOn) return null;
  return provisionalDate(p.dueOn, p.dueProvisional ?? []);
}

function provisionalNotes(items: readonly PetitionLedgerItem[]): string[] {
  const years = [...new Set(items.flatMap((p) => (p.dueOn ? (p.dueProvisional ?? []) : [])))].sort();
  return years.length ? [`标“${PROVISIONAL_LABEL}”的办理期限：${provisionalReason(years)}。`] : [];
}

const byNumberThenDate = (a: PetitionLedgerItem, b: PetitionLedgerItem) =>
  a.receivedOn.localeCompare(b.receivedOn) || a.regNo.localeCompare(b.regNo);

// 来信台帐 (product.md: columns in exactly this order)
export function letterLedgerSpec(items: readonly PetitionLedgerItem[], o: LedgerOptions): LedgerSpec {
  const rows = [...items].sort(byNumberThenDate).map((p, i) => {
    const where = [p.address, p.township].filter((s) => s && s.trim()).join('/');
    return {
      no: i + 1,
      regNo: p.regNo,
      receivedOn: p.receivedOn,
      name: p.name,
      phone: p.phone ?? '',
      address: where,
      source: p.source,
      category: p.category,
      summary: p.summary,
      handling: p.handling,
      unitName: p.unitName,
      handedOn: p.handedOn ?? null,
      dueOn: dueCell(p),
      concludedOn: p.concludedOn ?? null,
      outcome: p.outcome,
      nationalNo: p.nationalNo ?? '',
      state: p.state,
      remarks: p.remarks,
    };
  });
  return {
    unitName: o.unitName,
    ledgerName: '来信台帐',
    period: o.period,
    columns: LETTER_LEDGER_COLUMNS,
    rows,
    notes: [`共 ${rows.length} 件。检举揭发件的信访人信息按规定隐去（PET-6）。`, ...provisionalNotes(items)],
    orientation: 'landscape',
    paper: 'A3', // 18 columns: too wide for A4 at 9 pt
  };
}

// 来访台帐
export function visitLedgerSpec(items: readonly PetitionLedgerItem[], o: LedgerOptions): LedgerSpec {
  const rows = [...items].sort(byNumberThenDate).map((p, i) => {
    const reps = p.representatives?.length ? `代表：${p.representatives.map((r) => r.name).join('、')}` : '';
    return {
      no: i + 1,
      regNo: p.regNo,
      receivedOn: p.receivedOn,
      name: p.name,
      visitors: p.visitors ?? 1,
      phone: p.phone ?? '',
      township: p.township,
      category: p.category,
      summary: p.summary,
      receptionist: p.receptionist ?? '',
      handling: p.handling,
      unitName: p.unitName,
      dueOn: dueCell(p),
      concludedOn: p.concludedOn ?? null,
      outcome: p.outcome,
      remarks: [reps, p.remarks].filter(Boolean).join('；'),
    };
  });
  const people = rows.reduce((n, r) => n + r.visitors, 0);
  return {
    unitName: o.unitName,
    ledgerName: '来访台帐',
    period: o.period,
    columns: VISIT_LEDGER_COLUMNS,
    rows,
    notes: [
      `共 ${rows.length} 批 ${people} 人次。检举揭发件的信访人信息按规定隐去（PET-6）。`,
      ...provisionalNotes(items),
    ],
    orientation: 'landscape',
    paper: 'A3', // 16 columns: too wide for A4 at 9 pt
  };
}

export type HigherVisitLedgerItem = {
  date: string;
  level: string; // 到县 / 到市 / 赴省 / 进京
  name: string;
  idNo?: string | null;
  phone?: string | null;
  township: string;
  persons: number;
  category: string;
  summary: string;
  place?: string;
  handledBy?: string;
  result?: string;
};

export const HIGHER_VISIT_COLUMNS: LedgerColumn[] = columns(`
  no=序号/int/6 date=日期/date/12 level=去向/8 name=上访人/10 idNo=身份证号/nowrap/20
  phone=联系电话/nowrap/14 township=所属乡镇/12 persons=人数/int/6 category=问题类别/12 summary=反映问题/36
  place=登记地点/14 handledBy=接返/劝返人员/14 result=处理情况/20`);

// 到县、到市、赴省、进京上访台账 (接访股职责4)
export function higherVisitLedgerSpec(items: readonly HigherVisitLedgerItem[], o: LedgerOptions): LedgerSpec {
  const rows = [...items]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((v, i) => ({
      no: i + 1,
      date: v.date,
      level: v.level,
      name: v.name,
      idNo: v.idNo ?? '',
      phone: v.phone ?? '',
      township: v.township,
      persons: v.persons,
      category: v.category,
      summary: v.summary,
      place: v.place ?? '',
      handledBy: v.handledBy ?? '',
      result: v.result ?? '',
    }));
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.level, (by.get(r.level) ?? 0) + r.persons);
  const summary = [...by].map(([k, n]) => `${k}${n}人次`).join('，');
  return {
    unitName: o.unitName,
    ledgerName: '到县到市赴省进京上访台账',
    period: o.period,
    columns: HIGHER_VISIT_COLUMNS,
    rows,
    notes: [`共 ${rows.length} 批${summary ? `：${summary}` : ''}。`],
    orientation: 'landscape',
  };
}

// ---- statistics -------------------------------------------------------------------------------

export type StatsItem = {
  channel: string;
  category: string;
  township: string;
  outcome: string; // '' while not concluded
  visitors: number; // 1 for letters
  onTime: boolean | null; // concluded with a running limit: within it? null = no limit or not concluded
};

export type CountRow = { key: string; count: number };

export type PetitionStats = {
  total: number;
  people: number;
  byChannel: CountRow[];
  byCategory: CountRow[];
  byTownship: CountRow[];
  byOutcome: CountRow[];
  concludedWithLimit: number;
  onTime: number;
  onTimeRate: number | null; // 0..1, null when nothing was concluded against a limit
};

function countBy(items: readonly StatsItem[], key: (i: StatsItem) => string): CountRow[] {
  const m = new Map<string, number>();
  for (const i of items) {
    const k = key(i) || '（未填）';
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'zh'));
}

export function petitionStats(items: readonly StatsItem[]): PetitionStats {
  const judged = items.filter((i) => i.onTime !== null);
  const onTime = judged.filter((i) => i.onTime).length;
  return {
    total: items.length,
    people: items.reduce((n, i) => n + i.visitors, 0),
    byChannel: countBy(items, (i) => i.channel),
    byCategory: countBy(items, (i) => i.category),
    byTownship: countBy(items, (i) => i.township),
    byOutcome: countBy(
      items.filter((i) => i.outcome),
      (i) => i.outcome,
    ),
    concludedWithLimit: judged.length,
    onTime,
    onTimeRate: judged.length ? onTime / judged.length : null,
  };
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

// 上访情况分析: a first draft the office edits (接访股职责5)
export function analysisDraft(s: PetitionStats, period: string, previous?: PetitionStats | null): string {
  const list = (rows: CountRow[], n = 3) =>
    rows.length
      ? rows
          .slice(0, n)
          .map((r) => `${r.key}${r.count}件`)
          .join('、')
      : '无';
  const lines = [
    `一、基本情况`,
    `${period}，全县共登记信访事项${s.total}件${s.people !== s.total ? `（涉及${s.people}人次）` : ''}。` +
      `按渠道分：${list(s.byChannel, 6)}。`,
  ];
  if (previous) {
    const d = s.total - previous.total;
    lines.push(
      `与上期（${previous.total}件）相比${d === 0 ? '持平' : d > 0 ? `上升${d}件` : `下降${-d}件`}。`,
    );
  }
  lines.push(
    `二、反映的主要问题`,
    `按问题类别，居前的是：${list(s.byCategory)}。`,
    `按乡镇，信访量较多的是：${list(s.byTownship)}。`,
    `三、办理情况`,
    `已办结的事项中，办理结果为：${list(s.byOutcome, 5)}。按期办结率${formatRate(s.onTimeRate)}` +
      `（有期限的办结件${s.concludedWithLimit}件，按期${s.onTime}件）。`,
    `四、下步工作建议`,
    `（请填写）`,
  );
  return lines.join('\n');
}
