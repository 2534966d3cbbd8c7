import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['shared/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}', 'electron/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup-unit.ts'],
    testTimeout: 20000,
    coverage: {
      provider: 'v8',
      include: ['shared/rules/**/*.ts'],
      // calendar-data.ts is a data table with no branches; tests read it through the calendar functions.
      exclude: ['shared/rules/**/*.test.ts', 'shared/rules/calendar-data.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { statements: 100, branches: 100, functions: 100, lines: 100 },
    },
  },
});
