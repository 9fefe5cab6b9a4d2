/**
 * Work each worker start owes that no request waits for: mirroring the
 * organisation's policy, repairing stored settings, resuming a sync, the
 * toolbar badge. Nearly every start is caused by a page asking for a code
 * while its user waits for the tooltip; these reads and writes of the
 * extension's storage would share the browser's time with that lookup
 * (about 5 ms of a 50 ms cold start, measured with them and without). So
 * they run once the worker has answered its first request, or soon after a
 * start no request caused (the browser starting, a storage change, a menu).
 * Their listeners are added at start all the same: MV3 delivers the event
 * that woke the worker only to listeners added then.
 */

/** A start no request answered by then runs its chores anyway. */
const CHORES_AFTER_MS = 250;

const waiting: (() => void)[] = [];
let begun = false;

/** Runs `chore` once the start's first answer is sent (at once, after that). */
export function afterFirstAnswer(chore: () => void): void {
  if (begun) chore();
  else waiting.push(chore);
}

/** The first answer is sent, or the wait is over: the chores run, each once. */
export function beginChores(): void {
  if (begun) return;
  begun = true;
  for (const chore of waiting.splice(0)) chore();
}

export function beginChoresSoon(): void {
  setTimeout(beginChores, CHORES_AFTER_MS);
}
