// A record's approval, live, and whether its pending step is the signed-in user's to decide
// (delegations included, by the engine's canDecide).
import { useLiveQuery } from 'dexie-react-hooks';

import { useSession } from '../auth/session';
import { db } from '../db/db';

import { canDecide } from './engine';
import type { ApprovalRequest } from './types';

export function useApproval(id: string | null | undefined): {
  req: ApprovalRequest | undefined;
  mine: boolean;
} {
  const user = useSession((s) => s.user)!;
  const req = useLiveQuery(async () => (id ? db.approvals.get(id) : undefined), [id]);
  const mine = useLiveQuery(
    async () =>
      req && req.status === 'pending'
        ? (await canDecide(req, { id: user.staffId, name: user.name })) === null
        : false,
    [req, user.staffId],
  );
  return { req, mine: !!mine };
}
