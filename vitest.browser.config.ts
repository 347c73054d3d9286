import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against a demo server that the global setup
// starts (see test/browser/global-setup.ts). Run `npm run build` first so the
// tests exercise the built server and web app.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    // On a loaded 2-core CI machine a page can miss a 30 s wait; one retry absorbs that, a real bug fails twice.
    retry: 1,
  },
});
