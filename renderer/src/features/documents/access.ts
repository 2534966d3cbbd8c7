// Moved: permission checks are db/command.ts, field checks db/validate.ts. Kept until the modules
// using them move to core/.
export { actorCan as hasPermission, requirePermission } from '../../db/command';
export { required } from '../../db/validate';
