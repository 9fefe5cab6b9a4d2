import { defineConfig } from 'vitest/config';
import { STATE_TIMEOUT_MS } from './support/wait';

/**
 * End-to-end tests: the built extension in real browsers. One file at a time:
 * each launches its own browser, and the machines here have two cores.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // Tests wait for the state a user would see; this ceiling only catches a hang, on however slow or busy a machine.
    expect: { poll: { timeout: STATE_TIMEOUT_MS } },
  },
});
