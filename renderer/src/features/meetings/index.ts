// The meetings module's public face (as far as the finance module needs it so far).
export { DecisionSelect } from './DecisionSelect';
