// Moved to ui/ExpensePrint.tsx (use the module's index.ts); kept while the assessment module imports it here.
export { safeRule, usePrintUnit } from './ui/ExpensePrint';
