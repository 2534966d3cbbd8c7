// Reads of the publicity rewards used by the screens and the to-dos.
import { db } from '../../../db/db';
import { getLive, live } from '../../../db/live';
import type { Expense, PublicityPiece } from '../../../db/schema/finance';

// One year's pieces, newest first.
export function listPieces(year: number): Promise<PublicityPiece[]> {
  return live(
    db.publicityPieces.where('[year+publishedOn]').between([year, ''], [year, '\uffff']).reverse(),
  ).toArray();
}

export function getPiece(id: string): Promise<PublicityPiece | undefined> {
  return getLive(db.publicityPieces, id);
}

// The claim paying a piece's reward.
export function pieceExpense(expenseId: string | null | undefined): Promise<Expense | undefined> {
  return getLive(db.expenses, expenseId);
}

export function piecesIn(state: PublicityPiece['claimState']): Promise<PublicityPiece[]> {
  return live(db.publicityPieces.where('claimState').equals(state)).toArray();
}
