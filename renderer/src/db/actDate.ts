// The date of an act that has happened (paid, received, signed for, used, held, lent, returned …) is
// never in the future (actDateOk, §0): each repository checks its act dates here, with the field's
// own name in the message, next to the field.
import { actDateOk } from '../../../shared/rules';
import type { ISODate, RuleId } from '../../../shared/rules';

import { today } from './clock';
import { DomainError } from './repo';

// `date` is already a valid ISODate (the caller checks the format first).
export function requireActDate(date: ISODate, field: string, label: string, ruleId?: RuleId): void {
  if (!actDateOk(date, today())) throw new DomainError(`${label}不能晚于今天`, field, ruleId);
}
