// 公文's public face: what the app shell and other modules use.
export { DocPicker, DocRefText, NO_PICK } from './ui/DocPicker';
export { AttendanceEditor, attendanceOf, attendanceValue } from './ui/AttendanceEditor';
export type { AttendanceValue } from './ui/AttendanceEditor';
export { approveAll, baseTables, DemoPlan, seededRandom } from './core/demoKit';
export type { DemoEvent } from './core/demoKit';
export { documentsDemo } from './core/demo';
export { useFieldErrors } from './ui/fieldErrors';
export { circulate, proposeHandling, recordDecision, registerIncoming } from './core/incoming';
