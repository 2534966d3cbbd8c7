// 演示数据: duty rosters for every public holiday of the last twelve months and the next two (taken
// from the work calendar), one sensitive period, three vehicles and about forty trips requested,
// approved by the leader in charge of the office, driven and logged back with the mileage.
import type { ISODate } from '../../../../../shared/rules';
import { addCalendarDays, isWorkday, vehicleClash } from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import type { DutyEntry } from '../../../db/schema/supervision';
import type { DemoModule } from '../../../demo/modules';
import { approveSteps, demoKit } from '../../finance';

import { publishRoster, rosterDates, saveRoster } from './rosters';
import { logDeparture, logReturn, requestVehicle, saveVehicle, tripsOfVehicle } from './vehicles';

function holidayName(start: ISODate, days: number): string {
  const m = Number(start.slice(5, 7));
  const d = Number(start.slice(8, 10));
  if (m === 1 && d <= 3) return '元旦';
  if (m <= 2 && days >= 5) return '春节';
  if (m === 4) return '清明节';
  if (m === 5) return '劳动节';
  if (m === 6 || (m === 5 && d > 20)) return '端午节';
  if (m === 9 && days < 5) return '中秋节';
  if (m === 9 || m === 10) return days >= 5 ? '国庆节、中秋节' : '国庆节';
  return '节假日';
}

export const dutyDemo: DemoModule = {
  label: '值班与车辆',
  async load(ctx) {
    const k = demoKit(ctx.staff, 20261001);
    const cal = await loadCalendar();
    const t = k.today;
    const office = k.byName('周晓燕');
    const leaders = ['刘建国', '陈志华', '王丽娟', '赵国强'].map(k.byName);
    const duty = ctx.staff.filter((s) => s.rank === 'staff' || s.rank === 'section_head');
    const from = addCalendarDays(t, -365);
    const to = addCalendarDays(t, 60);

    // Runs of consecutive holidays (with the weekend days inside them) → one roster each.
    const hs = cal.holidays.filter((d) => d >= from && d <= to).sort();
    const runs: ISODate[][] = [];
    for (const d of hs) {
      const last = runs.at(-1);
      if (last && addCalendarDays(last.at(-1)!, 1) >= d) last.push(d);
      else if (
        last &&
        addCalendarDays(last.at(-1)!, 3) >= d &&
        !isWorkday(addCalendarDays(last.at(-1)!, 1), cal)
      ) {
        let x = addCalendarDays(last.at(-1)!, 1);
        while (x < d) {
          last.push(x);
          x = addCalendarDays(x, 1);
        }
        last.push(d);
      } else runs.push([d]);
    }
    const periods: { start: ISODate; end: ISODate; kind: 'holiday' | 'sensitive'; name: string }[] = runs.map(
      (r) => ({
        start: r[0],
        end: r.at(-1)!,
        kind: 'holiday',
        name: holidayName(r[0], r.length),
      }),
    );
    const year = Number(t.slice(0, 4));
    const npc = {
      start: `${year}-03-04`,
      end: `${year}-03-11`,
      kind: 'sensitive' as const,
      name: '全国两会期间',
    };
    if (npc.start >= from && npc.start <= t) periods.push(npc);
    periods.sort((a, b) => a.start.localeCompare(b.start));
    let turn = 0;
    for (const p of periods) {
      const made = addCalendarDays(p.start, -7);
      const entries: DutyEntry[] = rosterDates(p.start, p.end).map((date, i) => ({
        date,
        leaderId: leaders[(turn + i) % leaders.length].id,
        staffIds: [duty[(turn * 2 + i * 2) % duty.length].id, duty[(turn * 2 + i * 2 + 1) % duty.length].id],
        phone: '0739-4822378',
      }));
      turn += entries.length;
      const title = `${p.start.slice(0, 4)}年${p.name}${p.kind === 'holiday' ? '值班安排表' : '值班安排表（敏感时期）'}`;
      const day = made <= t ? made : t;
      const r = await k.onDay(day, '15:00', () =>
        saveRoster(
          {
            title,
            kind: p.kind,
            startDate: p.start,
            endDate: p.end,
            requirements: '实行24小时值班，带班领导保持通讯畅通；遇重大紧急信访事项立即报告并按程序处置。',
            entries,
          },
          k.actor(office),
        ),
      );
      if (made <= t) await k.onDay(day, '16:00', () => publishRoster(r.id, k.actor(office)));
    }

    // Vehicles and trips.
    const cars = [];
    for (const v of [
      { plate: '湘E3A618', model: '别克GL8商务车', seats: 7, driver: '李师傅' },
      { plate: '湘E5C203', model: '大众帕萨特', seats: 5, driver: '王师傅' },
      { plate: '湘E7D851', model: '五菱宏光', seats: 7, driver: '李师傅' },
    ]) {
      cars.push(
        await k.onDay(addCalendarDays(t, -366), '09:00', () =>
          saveVehicle({ ...v, active: true }, k.actor(office)),
        ),
      );
    }
    const odometer = new Map(cars.map((c, i) => [c.id, 42000 + i * 15000]));
    const applicants = ['孙立新', '韩冰', '何勇', '张丹', '钱雪', '杨帆', '李红梅', '王丽娟', '陈志华'];
    const places = [
      { to: '金石镇', km: 46 },
      { to: '回龙镇', km: 38 },
      { to: '高桥镇', km: 52 },
      { to: '邵阳市信访局', km: 186 },
      { to: '崀山镇', km: 28 },
      { to: '长沙市（省信访局）', km: 640 },
      { to: '一渡水镇', km: 64 },
    ];
    const purposes = [
      '下乡核查信访事项',
      '陪同领导接访下访',
      '赴市局汇报重点信访案件',
      '督办信访积案',
      '送达信访事项处理意见书',
    ];
    for (let i = 0; i < 40; i++) {
      let start = addCalendarDays(t, -(350 - i * 9));
      while (!isWorkday(start, cal)) start = addCalendarDays(start, 1);
      if (start > addCalendarDays(t, 5)) continue;
      const place = k.pick(places);
      const end = place.km > 300 ? addCalendarDays(start, 1) : start;
      const car = cars[i % cars.length];
      const who = k.byName(k.pick(applicants));
      const reqDay = addCalendarDays(start, -1) <= t ? addCalendarDays(start, -1) : t;
      const trip = await k.onDay(reqDay, '16:30', () =>
        requestVehicle(
          {
            vehicleId: car.id,
            destination: place.to,
            purpose: k.pick(purposes),
            passengers: who.name,
            plannedStart: start,
            plannedEnd: end,
          },
          k.actor(who),
        ),
      );
      if (reqDay >= addCalendarDays(t, -1) && i % 2 === 0) continue; // the newest wait for approval
      await k.onDay(reqDay, '17:30', () => approveSteps(trip.approvalId!));
      if (start > t) continue;
      const out = odometer.get(car.id)!;
      await k.onDay(start, '08:10', () => logDeparture(trip.id, `${start} 08:10`, out, '', k.actor(office)));
      if (end >= t) continue;
      const back = out + place.km * 2 + k.int(0, 12);
      odometer.set(car.id, back);
      await k.onDay(end, '17:40', () => logReturn(trip.id, `${end} 17:40`, back, k.actor(office)));
    }
    // Today: one car out on the road, and one request for later this week waiting for approval.
    const extra = [
      { days: 0, who: '韩冰', to: '白沙镇', purpose: '陪同群众现场调处矛盾纠纷', out: true },
      { days: 3, who: '孙立新', to: '邵阳市信访局', purpose: '报送季度信访形势分析', out: false },
    ];
    for (const x of extra) {
      const start = addCalendarDays(t, x.days);
      const who = k.byName(x.who);
      for (const car of cars) {
        // the car booked that day (the command would refuse, and so roll back the module's one
        // transaction): the next one
        if (vehicleClash(await tripsOfVehicle(car.id), start, start)) continue;
        const trip = await requestVehicle(
          {
            vehicleId: car.id,
            destination: x.to,
            purpose: x.purpose,
            passengers: who.name,
            plannedStart: start,
            plannedEnd: start,
          },
          k.actor(who),
        );
        if (x.out) {
          await approveSteps(trip.approvalId!);
          await logDeparture(trip.id, `${t} 08:20`, odometer.get(car.id)!, '', k.actor(office));
        }
        break;
      }
    }
  },
};
