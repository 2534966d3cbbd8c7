// 载入演示数据 for 信访: ~300 petitions over the last 12 months in every state (some urgent, some
// informant reports, some overdue, some 重复件, 复查/复核), with their steps, written through the
// repository functions (so demo data obeys every rule) inside one transaction for speed; plus
// leaders' reception days, visits upward and a month's analysis text.
import Dexie from 'dexie';

import { addCalendarDays, isWorkday } from '../../../../../shared/rules';
import type { ISODate } from '../../../../../shared/rules';
import { db } from '../../../db/db';
import { SYSTEM_ACTOR, writeTx } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Staff } from '../../../db/schema/core';
import type { PetitionChannel } from '../../../db/schema/petitions';
import type { DemoModule } from '../../../demo/modules';
import { LETTER_SOURCES, OUTCOMES } from '../labels';

import * as repo from './commands';
import {
  accusationFor,
  between,
  DEMO_CATEGORIES,
  personName,
  phoneNumber,
  pick,
  seeded,
  summaryFor,
  VILLAGES,
} from './demodata';
import { makeIdNo } from './idgen';
import type { RegistrationInput } from './validate';

const CHANNELS: [PetitionChannel, number][] = [
  ['letter', 0.45],
  ['visit', 0.3],
  ['online', 0.1],
  ['governor_mailbox', 0.04],
  ['mayor_mailbox', 0.04],
  ['handed_down', 0.07],
];

function channelOf(r: number): PetitionChannel {
  let acc = 0;
  for (const [c, w] of CHANNELS) {
    acc += w;
    if (r < acc) return c;
  }
  return 'letter';
}

export async function loadPetitionDemo(staff: Staff[], count = 300): Promise<void> {
  const rnd = seeded(20260501);
  const ctx = await repo.loadCtx(SYSTEM_ACTOR);
  const today = ctx.today;
  const cal = ctx.cal;
  const byName = (n: string) => staff.find((s) => s.name === n);
  const as = (s: Staff | undefined): Actor => (s ? { id: s.id, name: s.name } : SYSTEM_ACTOR);
  const clerks = ['钱雪', '冯涛', '蒋芳', '孙立新'].map(byName).filter((s): s is Staff => !!s);
  const receptionists = ['韩冰', '杨帆', '朱丹', '秦浩'].map(byName).filter((s): s is Staff => !!s);
  const director = as(byName('刘建国'));
  const routes = await db.responsibleRoutes.toArray();
  const units = [...ctx.units.values()];
  const departments = units.filter((u) => u.kind === 'department');
  const townships = ctx.townships.length ? ctx.townships : ['城关镇'];
  if (!units.length || !clerks.length) return; // no organisation: nothing sensible to show

  const routeUnit = (township: string, category: string) =>
    routes.find((r) => r.township === township && r.subject === category)?.unitId ??
    pick(rnd, departments.length ? departments : units).id;
  const clamp = (d: ISODate) => (d > today ? today : d);
  const plus = (d: ISODate, lo: number, hi: number) => addCalendarDays(d, between(rnd, lo, hi));

  // received dates: working days over the last 12 months, oldest first so numbers follow dates
  const dates: ISODate[] = [];
  while (dates.length < count) {
    const d = addCalendarDays(today, -between(rnd, 0, 364));
    if (isWorkday(d, cal) || rnd() < 0.05) dates.push(d);
  }
  dates.sort();

  const earlier: { id: string; input: RegistrationInput }[] = [];
  // db.staff: each command reads its actor's roles in this transaction
  await writeTx(
    [...repo.writeTables(), db.staff, db.receptionDays, db.higherVisits, db.petitionReports],
    async () => {
      for (let i = 0; i < dates.length; i++) {
        const receivedOn = dates[i];
        const age = Math.round((Date.parse(today) - Date.parse(receivedOn)) / 86400000);
        const clerk = pick(rnd, clerks);
        const actor = as(clerk);
        const channel = channelOf(rnd());
        const township = pick(rnd, townships);
        const category = pick(rnd, DEMO_CATEGORIES);
        const informant = rnd() < 0.06;
        const accused = informant ? routeUnit(township, category) : null;

        // some petitioners come back with the same matter (重复件)
        const repeat = earlier.length > 10 && rnd() < 0.06 ? pick(rnd, earlier) : null;
        const name = repeat?.input.name ?? personName(rnd);
        const input: RegistrationInput = {
          channel,
          receivedOn,
          letterSource:
            channel === 'letter'
              ? pick(rnd, LETTER_SOURCES)
              : channel === 'handed_down'
                ? pick(rnd, ['市信访局', '省信访局'])
                : null,
          upstreamNo:
            channel === 'handed_down' || channel.endsWith('mailbox')
              ? `SJ${receivedOn.slice(0, 4)}${String(between(rnd, 1000, 9999))}`
              : null,
          name,
          idNo:
            repeat?.input.idNo ??
            (rnd() < 0.8
              ? makeIdNo(
                  `19${between(rnd, 45, 95)}-0${between(rnd, 1, 9)}-1${between(rnd, 0, 9)}`,
                  between(rnd, 1, 999),
                )
              : null),
          phone: repeat?.input.phone ?? phoneNumber(rnd),
          address: `${township}${pick(rnd, VILLAGES)}${between(rnd, 1, 12)}组`,
          township: repeat?.input.township ?? township,
          category: repeat?.input.category ?? category,
          nature: informant ? 'accusation' : rnd() < 0.08 ? 'suggestion' : 'claim',
          summary: repeat
            ? `${repeat.input.summary}（再次反映）`
            : informant
              ? accusationFor(rnd)
              : summaryFor(rnd, category),
          informant: informant && !repeat,
          accusedUnitIds: informant && !repeat && accused ? [accused] : [],
          urgent: !repeat && rnd() < 0.03,
          nationalNo:
            rnd() < 0.85 ? `43052800${receivedOn.slice(0, 4)}${String(i + 1).padStart(5, '0')}` : null,
          visitors: 1,
          representatives: [],
          receptionistId: null,
        };
        if (channel === 'visit') {
          const group = rnd() < 0.15;
          input.visitors = group ? between(rnd, 6, 25) : between(rnd, 1, 3);
          input.representatives = group
            ? Array.from({ length: between(rnd, 1, 5) }, () => ({
                name: personName(rnd),
                phone: phoneNumber(rnd),
              }))
            : [];
          input.receptionistId = pick(rnd, receptionists.length ? receptionists : clerks).id;
        }
        let p = await repo.registerPetition(
          input,
          actor,
          repeat
            ? { duplicate: { kind: 'link', caseId: repeat.id, note: '同一信访人就同一事项再次反映' } }
            : {},
          ctx,
        );
        if (!repeat) earlier.push({ id: p.id, input });
        if (repeat) {
          if (age > 20) await repo.archivePetition(p.id, clamp(plus(receivedOn, 3, 15)), actor, ctx);
          continue;
        }

        if (p.urgent) {
          if (age > 3 || rnd() < 0.5) {
            p = await repo.reportUrgent(
              p.id,
              {
                at: `${receivedOn}T${String(between(rnd, 8, 17)).padStart(2, '0')}:${String(between(rnd, 0, 59)).padStart(2, '0')}`,
                recipients: ['县委', '县政府', '市信访局', '国家信访局'],
                note: '电话报告并报送书面材料',
              },
              actor,
              ctx,
            );
            if (rnd() < 0.3)
              p = await repo.downgradeUrgent(
                p.id,
                '经核实为个体纠纷，已现场化解，不属重大紧急事项',
                actor,
                ctx,
              );
          }
        }
        // the newest stay waiting for sorting; a few older ones are overdue for it (PET-2)
        if (age < between(rnd, 3, 12) || (age > 16 && age < 40 && rnd() < 0.04)) continue;

        const sortOn = clamp(plus(receivedOn, 1, 10));
        const r = rnd();
        const informantCase = p.informant;
        let decision: 'forward' | 'hand_down' | 'accept' | 'reject' | 'report_up' =
          r < 0.35
            ? 'hand_down'
            : r < 0.65
              ? 'forward'
              : r < 0.9
                ? 'accept'
                : r < 0.96
                  ? 'reject'
                  : 'report_up';
        if (informantCase && decision === 'reject') decision = 'hand_down';
        let unitId: string | null = null;
        if (decision === 'forward' || decision === 'hand_down') {
          unitId = routeUnit(p.township, p.category);
          if (informantCase && p.accusedUnitIds.includes(unitId))
            unitId = departments.find((u) => !p.accusedUnitIds.includes(u.id))!.id;
        }
        p = await repo.sortPetition(
          p.id,
          {
            decision,
            on: sortOn,
            unitId,
            reason: decision === 'reject' ? '已经或者依法应当通过诉讼途径解决，告知依法向人民法院起诉' : null,
          },
          actor,
          ctx,
        );
        if (rnd() < 0.3) p = await repo.assignHandler(p.id, pick(rnd, clerks).id, actor, ctx);
        const notifyOn = clamp(plus(sortOn, 0, 4));
        if (!p.petitionerUnknown && (age > 20 || rnd() < 0.6))
          p = await repo.notifyPetitioner(p.id, { on: notifyOn, way: '书面' }, actor, ctx);

        if (decision === 'hand_down' && rnd() < 0.08 && age > 15) {
          // the unit objects within 5 working days and the case goes whole to another unit (PET-3)
          const other = departments.find((u) => u.id !== p.unitId && !p.accusedUnitIds.includes(u.id));
          const due = repo.objectionDueOf(p, ctx)!;
          const on = clamp(plus(p.handedOn!, 1, 3));
          if (other && on <= due)
            p = await repo.recordObjection(
              p.id,
              { on, reason: '该事项不属本单位职责范围', newUnitId: other.id },
              actor,
              ctx,
            );
        }
        if (decision === 'hand_down' && p.handedOn)
          p = await repo.recordUnitAcceptance(p.id, clamp(plus(p.handedOn, 1, 4)), actor, ctx);
        if (decision === 'reject' || decision === 'report_up') {
          if (age > 45 && p.notifiedOn)
            await repo.archivePetition(p.id, clamp(plus(notifyOn, 5, 20)), actor, ctx);
          continue;
        }
        const start = p.acceptedOn ?? p.sortedOn!;
        // some open cases run past their limit: these are the 督办 list
        const overdue =
          (decision === 'accept' || decision === 'hand_down') && age > 70 && age < 160 && rnd() < 0.1;
        if (overdue) continue;
        if ((decision === 'accept' || decision === 'hand_down') && age > 40 && rnd() < 0.06) {
          p = await repo.extendPetition(
            p.id,
            {
              days: 30,
              reason: '涉及多个部门，需进一步调查核实',
              on: clamp(plus(start, 30, 50)),
              toldPetitioner: true,
            },
            director,
            ctx,
          );
        }
        const concludeOn = plus(start, 8, rnd() < 0.9 ? 55 : 75);
        if (concludeOn > today) continue;
        if (rnd() < 0.5) {
          await repo.recordReply(
            p.id,
            {
              on: concludeOn,
              way: pick(rnd, ['书面', '电话', '当面']),
              text: '向信访人反馈办理情况，解释相关政策',
              staffId: p.assigneeId ?? clerk.id,
            },
            actor,
            ctx,
          );
        }
        p = await repo.concludePetition(
          p.id,
          {
            on: concludeOn,
            outcome: pick(rnd, OUTCOMES.slice(0, 4)),
            text: '经调查核实，已出具信访处理意见书并送达信访人',
          },
          actor,
          ctx,
        );
        const replyOn = plus(concludeOn, 1, 5);
        if (replyOn > today) continue;
        p = await repo.recordReplyReceived(p.id, replyOn, actor, ctx);
        if (rnd() < 0.08 && decision === 'accept') {
          const req = plus(replyOn, 3, 25);
          if (req > today) continue;
          p = await repo.requestReview(p.id, { on: req }, actor, ctx);
          const ans = plus(req, 10, 28);
          if (ans > today) continue;
          p = await repo.answerReview(
            p.id,
            { on: ans, result: '维持原处理意见', text: '经复查，原处理意见认定事实清楚，予以维持' },
            actor,
            ctx,
          );
          if (rnd() < 0.5) {
            const req2 = plus(ans, 3, 20);
            if (req2 > today) continue;
            p = await repo.requestReview(p.id, { on: req2 }, actor, ctx);
            const ans2 = plus(req2, 10, 25);
            if (ans2 > today) continue;
            p = await repo.answerReview(
              p.id,
              { on: ans2, result: '维持复查意见', text: '经复核，维持复查意见，复核终结', hearingDays: 0 },
              actor,
              ctx,
            );
          }
          continue;
        }
        const archiveOn = plus(replyOn, 30, 45);
        if (archiveOn <= today) await repo.archivePetition(p.id, archiveOn, actor, ctx);
      }

      // two recent matters are urgent and not yet reported: the dashboard shows them (PET-7)
      const waiting = (
        await db.petitions
          .where('[state+receivedOn+regNo]')
          .between(['registered', Dexie.minKey], ['registered', Dexie.maxKey])
          .reverse()
          .limit(6)
          .toArray()
      ).filter((p) => !p.urgent && !p.informant);
      for (const p of waiting.slice(0, 2)) await repo.markUrgent(p.id, as(clerks[0]), ctx);

      // 领导接访/约访: the leaders receive petitioners about twice a month
      const leaders = ['刘建国', '陈志华', '王丽娟', '赵国强'].map(byName).filter((s): s is Staff => !!s);
      for (let m = 11; m >= 0; m--) {
        for (const k of [0, 1]) {
          const date = addCalendarDays(today, -(m * 30 + k * 14 + 3));
          if (!leaders.length) break;
          await repo.saveReceptionDay(
            {
              date,
              kind: k ? 'appointment' : 'reception',
              leaderId: pick(rnd, leaders).id,
              place: k ? '县信访局约访室' : '县人民来访接待中心',
              topic: k ? '约访重点信访人' : '县领导公开接访',
              visitors: between(rnd, 2, 14),
              cases: between(rnd, 1, 8),
            },
            as(receptionists[0] ?? clerks[0]),
            undefined,
            ctx,
          );
        }
      }
      // 到县、到市、赴省、进京 ledger
      const levels = ['county', 'county', 'county', 'city', 'city', 'province', 'beijing'] as const;
      for (let i = 0; i < 40; i++) {
        const category = pick(rnd, DEMO_CATEGORIES);
        await repo.saveHigherVisit(
          {
            date: addCalendarDays(today, -between(rnd, 0, 360)),
            level: pick(rnd, levels),
            name: personName(rnd),
            idNo: makeIdNo(
              `19${between(rnd, 50, 89)}-0${between(rnd, 1, 9)}-2${between(rnd, 0, 8)}`,
              between(rnd, 1, 999),
            ),
            phone: phoneNumber(rnd),
            township: pick(rnd, townships),
            persons: rnd() < 0.2 ? between(rnd, 3, 12) : 1,
            category,
            summary: summaryFor(rnd, category),
            place: pick(rnd, ['县人民来访接待中心', '市信访局接待大厅', '省信访局', '国家信访局来访接待司']),
            handledBy: pick(rnd, receptionists.length ? receptionists : clerks).name,
            result: pick(rnd, ['已接回，交属地化解', '现场解释疏导，已返回', '已交办责任单位']),
          },
          as(receptionists[0] ?? clerks[0]),
          ctx,
        );
      }
    },
  );
}

export const petitionsDemo: DemoModule = {
  label: '信访',
  load: async ({ staff }) => loadPetitionDemo(staff),
  ownTransactions: true, // loadCtx loads the pinyin index on demand; the rest is one transaction
};
