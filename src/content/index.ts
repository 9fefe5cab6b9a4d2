/**
 * The content script, in every frame from document_start. It only listens
 * (pointer, keys, focus, messages) until the pointer rests on text or "mark
 * codes" is on. Runs once per frame even if injected twice; a copy left
 * behind by an update or reload of the extension detaches and makes way.
 */
import { extensionAlive, startSession, type Session } from './content-session';

const KEY = Symbol.for('hcpcs-lens.session');
const global = globalThis as typeof globalThis & { [KEY]?: Session };

const running = global[KEY];
if (!running?.alive()) {
  running?.teardown();
  if (extensionAlive()) global[KEY] = startSession(window);
}
