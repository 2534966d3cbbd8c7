export { signPledge } from './repo';
