// 来访: the leaders' reception days, visits to higher levels, the monthly analysis.

import type { HigherVisitLedgerItem } from '../../../../../shared/ledgers/petitions';
import { idCardValid } from '../../../../../shared/rules';
import type { ISODate } from '../../../../../shared/rules';
import { db } from '../../../db/db';
import { isDeleted } from '../../../db/live';
import { DomainError, insert, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import { HIGHER_LEVEL_LABELS } from '../labels';

import { need, petitionCommand } from './context';
import type { PetitionCtx } from './context';
import { dateProblem, normIdNo, normPhone } from './validate';

// ---- reception days, visits upward, month reports, settings -------------------------------------

export type ReceptionInput = {
  date: ISODate;
  kind: 'reception' | 'appointment';
  leaderId: string;
  place: string;
  topic?: string;
  visitors: number;
  cases: number; // typed count: used only when no case is linked (visitors not registered as cases)
  petitionIds?: string[]; // 来访 cases registered on that day (channel 'visit', receivedOn = date)
  notes?: string;
};

// The linked cases must be live 来访 cases of the reception day's date.
async function checkReceptionCases(ids: readonly string[], date: ISODate): Promise<string[]> {
  const unique = [...new Set(ids)];
  const rows = await db.petitions.bulkGet(unique);
  rows.forEach((p, i) => {
    if (!p) throw new DomainError(`关联的信访件不存在（${unique[i]}）`, 'petitionIds');
    if (isDeleted(p)) throw new DomainError(`关联的信访件${p.regNo}已删除`, 'petitionIds');
    if (p.channel !== 'visit')
      throw new DomainError(`${p.regNo}不是来访件，不能关联到领导接访`, 'petitionIds');
    if (p.receivedOn !== date)
      throw new DomainError(`${p.regNo}的来访日期是${p.receivedOn}，不是接访日期${date}`, 'petitionIds');
  });
  return unique;
}

const saveReceptionDayCommand = petitionCommand(
  '登记领导接访',
  'petition.register',
  async (ctx, actor, input: ReceptionInput, id?: string) => {
    const leader = ctx.staff.get(input.leaderId);
    if (!leader) throw new DomainError('请选择接访领导', 'leaderId');
    if (!input.date || !/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new DomainError('请填写日期', 'date');
    const place = need(input.place, '请填写地点', 'place');
    const data = {
      date: input.date,
      kind: input.kind,
      leaderId: leader.id,
      leaderName: leader.name,
      place,
      topic: input.topic?.trim() || undefined,
      visitors: Math.max(0, Math.floor(input.visitors || 0)),
      notes: input.notes?.trim() || undefined,
    };
    const typed = Math.max(0, Math.floor(input.cases || 0));
    const petitionIds = await checkReceptionCases(input.petitionIds ?? [], input.date);
    // linked cases are counted; the typed count stays for days whose visitors were not registered
    const row = { ...data, petitionIds, cases: petitionIds.length || typed };
    return id
      ? update(db.receptionDays, id, row, actor, '修改领导接访')
      : insert(db.receptionDays, row, actor, `领导接访 ${input.date} ${leader.name}`);
  },
  (d) => [d.receptionDays, d.petitions],
);

export async function saveReceptionDay(input: ReceptionInput, actor: Actor, id?: string, pre?: PetitionCtx) {
  return saveReceptionDayCommand(actor, pre, input, id);
}

// What a 上访 record holds: the ledger's row (shared/ledgers), with the level as its key.
export type HigherVisitInput = Omit<HigherVisitLedgerItem, 'date' | 'level'> & {
  date: ISODate;
  level: keyof typeof HIGHER_LEVEL_LABELS;
};

const saveHigherVisitCommand = petitionCommand(
  '登记上访情况',
  'petition.register',
  async (ctx, actor, input: HigherVisitInput) => {
    const d = dateProblem(input.date, ctx.today);
    if (d) throw new DomainError(d, 'date');
    const name = need(input.name, '请填写上访人', 'name');
    if (!Number.isInteger(input.persons) || input.persons < 1)
      throw new DomainError('人数应为1以上的整数', 'persons');
    const idNo = normIdNo(input.idNo);
    if (idNo && !idCardValid(idNo)) throw new DomainError('身份证号校验不通过', 'idNo');
    return insert(
      db.higherVisits,
      {
        date: input.date,
        level: input.level,
        name,
        idNo,
        phone: normPhone(input.phone),
        township: need(input.township, '请选择所属乡镇', 'township'),
        persons: input.persons,
        category: need(input.category, '请选择问题类别', 'category'),
        summary: need(input.summary, '请填写反映问题', 'summary'),
        place: input.place?.trim() || undefined,
        handledBy: input.handledBy?.trim() || undefined,
        result: input.result?.trim() || undefined,
        petitionId: null,
      },
      actor,
      `${HIGHER_LEVEL_LABELS[input.level]}上访登记 ${name}`,
    );
  },
  (d) => [d.higherVisits],
);

export async function saveHigherVisit(input: HigherVisitInput, actor: Actor, pre?: PetitionCtx) {
  return saveHigherVisitCommand(actor, pre, input);
}

const saveMonthReportCommand = petitionCommand(
  '编辑上访情况分析',
  'petition.handle',
  async (ctx, actor, month: string, text: string) => {
    if (!/^\d{4}-\d{2}$/.test(month)) throw new DomainError('月份格式不对', 'month');
    const existing = await db.petitionReports.where('month').equals(month).first();
    if (existing) return update(db.petitionReports, existing.id, { text }, actor, `上访情况分析 ${month}`);
    return insert(db.petitionReports, { month, text }, actor, `上访情况分析 ${month}`);
  },
  (d) => [d.petitionReports],
);

export async function saveMonthReport(month: string, text: string, actor: Actor, pre?: PetitionCtx) {
  return saveMonthReportCommand(actor, pre, month, text);
}
