// The publicity-reward module's public face.
export { createRewardPayout } from './core/pieces';
export { publicityDemo } from './core/demo';
