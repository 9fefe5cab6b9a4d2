/**
 * How long a test waits for a state the user would see (a tooltip, a stored
 * value, a search result) before calling it a hang. A ceiling, not a
 * measure: tests must pass on a slow, busy machine; how fast things are is
 * the bench's business (test/bench).
 */
export const STATE_TIMEOUT_MS = 20_000;
