// The study module's public face: what the app shell and other modules use.
export { recordNotesCheck, recordPaper, recordSession, submitTuitionClaim } from './core/commands';
export type { NotesCheckInput, PaperInput, SessionInput, TuitionInput } from './core/commands';
