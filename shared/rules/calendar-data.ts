// The bundled work calendar: statutory holidays and make-up workdays as arranged by the
// General Office of the State Council each year. Only days off (including weekend days inside a
// holiday block) and make-up working days are listed; every other weekday works, every other
// weekend day is off. The office can edit and import later years (mergeCalendars).

import type { CalendarData } from './calendar';
import type { ISODate } from './dates';
import { fromDayNumber, toDayNumber } from './dates';

// every day from first to last, both included
function span(first: ISODate, last: ISODate): ISODate[] {
  const days: ISODate[] = [];
  for (let n = toDayNumber(first); n <= toDayNumber(last); n++) days.push(fromDayNumber(n));
  return days;
}

// prettier-ignore
export const BUNDLED_CALENDAR: Record<number, CalendarData> = {
  // 国办发明电〔2023〕7号
  2024: {
    holidays: [
      // 元旦: 01-01
      '2024-01-01',
      // 春节
      ...span('2024-02-10', '2024-02-17'),
      // 清明节
      ...span('2024-04-04', '2024-04-06'),
      // 劳动节
      ...span('2024-05-01', '2024-05-05'),
      // 端午节
      ...span('2024-06-08', '2024-06-10'),
      // 中秋节
      ...span('2024-09-15', '2024-09-17'),
      // 国庆节
      ...span('2024-10-01', '2024-10-07'),
    ],
    workdays: [
      '2024-02-04', // 春节调休上班 (星期日)
      '2024-02-18', // 春节调休上班 (星期日)
      '2024-04-07', // 清明节调休上班 (星期日)
      '2024-04-28', // 劳动节调休上班 (星期日)
      '2024-05-11', // 劳动节调休上班 (星期六)
      '2024-09-14', // 中秋节调休上班 (星期六)
      '2024-09-29', // 国庆节调休上班 (星期日)
      '2024-10-12', // 国庆节调休上班 (星期六)
    ],
  },
  // 国办发明电〔2024〕12号
  2025: {
    holidays: [
      // 元旦: 01-01
      '2025-01-01',
      // 春节
      ...span('2025-01-28', '2025-02-04'),
      // 清明节
      ...span('2025-04-04', '2025-04-06'),
      // 劳动节
      ...span('2025-05-01', '2025-05-05'),
      // 端午节
      ...span('2025-05-31', '2025-06-02'),
      // 国庆节、中秋节
      ...span('2025-10-01', '2025-10-08'),
    ],
    workdays: [
      '2025-01-26', // 春节调休上班 (星期日)
      '2025-02-08', // 春节调休上班 (星期六)
      '2025-04-27', // 劳动节调休上班 (星期日)
      '2025-09-28', // 国庆节、中秋节调休上班 (星期日)
      '2025-10-11', // 国庆节、中秋节调休上班 (星期六)
    ],
  },
  // 国办发明电〔2025〕7号
  2026: {
    holidays: [
      // 元旦
      ...span('2026-01-01', '2026-01-03'),
      // 春节
      ...span('2026-02-15', '2026-02-23'),
      // 清明节
      ...span('2026-04-04', '2026-04-06'),
      // 劳动节
      ...span('2026-05-01', '2026-05-05'),
      // 端午节
      ...span('2026-06-19', '2026-06-21'),
      // 中秋节
      ...span('2026-09-25', '2026-09-27'),
      // 国庆节
      ...span('2026-10-01', '2026-10-07'),
    ],
    workdays: [
      '2026-01-04', // 元旦调休上班 (星期日)
      '2026-02-14', // 春节调休上班 (星期六)
      '2026-02-28', // 春节调休上班 (星期六)
      '2026-05-09', // 劳动节调休上班 (星期六)
      '2026-09-20', // 国庆节调休上班 (星期日)
      '2026-10-10', // 国庆节调休上班 (星期六)
    ],
  },
};
