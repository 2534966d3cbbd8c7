// User-facing text of the integrity module (廉政).
import type { Gift, GiftKind } from '../../db/schema/supervision';

export const GIFT_KIND_LABELS: Record<GiftKind, string> = {
  gift: '礼品',
  cash: '礼金',
  card: '购物卡、消费卡',
  other: '其他',
};
export const GIFT_STATUS_LABELS: Record<Gift['status'], string> = {
  registered: '已登记待上交',
  handed_over: '已上交纪检',
};

export const L = {
  title: '廉政',
  tabGifts: '礼品登记',
  tabPledges: '廉政承诺书',
  recipient: '收受人',
  receivedOn: '收受日期',
  giver: '赠送人（单位）',
  description: '礼品礼金名称及数量',
  kind: '类别',
  value: '估值（元）',
  unvalued: '未估价',
  valueBlank: '不清楚可不填（记为未估价）',
  handling: '未能拒收的原因及处理',
  register: '登记',
  handOver: '上交纪检',
  handedOverOn: '上交日期',
  receiver: '纪检接收人',
  pledgeYear: '年度',
  signedOn: '签订日期',
  sign: '登记签订',
};
