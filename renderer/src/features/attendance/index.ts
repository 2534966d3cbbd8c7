// The attendance module's public face (考勤): what the app shell and other modules may use.
export { attendanceDemo } from './core/demo';
export { generateSignIns, monthSheetSpecs } from './core/bench-api';
export { seededRandom } from './core/signInGen';
export { liveMonth, monthBounds } from './core/tally';
