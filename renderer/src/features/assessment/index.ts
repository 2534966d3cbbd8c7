// The assessment module's public face: what the app shell and other modules use.
export { assessmentDemo } from './core/demo';
