// Moved to the kit (components/, org/). Kept until the modules using it move to ui/.
import { useFieldErrors as useSharedFieldErrors } from '../../components/useFieldErrors';

export { RuleBadge } from '../../components/RuleCite';
export { StaffMultiSelect, StaffSelect } from '../../components/StaffSelect';
export { typedFen, Yuan } from '../../components/Yuan';
export { thisYear as currentYear, yearOptions } from '../../components/dates';
export { useSections, useStaffBook as useStaff } from '../../org/hooks';

// Field errors from a refusal (shared hook): a refusal at a field is also a notification when it
// carries a rule ID.
export function useFieldErrors() {
  return useSharedFieldErrors({ notifyFieldErrors: 'with_rule' });
}
