export { AttendanceEditor } from './ui';
export { attendanceOf } from './ui';
export type { AttendanceValue } from './ui';
export { attendanceValue } from './ui';
export { baseTables } from './demoKit';
export { DemoPlan } from './demoKit';
