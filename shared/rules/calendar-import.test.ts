import { describe, expect, it } from 'vitest';

import { isWorkday } from './calendar';
import { BUNDLED_CALENDAR } from './calendar-data';
import type { ImportedDay } from './calendar-import';
import {
  CALENDAR_DAY_KIND_TEXT,
  calendarByYear,
  calendarConflicts,
  looksLikeHolidayNotice,
  parseChineseDaysJson,
  parseHolidayNotice,
} from './calendar-import';
import { addCalendarDays } from './dates';

// 国办发明电〔2025〕7号, as published (full-width punctuation, lunar dates in the brackets).
const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
国办发明电〔2025〕7号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
　　二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
　　三、清明节：4月4日（周六）至6日（周一）放假，共3天。
　　四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
　　五、端午节：6月19日（周五）至21日（周日）放假，共3天。
　　六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
　　七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2025年11月4日`;

// 国办发明电〔2024〕12号: 放假1天, a range across months (5月31日至6月2日, 1月28日至2月4日).
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
国务院办公厅
2024年11月12日`;

// 国办发明电〔2023〕7号: 星期X, 与周末连休, and an encouragement (除夕（2月9日）休息) that is no holiday.
const NOTICE_2024 = `经国务院批准，现将2024年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日放假，与周末连休。
二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
五、端午节：6月10日放假，与周末连休。
六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。`;

function sameWorkdays(year: number, a: ReturnType<typeof calendarByYear>) {
  const got = a.get(year)!;
  const differences: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) {
    if (isWorkday(d, got) !== isWorkday(d, BUNDLED_CALENDAR[year])) differences.push(d);
  }
  return differences;
}

describe('parseHolidayNotice', () => {
  it('reads the 2026 notice as published: the same days as the bundled 2026 calendar', () => {
    const r = parseHolidayNotice(NOTICE_2026, 1999);
    expect(r.problems).toEqual([]);
    expect(r.year).toBe(2026);
    expect(calendarByYear(r.days)).toEqual(new Map([[2026, BUNDLED_CALENDAR[2026]]]));
    expect(r.days[0]).toEqual({ date: '2026-01-01', kind: 'holiday', where: '第6行', note: '元旦' });
    expect(r.days.find((d) => d.date === '2026-01-04')).toEqual({
      date: '2026-01-04',
      kind: 'workday',
      where: '第6行',
      note: '元旦',
    });
  });

  it('reads the 2025 notice (放假1天, ranges across months)', () => {
    const r = parseHolidayNotice(NOTICE_2025, 1999);
    expect(r.problems).toEqual([]);
    expect(calendarByYear(r.days)).toEqual(new Map([[2025, BUNDLED_CALENDAR[2025]]]));
    expect(r.days.filter((d) => d.note === '端午节').map((d) => d.date)).toEqual([
      '2025-05-31',
      '2025-06-01',
      '2025-06-02',
    ]);
    expect(r.days.find((d) => d.date === '2025-10-08')?.note).toBe('国庆节、中秋节');
  });

  it('reads the 2024 notice (星期X, 与周末连休) and skips the encouragement to rest on 除夕', () => {
    const r = parseHolidayNotice(NOTICE_2024, 1999);
    expect(r.problems).toEqual([]);
    expect(r.year).toBe(2024);
    expect(r.days.some((d) => d.date === '2024-02-09')).toBe(false);
    expect(sameWorkdays(2024, calendarByYear(r.days))).toEqual([]);
  });

  it('takes the year from the caller when the text does not say it', () => {
    const r = parseHolidayNotice('一、元旦：1月1日（周五）至3日（周日）放假，共3天。', 2027);
    expect(r).toEqual({
      year: 2027,
      problems: [],
      days: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({
        date,
        kind: 'holiday',
        where: '第1行',
        note: '元旦',
      })),
    });
    expect(parseHolidayNotice('0000年元旦放假\n1月1日放假', 2027).year).toBe(2027);
  });

  it('reads half-width punctuation, 星期天, a line without a name, and 放假 and 上班 in one sentence', () => {
    const r = parseHolidayNotice('1月1日(周五)至3日(星期天)放假,1月9日(周六)上班;', 2027);
    expect(r.problems).toEqual([]);
    expect(r.days.map((d) => `${d.date}${CALENDAR_DAY_KIND_TEXT[d.kind]}`)).toEqual([
      '2027-01-01休',
      '2027-01-02休',
      '2027-01-03休',
      '2027-01-09班',
    ]);
    expect(r.days[0].note).toBeUndefined();
  });

  it('takes the first of 放假 and 上班 in a clause, and a bracket without a weekday', () => {
    const r = parseHolidayNotice('2月5日（农历除夕）放假（不上班）。2月20日（周六）上班（原定放假）。', 2027);
    expect(r.problems).toEqual([]);
    expect(r.days.map((d) => `${d.date}${CALENDAR_DAY_KIND_TEXT[d.kind]}`)).toEqual([
      '2027-02-05休',
      '2027-02-20班',
    ]);
  });

  it('accepts full-width digits and a date written with its year', () => {
    const r = parseHolidayNotice('元旦：２０２７年１月１日（周五）放假１天。', 2027);
    expect(r.problems).toEqual([]);
    expect(r.days.map((d) => d.date)).toEqual(['2027-01-01']);
  });

  it('names the line of a weekday that does not match the year', () => {
    const r = parseHolidayNotice(
      '标题\n一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。1月4日（周日）上班。',
      2027,
    );
    expect(r.problems).toEqual(['第2行：1月4日标为星期日，但2027-01-04是星期一（通知的年份是否为2027年？）']);
  });

  it('names the line when 共N天 does not match the days listed', () => {
    const r = parseHolidayNotice('二、春节：2月6日（周六）至12日（周五）放假调休，共8天。', 2027);
    expect(r.problems).toEqual(['第1行：“春节”写明共8天，但所列放假日期为7天']);
    expect(parseHolidayNotice('2月6日至12日放假，共8天', 2027).problems).toEqual([
      '第1行：写明共8天，但所列放假日期为7天',
    ]);
  });

  it('names the line of a date without a month, an impossible date, a range backwards or another year', () => {
    expect(parseHolidayNotice('元旦：1日放假', 2027).problems).toEqual(['第1行：“1日”没有写月份']);
    expect(parseHolidayNotice('\n2月30日放假', 2027).problems).toEqual(['第2行：2月30日不是有效日期']);
    expect(parseHolidayNotice('13月1日放假', 2027).problems).toEqual(['第1行：13月1日不是有效日期']);
    expect(parseHolidayNotice('1月0日放假', 2027).problems).toEqual(['第1行：1月0日不是有效日期']);
    expect(parseHolidayNotice('0000年1月1日放假', 2027).problems).toEqual(['第1行：1月1日不是有效日期']);
    expect(parseHolidayNotice('10月7日至1日放假', 2027).problems).toEqual([
      '第1行：2027-10-07至2027-10-01，结束日期早于开始日期',
    ]);
    expect(
      parseHolidayNotice(
        '关于2012年部分节假日安排\n元旦：2012年1月1日至3日放假。2011年12月31日（星期六）上班。',
        2027,
      ).problems,
    ).toEqual(['第2行：2011-12-31不在2012年内，请在2011年的日历中逐日添加']);
  });

  it('skips lines without dates and dates that are neither 放假 nor 上班', () => {
    expect(
      parseHolidayNotice('国务院办公厅\n2026年11月4日\n节假日期间，各地区要安排好值班。', 2027).days,
    ).toEqual([]);
    expect(parseHolidayNotice('除夕（2月5日）休息，春节放假另行通知', 2027).days).toEqual([]);
  });

  it('refuses a fallback year that is not a year', () => {
    expect(() => parseHolidayNotice('1月1日放假', 0)).toThrow(RangeError);
    expect(() => parseHolidayNotice(3 as unknown as string, 2027)).toThrow(RangeError);
  });
});

describe('looksLikeHolidayNotice', () => {
  it('tells the notice from the line format and JSON', () => {
    expect(looksLikeHolidayNotice(NOTICE_2026)).toBe(true);
    expect(looksLikeHolidayNotice('２月１４日（周六）上班')).toBe(true);
    expect(looksLikeHolidayNotice('2027-01-01 休\n2027-02-14 班')).toBe(false);
    expect(looksLikeHolidayNotice('{"holidays":{"2027-01-01":"元旦"}}')).toBe(false);
    expect(looksLikeHolidayNotice('1月1日元旦')).toBe(false);
  });
});

describe('parseChineseDaysJson', () => {
  it('reads the package layout (holidays and workdays keyed by date), inLieuDays being among the holidays', () => {
    const r = parseChineseDaysJson({
      holidays: { '2026-01-01': "New Year's Day,元旦,1", '2026-01-02': "New Year's Day,元旦,1" },
      workdays: { '2026-01-04': "New Year's Day,元旦,1", '2026-02-14': 7 },
      inLieuDays: { '2026-01-02': "New Year's Day,元旦,1" },
    });
    expect(r).toEqual({
      problems: [],
      days: [
        { date: '2026-01-01', kind: 'holiday', where: '“holidays”', note: '元旦' },
        { date: '2026-01-02', kind: 'holiday', where: '“holidays”', note: '元旦' },
        { date: '2026-01-04', kind: 'workday', where: '“workdays”', note: '元旦' },
        { date: '2026-02-14', kind: 'workday', where: '“workdays”' },
      ],
    });
    expect(
      parseChineseDaysJson({ holidays: { '2026-01-01': 'x' }, workdays: {} })!.days[0].note,
    ).toBeUndefined();
  });

  it('is null for other layouts', () => {
    expect(parseChineseDaysJson({ year: 2027, holidays: ['2027-01-01'], workdays: [] })).toBeNull();
    expect(parseChineseDaysJson({ holidays: {} })).toBeNull();
    expect(parseChineseDaysJson([])).toBeNull();
    expect(parseChineseDaysJson(null)).toBeNull();
    expect(parseChineseDaysJson('x')).toBeNull();
  });
});

describe('calendarConflicts', () => {
  const day = (date: string, kind: 'holiday' | 'workday', where: string): ImportedDay => ({
    date,
    kind,
    where,
  });

  it('names the lines and the date listed both as 休 and as 班', () => {
    expect(
      calendarConflicts([
        day('2027-02-14', 'holiday', '第3行'),
        day('2027-01-02', 'holiday', '第1行'),
        day('2027-02-14', 'workday', '第7行'),
        day('2027-02-14', 'workday', '第7行'),
        day('2027-01-02', 'workday', '第2行'),
        day('2027-01-02', 'holiday', '第5行'),
        day('2027-10-01', 'holiday', '第9行'),
      ]),
    ).toEqual([
      '第1行、第5行列为“休”，第2行列为“班”：2027-01-02 不能同时是节假日和调休上班日',
      '第3行列为“休”，第7行列为“班”：2027-02-14 不能同时是节假日和调休上班日',
    ]);
    expect(calendarConflicts([day('2027-01-01', 'holiday', 'a')])).toEqual([]);
  });
});

describe('calendarByYear', () => {
  it('groups by year, sorted and without duplicates', () => {
    expect(
      calendarByYear([
        { date: '2028-01-01', kind: 'holiday', where: 'a' },
        { date: '2027-10-02', kind: 'holiday', where: 'a' },
        { date: '2027-10-01', kind: 'holiday', where: 'a' },
        { date: '2027-10-01', kind: 'holiday', where: 'b' },
        { date: '2027-10-09', kind: 'workday', where: 'a' },
        { date: '2027-09-26', kind: 'workday', where: 'a' },
      ]),
    ).toEqual(
      new Map([
        [2028, { holidays: ['2028-01-01'], workdays: [] }],
        [2027, { holidays: ['2027-10-01', '2027-10-02'], workdays: ['2027-09-26', '2027-10-09'] }],
      ]),
    );
  });
});
