// Attendance settings: the work schedule (ATT-1, summer and winter by date range) and the base of
// the 月考核分 (ATT-6). Stored in the settings table (audited).
import type { SessionTimes, WorkSchedule } from '../../../../../shared/rules';
import {
  DEFAULT_BASE_SCORE,
  DEFAULT_WORK_SCHEDULE,
  parseHHmm,
  sessionTimesOn,
} from '../../../../../shared/rules';
import { defineCommand } from '../../../db/command';
import { DomainError } from '../../../db/repo';
import { getSetting, setSetting } from '../../../db/settings';

export const SCHEDULE_KEY = 'attendance.schedule';
export const BASE_SCORE_KEY = 'attendance.baseScore';

// Each setting's value until one is saved (read one at a time below, or together: getSettings).
export const ATTENDANCE_SETTINGS = {
  [SCHEDULE_KEY]: DEFAULT_WORK_SCHEDULE as WorkSchedule,
  [BASE_SCORE_KEY]: DEFAULT_BASE_SCORE,
};

export function getWorkSchedule(): Promise<WorkSchedule> {
  return getSetting(SCHEDULE_KEY, ATTENDANCE_SETTINGS[SCHEDULE_KEY]);
}

export function getBaseScore(): Promise<number> {
  return getSetting(BASE_SCORE_KEY, ATTENDANCE_SETTINGS[BASE_SCORE_KEY]);
}

function checkTimes(t: SessionTimes, season: string, field: string) {
  const m = (v: string, k: string) => {
    try {
      return parseHHmm(v, k);
    } catch {
      throw new DomainError(
        `${season}作息时间“${v || '（空）'}”无效，请输入如 08:00 的时间`,
        `${field}.${k}`,
        'ATT-1',
      );
    }
  };
  const [a, b, c, d] = [
    m(t.amStart, 'amStart'),
    m(t.amEnd, 'amEnd'),
    m(t.pmStart, 'pmStart'),
    m(t.pmEnd, 'pmEnd'),
  ];
  if (b <= a) throw new DomainError(`${season}上午下班时间须晚于上班时间`, `${field}.amEnd`, 'ATT-1');
  if (c < b) throw new DomainError(`${season}下午上班时间不能早于上午下班时间`, `${field}.pmStart`, 'ATT-1');
  if (d <= c) throw new DomainError(`${season}下午下班时间须晚于上班时间`, `${field}.pmEnd`, 'ATT-1');
}

export const saveAttendanceSettings = defineCommand({
  what: '修改作息时间',
  perm: ['attendance.close', 'system.settings'],
  tables: (x) => [x.settings],
  validate: checkSettings,
  run: async (ctx, schedule: WorkSchedule, base: number): Promise<void> => {
    await setSetting(SCHEDULE_KEY, schedule, ctx.actor);
    await setSetting(BASE_SCORE_KEY, base, ctx.actor);
  },
});

function checkSettings(schedule: WorkSchedule, base: number): void {
  checkTimes(schedule.summer, '夏季', 'summer');
  checkTimes(schedule.winter, '冬季', 'winter');
  try {
    sessionTimesOn('2000-01-01', schedule);
  } catch {
    throw new DomainError('夏季作息起止日期应为“月-日”，如 05-01', 'summerStart', 'ATT-1');
  }
  if (!Number.isFinite(base) || base <= 0) throw new DomainError('基础分应为正数', 'base', 'ATT-6');
}
