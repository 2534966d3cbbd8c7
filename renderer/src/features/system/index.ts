// The 系统 module's public face: what the app shell and other modules use.
export { AccountTab } from './ui/AccountTab';
export { auditPage } from './core/audit';
