// Moved: the one permission check is db/command.ts (actorCan). Kept until attendance moves to core/.
export { actorCan } from '../../db/command';
