// Moved: permission checks are db/command.ts, field checks and running numbers db/validate.ts, the
// soft-delete filter db/live.ts. Kept until the modules using them move to core/.
export { actorCan, requirePermission as assertCan } from '../../db/command';
export { liveOnly as live } from '../../db/live';
export {
  nextSeq,
  parseYuan,
  requireDate,
  requireInt,
  requireStaff,
  requireText,
  staffOf,
  yearOf,
} from '../../db/validate';
