// The leave and trips data layer as the screens see it.
export * from './common';
export * from './leave';
export * from './queries';
export * from './trips';
export { spanText } from '../../../../../shared/rules';
