import { defineConfig } from 'vitest/config';

/**
 * Test files that start tslab kernels, Jupyter or Chromium (the notebooks, the book, the student
 * repository's kernel). They run after everything else: tslab's compiler watches every file a
 * notebook loads by polling its stat, and a test that hard-links or rewrites kit files at the same
 * time (new-exercise's copy of the kit) makes a running kernel fail with "Unexpected pending
 * rebuildTimer". Among themselves they only read the kit (and share one execution per edition
 * through test/notebooks/executed.ts's lock), so they too run two at a time.
 */
const KERNELS = ['test/notebooks/**/*.test.ts', 'test/book/**/*.test.ts', 'test/release/student.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        // Everything else: two files at a time (the machine's two cores; vitest would take one).
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: KERNELS, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'kernels', include: KERNELS, maxWorkers: 2, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
