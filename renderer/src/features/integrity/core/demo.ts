// 演示数据: gifts that could not be refused, most handed over to 纪检 within days; integrity pledges
// signed by everyone last year and by all but three people this year.
import type { ISODate } from '../../../../../shared/rules';
import { addCalendarDays } from '../../../../../shared/rules';
import type { GiftKind } from '../../../db/schema/supervision';
import type { DemoModule } from '../../../demo/modules';
import { demoKit } from '../../finance';

import { handOverGift, registerGift, signPledge } from './integrity';

const GIFTS: { giver: string; description: string; kind: GiftKind; yuan: number; handling: string }[] = [
  {
    giver: '金石镇某村村民',
    description: '土鸡蛋一箱、茶油一桶',
    kind: 'gift',
    yuan: 260,
    handling: '信访人离开后发现放在接访室，无法退回',
  },
  {
    giver: '某建筑公司项目部',
    description: '购物卡一张（面值500元）',
    kind: 'card',
    yuan: 500,
    handling: '夹在材料中寄来，无法联系退回',
  },
  {
    giver: '回龙镇信访人',
    description: '现金红包',
    kind: 'cash',
    yuan: 800,
    handling: '事后在办公桌发现，无法确认赠送人地址',
  },
  {
    giver: '县外来访群众',
    description: '特产礼盒两盒',
    kind: 'gift',
    yuan: 320,
    handling: '多次劝退未果，当场登记',
  },
  {
    giver: '某乡镇企业',
    description: '茶叶两罐',
    kind: 'gift',
    yuan: 600,
    handling: '快递寄送，退回地址不详',
  },
  {
    giver: '信访人家属',
    description: '锦旗及水果一箱',
    kind: 'other',
    yuan: 150,
    handling: '锦旗留存，水果登记上交',
  },
  {
    giver: '高桥镇某村民',
    description: '现金',
    kind: 'cash',
    yuan: 1000,
    handling: '放于材料袋中，发现后无法退还',
  },
  {
    giver: '白沙镇来访人',
    description: '腊肉两块',
    kind: 'gift',
    yuan: 200,
    handling: '当场无法退回，登记上交',
  },
];

export const integrityDemo: DemoModule = {
  label: '廉政',
  async load(ctx) {
    const k = demoKit(ctx.staff, 20260501);
    const { today: t, year } = k;
    const [inspector, office] = k.byNames('赵国强', '周晓燕');
    const recipients = ['钱雪', '韩冰', '杨帆', '孙立新', '朱丹', '何勇', '冯涛', '张丹'];
    for (const [i, g] of GIFTS.entries()) {
      const receivedOn: ISODate = addCalendarDays(t, -(330 - i * 42));
      const who = k.byName(recipients[i]);
      const gift = await k.onDay(receivedOn, '16:00', () =>
        registerGift(
          {
            staffId: who.id,
            receivedOn,
            giver: g.giver,
            description: g.description,
            kind: g.kind,
            valueFen: g.yuan * 100,
            handling: g.handling,
          },
          k.actor(who),
        ),
      );
      const hand = addCalendarDays(receivedOn, k.int(1, 4));
      if (hand < t && i !== GIFTS.length - 1)
        await k.onDay(hand, '10:00', () => handOverGift(gift.id, hand, k.actor(inspector)));
    }
    // Pledges: all of last year in January; this year all but three.
    const people = ctx.staff.filter((s) => s.active);
    for (const [i, s] of people.entries()) {
      const last = `${year - 1}-01-${String(5 + (i % 10)).padStart(2, '0')}`;
      await k.onDay(last, '09:00', () => signPledge(s.id, year - 1, last, k.actor(office)));
      if (['秦浩', '施磊', '姜山'].includes(s.name)) continue;
      const cur = `${year}-01-${String(6 + (i % 12)).padStart(2, '0')}`;
      if (cur <= t) await k.onDay(cur, '09:00', () => signPledge(s.id, year, cur, k.actor(office)));
    }
  },
};
