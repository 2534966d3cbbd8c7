// User-facing text of the publicity-reward module (宣传奖励).
import type { PublicityKind } from '../../db/schema/finance';

export const KIND_LABELS: Record<PublicityKind, string> = {
  info: '信息、新闻稿',
  research: '调研文章',
  theory: '理论文章',
  experience: '经验介绍材料',
  literary: '文学作品',
};

// PUB-1's third row is for 调研文章 and 理论文章.
export const RESEARCH_KINDS: PublicityKind[] = ['research', 'theory'];

export const L = {
  title: '宣传奖励',
  tabPieces: '发表作品',
  tabNew: '登记作品',
  tabPayout: '奖励发放',
  tabTable: '奖励标准',
  author: '作者',
  pieceTitle: '作品标题',
  outlet: '刊发媒体',
  level: '媒体级别',
  publishedOn: '发表日期',
  chars: '字数',
  kind: '作品类别',
  original: '已提交发表作品原稿（PUB-2）',
  save: '保存并申报',
  reward: '奖励金额',
  review: '办公室审核',
  payout: '转财务报销',
  year: '年度',
};
