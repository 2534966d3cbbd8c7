// The documents module's public face (what other modules use).
export { AttendanceEditor, attendanceOf, attendanceValue } from './ui';
export type { AttendanceValue } from './ui';
export { baseTables, DemoPlan } from './demoKit';
export { circulate, proposeHandling, recordDecision, registerIncoming } from './incoming';
