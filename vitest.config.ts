import { defineConfig } from 'vitest/config';

/** Unit tests: pure logic and the converter, in node. Browser behaviour is in test/e2e. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
