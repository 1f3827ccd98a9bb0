import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests in Node, and end-to-end tests that drive Debian's
// Chromium over the built app (their global setup builds it and serves it on localhost).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // expect.poll waits up to 1 s by default; under software WebGL on a busy 2-core machine a
          // click can take longer to reach the panel than that (the bench measures it, not the tests).
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
