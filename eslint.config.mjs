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

/** Tests and their helpers may use test/ (the simulated site, fixtures); the product never does. */
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.test-support.ts', '**/*.test-support.tsx'];
const NOT_TEST = ['**/test/**'];
/**
 * A layer's boundary: its product files may not import `patterns` nor test/ (so a rounding or schema mistake
 * cannot be shared with the simulated site that checks it); its tests may import test/. (An inner array of
 * `files` means every pattern must match: the layer's files that are tests.)
 */
const layer = (files, patterns, message, extra = {}) => [
  {
    ...extra,
    files,
    ignores: TESTS,
    rules: { ...extra.rules, ...restrict([...patterns, ...NOT_TEST], `${message} Nor test/: that is the tests' own.`) },
  },
  {
    ...extra,
    files: files.flatMap((glob) => TESTS.map((test) => [glob, test])),
    rules: { ...extra.rules, ...restrict(patterns, message) },
  },
];

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
  ...layer(
    ['shared/**/*.ts'],
    [...nodeBuiltins, 'electron', 'react', 'react-dom', 'react/*', '**/main/**', '**/renderer/**', '**/electron/**'],
    'shared/ stays pure: no Node, no Electron, no React, no other layer.',
  ),
  ...layer(
    ['main/**/*.ts'],
    ['electron', 'react', 'react-dom', 'react/*', '**/renderer/**', '**/electron/**'],
    'main/ is the core on plain Node: it never imports Electron, React or the renderer.',
    { languageOptions: { globals: globals.node } },
  ),
  ...layer(
    ['renderer/**/*.{ts,tsx}'],
    [...nodeBuiltins, 'electron', '**/main/**', '**/electron/**', 'better-sqlite3', 'axios'],
    'renderer/ talks to the core through the contract (renderer/src/api) only.',
    { languageOptions: { globals: globals.browser }, plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  ),
  ...layer(
    ['electron/**/*.ts'],
    ['react', 'react-dom', 'react/*', '**/renderer/**'],
    'electron/ wires the core to windows; it does not import the renderer.',
    { languageOptions: { globals: globals.node } },
  ),
  {
    files: ['build/**/*.mjs', 'test/**/*.ts', '*.config.*', '.ci/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // The simulated site stands for the server: it rounds taxes and shapes its records with its own code
    // (test/sim/lib/shop/money.ts, structures.ts, bill-flow.ts), never the back-office's, so a rounding or
    // schema mistake cannot be made on both sides and pass unseen. Its tests and test/sim/shop/ (the
    // back-office's client put in front of it) are where the two sides meet.
    files: ['test/sim/**/*.ts'],
    ignores: ['test/sim/**/*.test.ts', 'test/sim/shop/**'],
    rules: restrict(
      ['**/main/**', '**/shared/**', '**/renderer/**', '**/electron/**'],
      "test/sim stands for the server: its money, records and bill flow are its own (test/sim/lib/shop), not the product's. Compare the two in a test.",
    ),
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
