// Publicity rewards (宣传奖励制度, PUB-1, PUB-2): a published piece is registered with its claim,
// the reward comes from publicityRewardRow, the office reviews, and finance pays through a claim.
import type { ISODate, Level } from '../../../../../shared/rules';
import { LEVELS, publicityRewardRow, yuanToFen } from '../../../../../shared/rules';
import { requireActDate } from '../../../db/actDate';
import { today } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import type { Db } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, getLiveMany } from '../../../db/live';
import { DomainError, insert, softDelete, update } from '../../../db/repo';
import type { Expense, PublicityKind, PublicityPiece } from '../../../db/schema/finance';
import { requireDate, requireInt, requireStaff, requireText, staffOf, yearOf } from '../../../db/validate';
import { claimTables, submitSourcedClaim } from '../../finance';
import { KIND_LABELS, RESEARCH_KINDS } from '../labels';

export type PieceInput = {
  staffId: string;
  title: string;
  outlet: string;
  level: Level;
  publishedOn: ISODate;
  chars: number | string;
  kind: PublicityKind;
  originalSubmitted: boolean;
};

// PUB-1: the reward and the table row that paid it.
export function rewardFor(p: { level: Level; chars: number; kind: PublicityKind }) {
  return publicityRewardRow({
    level: p.level,
    chars: p.chars,
    researchOrTheory: RESEARCH_KINDS.includes(p.kind),
  });
}

function checkPiece(input: PieceInput) {
  requireStaff(input.staffId, 'staffId', '作者');
  const title = requireText(input.title, 'title', '作品标题', 200);
  const outlet = requireText(input.outlet, 'outlet', '刊发媒体', 100);
  if (!LEVELS.includes(input.level)) throw new DomainError('请选择媒体级别', 'level');
  requireDate(input.publishedOn, 'publishedOn', '发表日期');
  requireActDate(input.publishedOn, 'publishedOn', '发表日期');
  const chars = requireInt(input.chars, 'chars', '字数', 1, 1_000_000);
  if (!KIND_LABELS[input.kind]) throw new DomainError('请选择作品类别', 'kind');
  // PUB-2: the claim carries the published original.
  if (!input.originalSubmitted)
    throw new DomainError('申报奖励须提交发表作品原稿', 'originalSubmitted', 'PUB-2');
  // The fields a claim stores from its input, the reward (PUB-1) computed from them.
  const row = rewardFor({ level: input.level, chars, kind: input.kind });
  const fields = {
    staffId: input.staffId,
    title,
    outlet,
    level: input.level,
    publishedOn: input.publishedOn,
    year: yearOf(input.publishedOn),
    chars,
    kind: input.kind,
    rewardFen: yuanToFen(row.yuan),
    rewardRow: row.row,
  };
  return { fields, row };
}

// Registers a piece and its claim (申报). Anyone for themselves; the office for anyone.
export const registerPiece = defineCommand({
  what: '申报宣传奖励',
  perm: null,
  tables: (d) => [d.publicityPieces, d.staff],
  validate: (input: PieceInput) => void checkPiece(input),
  run: async (ctx, input: PieceInput): Promise<PublicityPiece> => {
    const { fields, row } = checkPiece(input);
    if (input.staffId !== ctx.actor.id) ctx.require('publicity.review', '为他人登记作品');
    if (!(await staffOf(input.staffId))) throw new DomainError('作者不在人员名单中', 'staffId');
    return insert(
      db.publicityPieces,
      {
        ...fields,
        originalSubmitted: true,
        claimState: 'claimed',
        claimedOn: today(),
        reviewedById: null,
        reviewedOn: null,
        expenseId: null,
        paidOn: null,
      },
      ctx.actor,
      `申报宣传奖励：${fields.title}（${row.levelLabel}，${row.rowLabel}，${row.yuan}元）`,
    );
  },
});

// Corrects a claim before the office has reviewed it (the reward is computed again).
export const updatePiece = defineCommand({
  what: '修改申报',
  perm: null,
  tables: (d) => [d.publicityPieces, d.staff],
  validate: (_id: string, input: PieceInput) => void checkPiece(input),
  run: async (ctx, id: string, input: PieceInput): Promise<PublicityPiece> => {
    const { fields } = checkPiece(input);
    const p = await getLive(db.publicityPieces, id);
    if (!p) throw new DomainError('作品不存在');
    if (p.claimState !== 'claimed') throw new DomainError('办公室已审核，不能再修改');
    if (p.staffId !== ctx.actor.id && !ctx.can('publicity.review'))
      throw new DomainError('只能修改本人的申报');
    return update(db.publicityPieces, id, fields, ctx.actor, '修改申报');
  },
});

// PUB-2: 办公室审核. Approve → 办公室审核; refuse → removed from the claims (kept, soft-deleted, with the reason).
export const reviewPiece = defineCommand({
  what: '审核宣传奖励',
  perm: 'publicity.review',
  tables: (d) => [d.publicityPieces],
  run: async (ctx, id: string, approve: boolean, note: string): Promise<PublicityPiece> => {
    const p = await getLive(db.publicityPieces, id);
    if (!p) throw new DomainError('作品不存在');
    if (p.claimState !== 'claimed') throw new DomainError('该申报已审核');
    if (p.staffId === ctx.actor.id) throw new DomainError('不能审核本人的申报', 'review', 'PUB-2');
    if (!approve) {
      const reason = requireText(note, 'note', '不予奖励的理由', 200);
      return softDelete(db.publicityPieces, id, ctx.actor, `不予奖励：${reason}`);
    }
    return update(
      db.publicityPieces,
      id,
      {
        claimState: 'office_reviewed',
        reviewedById: ctx.actor.id,
        reviewedOn: today(),
        reviewNote: note.trim(),
      },
      ctx.actor,
      '办公室审核通过',
    );
  },
});

// Finance pays reviewed rewards through an expense claim (FIN-1 steps); pieces become 已发放 when paid.
export const createRewardPayout = defineCommand({
  what: '办理奖励发放',
  perm: ['publicity.review', 'finance.manage'],
  tables: (d: Db) => claimTables(d),
  validate: (pieceIds: string[]) => {
    if (pieceIds.length === 0) throw new DomainError('请选择要发放奖励的作品', 'pieces');
  },
  run: async (ctx, pieceIds: string[]): Promise<Expense> => {
    const pieces = await getLiveMany(db.publicityPieces, pieceIds);
    if (pieces.length !== pieceIds.length) throw new DomainError('作品不存在', 'pieces');
    const amountFen = pieces.reduce((n, p) => n + p.rewardFen, 0);
    const people = new Set(pieces.map((p) => p.staffId));
    const lastOn = pieces
      .map((p) => p.publishedOn)
      .sort()
      .at(-1)!;
    return submitSourcedClaim(
      {
        category: 'publicity_reward',
        purpose: `宣传奖励发放（${people.size}人，${pieces.length}篇）`,
        expenseOn: lastOn,
        amountFen,
        invoices: [],
        source: { table: 'publicityPieces', ids: pieceIds },
        prepare: async (expenseId) => {
          for (const id of pieceIds) {
            const p = await db.publicityPieces.get(id);
            if (!p || p.claimState !== 'office_reviewed')
              throw new DomainError('只有办公室审核通过的作品才能发放奖励', 'pieces', 'PUB-2');
            if (p.expenseId) throw new DomainError(`《${p.title}》已在报销中`, 'pieces', 'PUB-2');
            await update(db.publicityPieces, id, { expenseId }, ctx.actor, '转财务报销');
          }
        },
      },
      ctx.actor,
    );
  },
});
