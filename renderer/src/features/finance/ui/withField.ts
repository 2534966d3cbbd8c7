// A refusal naming no field lands at `field` (where the form shows it), as the old forms'
// fallback field did.
import { DomainError } from '../../../db/repo';

export async function withField<R>(p: Promise<R>, field: string): Promise<R> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof DomainError && !e.field) throw new DomainError(e.message, field, e.ruleId);
    throw e;
  }
}
