// The petitions module's public face (what other modules use).
export { CORRECTION_FIELD_LABELS } from './labels';
export { makeIdNo } from './idgen';
export { registerPetition } from './repo';
export type { RegistrationInput } from './validate';
