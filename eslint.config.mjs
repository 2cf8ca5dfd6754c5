// Lint, and the layer boundaries: which folder may import what. A wrong import fails `npm run lint`
// (and so `npm run check` and CI) instead of waiting for a review.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', '.electron-native/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', 'react/*', '**/main/**', '**/renderer/**', '**/electron/**'],
      'shared/ stays pure: no Node, no Electron, no React, no other layer.',
    ),
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(
      ['electron', 'react', 'react-dom', 'react/*', '**/renderer/**', '**/electron/**'],
      'main/ is the core on plain Node: it never imports Electron, React or the renderer.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeBuiltins, 'electron', '**/main/**', '**/electron/**', 'better-sqlite3', 'axios'],
        'renderer/ talks to the core through the contract (renderer/src/api) only.',
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(
      ['react', 'react-dom', 'react/*', '**/renderer/**'],
      'electron/ wires the core to windows; it does not import the renderer.',
    ),
  },
  {
    files: ['build/**/*.mjs', 'test/**/*.ts', '*.config.*', '.ci/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // The suite judges a live site by its web services alone: no simulator, no database. Its vitest file
    // starts the simulated site, and is the one exception.
    files: ['test/conformance/**/*.ts'],
    ignores: ['test/conformance/**/*.test.ts'],
    rules: restrict(
      ['**/sim/**', 'better-sqlite3'],
      'test/conformance talks to the site over HTTP only (ShopApi, MoodleClient, raw POSTs): no simulator, no database.',
    ),
  },
);
