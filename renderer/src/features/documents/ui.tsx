// Old path, kept only for the 会议 and 学习 screens until they move: use the kit
// (components/, org/) and ../documents (index.ts) instead.
import { RuleLines } from '../../components/RuleCite';

export type { StaffBook } from '../../org/hooks';
export { useSectionList, useStaffBook } from '../../org/hooks';
export { bureauStaff, staffLabel } from '../../org/order';
export { StaffMultiSelect, StaffSelect } from '../../components/StaffSelect';
export { DateField, thisYear, YearSelect, fmtTime } from '../../components/dates';
export { Field, splitList } from '../../components/Field';
export type { FieldErrors } from '../../components/useFieldErrors';
export { useFieldErrors } from './ui/fieldErrors';
export { AttendanceEditor, attendanceOf, attendanceValue } from './ui/AttendanceEditor';
export type { AttendanceValue } from './ui/AttendanceEditor';

export function RuleNote({ ids }: { ids: string[] }) {
  return <RuleLines ids={ids} inline />;
}
