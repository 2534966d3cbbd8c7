export { demoKit } from './demoUtil';
