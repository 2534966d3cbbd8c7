// Lint = style + the dependency directions of architecture.md:
// shared → nothing (relative files only, an explicit allowlist of packages: none today);
// renderer → shared; electron → shared; renderer never imports electron/ and vice versa;
// only renderer/src/platform touches window.api.
import { readdirSync } from 'node:fs';

import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const SHARED_PACKAGE_ALLOWLIST = []; // add a package here only as a decision

// The renderer's modules (renderer/src/features/<module>): each is reached from another module only
// through its index.ts.
const MODULES = readdirSync(new URL('./renderer/src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const RENDERER_BASE = [
  {
    regex: '^electron($|/)',
    message: 'The renderer never imports electron: go through renderer/src/platform.',
  },
  { regex: '(^|/)electron/(main|preload)', message: 'renderer/ never imports electron/.' },
];

const STATIC_EXCELJS = {
  regex: '^exceljs$',
  allowTypeImports: true,
  message:
    'exceljs loads only in the export/import workers: use exportLedger (renderer/src/export) or readSpreadsheet (renderer/src/import).',
};
// notices go through components/notify (the newest always shows; cleared when the user changes)
const NOTICES = {
  regex: '^@mantine/notifications$',
  allowTypeImports: true,
  message: 'Show notices through components/notify (showNotice, notifyOk, notifyError).',
};
const SCREEN_DB = [
  {
    regex: '(^|/)db/db$',
    message:
      "A screen never touches the database: read and write through the module's core/ (queries and commands).",
  },
  {
    regex: '^dexie$',
    message:
      "A screen never touches the database: read and write through the module's core/ (queries and commands).",
  },
  {
    regex: '(^|/)db/(live|command)$',
    message: 'Screens call core/ queries and commands; db/ helpers are for core/.',
  },
];

// what no file may write (a later block that sets no-restricted-syntax lists these first: it replaces the
// rule's options)
const SYNTAX_BASE = [
  {
    selector: "TSTypeReference[typeName.left.name='React'][typeName.right.name='FC']",
    message: 'No React.FC: type the props.',
  },
  {
    selector: "MemberExpression[object.name='window'][property.name='api']",
    message: 'Only renderer/src/platform touches window.api.',
  },
];
const SYNTAX_SCREEN = {
  selector: "Identifier[name='SYSTEM_ACTOR']",
  message: 'No screen acts as the system: pass currentActor().',
};
const SYNTAX_SOFT_DELETE = {
  selector: "MemberExpression[property.name='deletedAt']",
  message: 'Soft delete is read in db/live.ts: use isLive / liveOnly / getLive / live.',
};
// the files that show or restore deleted records, and say what a deletion was
const SOFT_DELETE_READERS = [
  'renderer/src/features/system/core/deleted.ts',
  'renderer/src/features/system/ui/DeletedTab.tsx',
  'renderer/src/features/system/core/auditFormat.ts',
  'renderer/src/backup/**',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench-results/**',
      '.vite/**',
      'release/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-default-export': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          'newlines-between': 'always',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-syntax': ['error', ...SYNTAX_BASE],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: SHARED_PACKAGE_ALLOWLIST.length
                ? `^(?!\\.{1,2}/|(${SHARED_PACKAGE_ALLOWLIST.join('|')})$)`
                : '^(?!\\.{1,2}/)',
              message:
                'shared/ is pure: it imports only its own files (no electron, node:, DOM, Dexie or React).',
            },
            { regex: '(^|/)(renderer|electron)/', message: 'shared/ never imports renderer/ or electron/.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'indexedDB',
        'navigator',
        'fetch',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...RENDERER_BASE, STATIC_EXCELJS, NOTICES] }],
    },
  },
  {
    // where exceljs may load: the export writer and the import reader (both run in workers), the
    // bench's raw baselines, and tests
    files: [
      'renderer/src/export/xlsx.ts',
      'renderer/src/import/sheet.ts',
      'renderer/src/bench/**',
      'renderer/src/**/*.test.{ts,tsx}',
      'renderer/src/**/testing*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: RENDERER_BASE }] },
  },
  {
    // screens: every .tsx and everything in a module's ui/ (components/ is the kit and may not either)
    files: ['renderer/src/**/*.tsx', 'renderer/src/features/*/ui/**/*.ts'],
    ignores: ['renderer/src/**/*.test.tsx', 'renderer/src/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...RENDERER_BASE, STATIC_EXCELJS, NOTICES, ...SCREEN_DB] },
      ],
    },
  },
  {
    // accessibility of the screens (the recommended rules of jsx-a11y, the ESLint 10 fork); Mantine's
    // Anchor and Image render <a> and <img> (or what their `component` names), so they are held to
    // the same rules. A Mantine input's autoFocus is kept: the first field of a form the user has
    // just opened takes the keyboard (keyboard-first entry); autoFocus on a raw element is refused.
    ...jsxA11y.configs.recommended,
    files: ['renderer/src/**/*.tsx'],
    settings: {
      'jsx-a11y-x': {
        components: {
          Anchor: 'a',
          Image: 'img',
          Box: 'div',
          Card: 'div',
          Paper: 'div',
          Group: 'div',
          Stack: 'div',
          Text: 'p',
        },
        polymorphicPropName: 'component',
      },
    },
    rules: {
      ...jsxA11y.configs.recommended.rules,
      'jsx-a11y-x/no-autofocus': ['error', { ignoreNonDOM: true }],
    },
  },
  {
    // the one place notices are shown, and where their container is mounted
    files: ['renderer/src/components/notify.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...RENDERER_BASE, STATIC_EXCELJS] }] },
  },
  {
    files: ['renderer/src/app/App.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...RENDERER_BASE, STATIC_EXCELJS, ...SCREEN_DB] }],
    },
  },
  {
    // no screen acts as the system
    files: ['renderer/src/**/*.tsx', 'renderer/src/features/*/ui/**/*.ts'],
    ignores: ['renderer/src/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': ['error', ...SYNTAX_BASE, SYNTAX_SCREEN],
    },
  },
  {
    // soft delete is read in one place: renderer/src/db/live.ts (isLive, liveOnly, getLive, live).
    // What shows or restores deleted records (回收站, the audit's wording, backups) reads it by right.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/**/*.test.{ts,tsx}', 'renderer/src/db/**', ...SOFT_DELETE_READERS],
    rules: { 'no-restricted-syntax': ['error', ...SYNTAX_BASE, SYNTAX_SOFT_DELETE] },
  },
  {
    files: ['renderer/src/**/*.tsx', 'renderer/src/features/*/ui/**/*.ts'],
    ignores: ['renderer/src/**/*.test.tsx', 'renderer/src/db/**', ...SOFT_DELETE_READERS],
    rules: { 'no-restricted-syntax': ['error', ...SYNTAX_BASE, SYNTAX_SCREEN, SYNTAX_SOFT_DELETE] },
  },
  ...MODULES.map((m) => ({
    // a module reaches another module only through its index.ts
    files: [`renderer/src/features/${m}/**/*.{ts,tsx}`],
    ignores: ['renderer/src/**/*.test.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: MODULES.filter((o) => o !== m).map((o) => ({
            target: `./renderer/src/features/${m}`,
            from: `./renderer/src/features/${o}`,
            except: ['./index.ts'],
            message: `Another module is reached only through its index.ts (features/${o}/index.ts).`,
          })),
        },
      ],
    },
  })),
  {
    files: ['renderer/src/platform/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)renderer/', message: 'electron/ never imports renderer/.' }] },
      ],
    },
  },
  {
    files: ['*.config.ts', '*.config.js', 'renderer/src/**/migrations/*.ts', 'renderer/src/**/*.lazy.tsx'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
