// The duty and vehicles module's public face.
export { dutyDemo } from './core/demo';
