// 演示数据: about 40 published pieces over the last twelve months, each registered by its author on
// the days after publication, the older ones reviewed by the office. Payouts are made by the finance
// demo (in date order with the other claims).
import type { ISODate, Level } from '../../../../../shared/rules';
import { addCalendarDays } from '../../../../../shared/rules';
import type { PublicityKind } from '../../../db/schema/finance';
import type { DemoModule } from '../../../demo/modules';
import { demoKit } from '../../finance';

import { registerPiece, reviewPiece } from './pieces';

const OUTLETS: Record<Level, string[]> = {
  county: ['新宁县人民政府网', '新宁县融媒体中心', '新宁通讯'],
  city: ['邵阳日报', '邵阳市信访局网站', '邵阳新闻网'],
  province: ['湖南信访', '湖南日报', '红网'],
  national: ['人民信访', '国家信访局网站'],
};
const TITLES: Record<PublicityKind, string[]> = {
  info: [
    '我县开展信访矛盾纠纷大排查',
    '县信访局开展领导接访日活动',
    '新宁县信访积案化解取得阶段性成效',
    '我县召开信访工作联席会议',
    '县信访局开展“信访法治宣传月”活动',
  ],
  research: [
    '关于新时代信访积案化解机制的调研',
    '农村土地纠纷信访问题的调查与思考',
    '关于规范网上信访办理的调研报告',
  ],
  theory: ['坚持和发展新时代“枫桥经验”的几点思考', '论《信访工作条例》下的属地责任'],
  experience: ['“三级联调”化解信访矛盾的新宁做法', '领导包案推动信访积案清仓见底的经验'],
  literary: ['信访窗口的一天', '山路上的接访人'],
};
const KINDS: PublicityKind[] = [
  'info',
  'info',
  'info',
  'info',
  'research',
  'research',
  'theory',
  'experience',
  'experience',
  'literary',
];
const LEVEL_MIX: Level[] = [
  'county',
  'county',
  'county',
  'city',
  'city',
  'city',
  'province',
  'province',
  'national',
];
const AUTHORS = [
  '钱雪',
  '冯涛',
  '蒋芳',
  '韩冰',
  '杨帆',
  '张丹',
  '华丽',
  '金鑫',
  '周晓燕',
  '何勇',
  '吕娜',
  '孙立新',
];

export const publicityDemo: DemoModule = {
  label: '宣传奖励',
  async load(ctx) {
    const k = demoKit(ctx.staff, 20260901);
    const t = k.today;
    const [reviewer, deputyReviewer] = k.byNames('李红梅', '周晓燕');
    for (let i = 0; i < 40; i++) {
      const publishedOn: ISODate = addCalendarDays(t, -(355 - i * 9) + k.int(0, 3));
      if (publishedOn > t) continue;
      const kind = k.pick(KINDS);
      const level = k.pick(LEVEL_MIX);
      const author = k.byName(k.pick(AUTHORS));
      const chars =
        kind === 'research' || kind === 'theory'
          ? k.int(900, 4200)
          : kind === 'info'
            ? k.pick([180, 260, 300, 420, 650, 880])
            : k.int(600, 2400);
      const claimOn = minDate(addCalendarDays(publishedOn, k.int(1, 6)), t);
      const piece = await k.onDay(claimOn, '10:00', () =>
        registerPiece(
          {
            staffId: author.id,
            title: k.pick(TITLES[kind]),
            outlet: k.pick(OUTLETS[level]),
            level,
            publishedOn,
            chars,
            kind,
            originalSubmitted: true,
          },
          k.actor(author),
        ),
      );
      const reviewOn = addCalendarDays(claimOn, k.int(2, 8));
      if (reviewOn <= addCalendarDays(t, -10)) {
        const who = author.id === reviewer.id ? deputyReviewer : reviewer;
        await k.onDay(reviewOn, '15:00', () =>
          reviewPiece(piece.id, true, '原稿已核，符合奖励范围', k.actor(who)),
        );
      }
    }
  },
};

function minDate(a: ISODate, b: ISODate): ISODate {
  return a < b ? a : b;
}
