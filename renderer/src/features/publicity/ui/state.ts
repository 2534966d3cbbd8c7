// How a piece's claim state shows: its label and colour, and the year's pieces as a live list.
import { useLiveQuery } from 'dexie-react-hooks';

import { PUBLICITY_CLAIM_STATES } from '../../../../../shared/rules';
import type { PublicityPiece } from '../../../db/schema/finance';
import { listPieces } from '../core/queries';

export const STATE_LABEL = Object.fromEntries(
  PUBLICITY_CLAIM_STATES.map((s) => [s.state, s.label]),
) as Record<PublicityPiece['claimState'], string>;
export const STATE_COLOR: Record<PublicityPiece['claimState'], string> = {
  claimed: 'blue',
  office_reviewed: 'teal',
  paid: 'green',
};

export function usePieces(year: number) {
  return useLiveQuery(() => listPieces(year), [year]);
}
