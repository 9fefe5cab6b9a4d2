/**
 * The content script every frame gets, from document_start. It costs a page
 * next to nothing: no settings read, no extension API touched, only the
 * pointer's position noted. When the pointer rests (or the user moves the
 * focus to a field, presses a trigger key), it asks the worker to start the
 * session in this frame (session.ts, injected), which takes over what it
 * noted. Its event listeners stay and serve the session: added at
 * document_start, they come before any a page script adds (see wake.ts).
 * With "mark codes" on, the worker registers the session to start with the
 * page instead. Runs once per frame; a copy left by an update or reload of
 * the extension makes way.
 *
 * `document.open()` erases every event listener of the document and its
 * window, ours included (old portals write report frames that way, and any
 * page could switch the extension off so): a watch on the document's own
 * children sees the document replaced, and the listeners are added again and
 * a running session started afresh.
 */
import { sendToBackground } from '../common/send';
import { FocusIntent } from './intent/focus-intent';
import { trusted } from './intent/trusted-events';
import { BOOT_KEY, EARLY_EVENTS, SESSION_KEY, TRIGGER_KEYS, earlyOptions, extensionAlive, type Boot, type ContentGlobal, type Noted, type WindowEvents } from './wake';

/** A rest this long starts the session: well inside the shortest useful dwell, so the first tooltip is not late. */
const WAKE_REST_MS = 40;
const TRIGGERS = Object.values(TRIGGER_KEYS);

function boot(win: Window): Boot {
  const noted: Noted = { x: 0, y: 0, lastMove: -Infinity, altKey: false, ctrlKey: false, shiftKey: false, focus: new FocusIntent() };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = false;
  /** The session's handlers, by event, once it has taken over; until then the bootstrap's own (below). */
  let session: Map<string, Set<(e: Event) => void>> | undefined;
  const wake = () => {
    if (asked) return;
    asked = true;
    sendToBackground('startSession', {}).then(
      () => undefined,
      // Gone with an update or reload: make way quietly. Otherwise try again on the next rest.
      () => (extensionAlive() ? (asked = false) : stop()),
    );
  };
  const rest = () => {
    timer = undefined;
    const idle = performance.now() - noted.lastMove;
    if (idle < WAKE_REST_MS - 1) timer = setTimeout(rest, WAKE_REST_MS - idle);
    else wake();
  };
  const note = (e: MouseEvent | KeyboardEvent) => {
    noted.altKey = e.altKey;
    noted.ctrlKey = e.ctrlKey;
    noted.shiftKey = e.shiftKey;
  };
  const own = (e: Event) => {
    switch (e.type) {
      case 'pointermove': {
        const move = e as PointerEvent;
        if (move.pointerType === 'touch') return;
        noted.x = move.clientX;
        noted.y = move.clientY;
        noted.lastMove = move.timeStamp;
        note(move);
        timer ??= setTimeout(rest, WAKE_REST_MS);
        return;
      }
      case 'pointerdown':
        return noted.focus.press(e as PointerEvent);
      case 'keydown': {
        const key = e as KeyboardEvent;
        noted.focus.key(key);
        // A tooltip may be open in another frame of the tab (one this frame's page cannot see): the worker tells them all.
        if (key.key === 'Escape') sendToBackground('dismissTooltips', {}).catch(() => undefined);
        if (!TRIGGERS.includes(key.key)) return;
        note(key);
        return wake();
      }
      case 'focusin': {
        const target = e.composedPath()[0];
        if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) return;
        // A page's own el.focus() wakes nothing.
        if (!noted.focus.allows(target, e.timeStamp)) return;
        noted.userFocused = target;
        return wake();
      }
    }
  };
  // One listener for every early event, the same function each time: adding it again where it is still in place adds nothing.
  const onEvent = trusted((e: Event) => {
    if (!session) return own(e);
    for (const handler of session.get(e.type) ?? []) handler(e);
  });
  const listen = () => {
    for (const type of EARLY_EVENTS) win.addEventListener(type, onEvent, earlyOptions(type));
  };
  listen();
  // The document's own children change when it is replaced (document.open removes the old <html>), rarely otherwise.
  const replaced = new MutationObserver((records) => {
    if (!records.some((r) => [...r.removedNodes].some((n) => n.nodeType === Node.ELEMENT_NODE))) return;
    listen();
    if (!session) return;
    // The session's own listeners and marks went with the old document: a new one starts.
    (globalThis as ContentGlobal)[SESSION_KEY]?.teardown();
    session = undefined;
    asked = false;
    wake();
  });
  replaced.observe(win.document, { childList: true });
  function stop() {
    replaced.disconnect();
    for (const type of EARLY_EVENTS) win.removeEventListener(type, onEvent, true);
    clearTimeout(timer);
  }
  const events: WindowEvents = {
    on(type, handler, signal) {
      const handlers = session?.get(type) ?? new Set();
      session?.set(type, handlers);
      handlers.add(handler as (e: Event) => void);
      signal.addEventListener('abort', () => handlers.delete(handler as (e: Event) => void), { once: true });
    },
  };
  return {
    alive: extensionAlive,
    handOver() {
      clearTimeout(timer);
      session = new Map();
      return { noted, events };
    },
    stop,
  };
}

const global = globalThis as ContentGlobal;
const session = global[SESSION_KEY];
const previous = global[BOOT_KEY];
// Only when something ran here before (injected twice, or left by an update) is the extension API touched.
if (!(session?.alive() || previous?.alive())) {
  previous?.stop();
  session?.teardown();
  global[BOOT_KEY] = boot(window);
}
