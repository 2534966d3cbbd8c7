// The leave and trips module's public face (请假与外出): what the app shell and other modules may use.
export { leaveDemo, onDay } from './core/demo';
export { submitLeave } from './core/leave';
export type { LeaveDraft } from './core/leave';
