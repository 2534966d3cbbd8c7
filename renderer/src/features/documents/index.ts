// The documents module's public face (what other modules use).
export { circulate } from './incoming';
export { proposeHandling } from './incoming';
export { recordDecision } from './incoming';
export { registerIncoming } from './incoming';
