// A spend request's status colour, the same in the list and on the request.
import type { SpendRequest } from '../../../db/schema/finance';

export const STATUS_COLOR: Record<SpendRequest['status'], string> = {
  pending: 'blue',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};
