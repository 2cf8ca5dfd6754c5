import { defineConfig } from 'vitest/config';

// Unit and component tests live beside the code; end-to-end specs (a real HTTP server, a real Chromium) under test/.
export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'main/**/*.test.ts',
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'renderer/**/*.test.ts',
            'test/unit/**/*.test.ts',
            'test/sim/**/*.test.ts',
            'test/resilience/**/*.test.ts',
            'test/plugin/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        // Renderer components rendered in jsdom against a fake API built from the contract
        // (renderer/src/api/fake-api.test-support.ts): what a screen sends and shows, without the core.
        test: {
          name: 'components',
          include: ['renderer/**/*.test.tsx'],
          environment: 'jsdom',
        },
      },
      {
        test: {
          // docs/shop-api.md checked against the simulated site on a running clock (test/conformance).
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
