// Lint = style + the dependency directions of architecture.md:
// shared → nothing (relative files only, an explicit allowlist of packages: none today);
// renderer → shared; electron → shared; renderer never imports electron/ and vice versa;
// only renderer/src/platform touches window.api.
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const SHARED_PACKAGE_ALLOWLIST = []; // add a package here only as a decision

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'bench-results/**', '.vite/**', 'release/**'],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-default-export': 'error',
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
      'no-restricted-syntax': [
        'error',
        { selector: "TSTypeReference[typeName.left.name='React'][typeName.right.name='FC']", message: 'No React.FC: type the props.' },
        { selector: "MemberExpression[object.name='window'][property.name='api']", message: 'Only renderer/src/platform touches window.api.' },
      ],
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
              message: 'shared/ is pure: it imports only its own files (no electron, node:, DOM, Dexie or React).',
            },
            { regex: '(^|/)(renderer|electron)/', message: 'shared/ never imports renderer/ or electron/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'fetch'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^electron($|/)', message: 'The renderer never imports electron: go through renderer/src/platform.' },
            { regex: '(^|/)electron/(main|preload)', message: 'renderer/ never imports electron/.' },
          ],
        },
      ],
    },
  },
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
