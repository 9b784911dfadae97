import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // The graders in test/graders grade solutions/ under `npm test`; set DESCENT_GRADE_DIR to grade
    // another folder with plain vitest (`npm run grade` is the students' command).
    env: { DESCENT_GRADE_DIR: process.env.DESCENT_GRADE_DIR ?? 'solutions' },
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
