import { defineConfig } from 'vitest/config';

// Word export tests only: they need LibreOffice and poppler, not a database,
// so no global setup.
export default defineConfig({
  test: {
    include: ['test/exports/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
