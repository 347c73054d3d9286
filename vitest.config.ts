import { defineConfig } from 'vitest/config';

// Unit, domain and HTTP tests. Browser tests live under test/browser and run
// through vitest.browser.config.ts after a web build.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**', 'dist/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
