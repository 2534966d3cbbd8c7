// The meetings module's public face: what the app shell and other modules use.
export { meetingsDemo } from './core/demo';
export {
  addDecision,
  checkAttendance,
  createMeeting,
  setFollowUp,
  submitSectionReport,
} from './core/commands';
export type { Absence, DecisionInput, MeetingInput } from './core/commands';
export { decisionLabel, directorDecisions, findDecision, findDirectorDecision } from './core/queries';
export { DecisionSelect } from './ui/DecisionSelect';
