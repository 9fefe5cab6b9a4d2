/**
 * The session's entry: injected by the worker into a frame whose bootstrap
 * asked for it (index.ts), into frames the popup or worker needs to talk to,
 * or registered from document_start while "mark codes" is on. Starts once per
 * frame, taking over from the bootstrap; a session left behind by an update
 * or reload of the extension is torn down first.
 */
import { CONTENT_PARTS } from '../common/content-parts';
import { startSession } from './content-session';
import { forgetParts } from './parts/part-registry';
import { BOOT_KEY, SESSION_KEY, extensionAlive, windowEvents, type ContentGlobal } from './wake';

const global = globalThis as ContentGlobal;
const running = global[SESSION_KEY];
if (!running?.alive()) {
  running?.teardown();
  // Parts a session left behind are of the extension before its update or reload.
  if (running) forgetParts(CONTENT_PARTS);
  if (extensionAlive()) {
    const boot = global[BOOT_KEY];
    const handed = boot?.alive() ? boot.handOver() : undefined;
    global[SESSION_KEY] = startSession(window, handed?.events ?? windowEvents(window), handed?.noted);
  }
}
