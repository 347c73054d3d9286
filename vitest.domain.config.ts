import { defineConfig } from 'vitest/config';

// Pure domain tests only: no database, so no global setup.
export default defineConfig({
  test: {
    include: ['test/domain/**/*.test.ts'],
    pool: 'forks',
  },
});
