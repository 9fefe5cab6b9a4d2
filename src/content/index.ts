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
import { BOOT_KEY, EARLY_EVENTS, SESSION_KEY, TRIGGER_KEYS, extensionAlive, listenEarly, type Boot, type ContentGlobal, type EarlyEvent, type Noted, type WindowEvents } from './wake';

/** A rest this long starts the session: well inside the shortest useful dwell, so the first tooltip is not late. */
const WAKE_REST_MS = 40;
const TRIGGERS = Object.values(TRIGGER_KEYS);

function boot(win: Window): Boot {
  const abort = new AbortController();
  const noted: Noted = { x: 0, y: 0, lastMove: -Infinity, altKey: false, ctrlKey: false, shiftKey: false, focus: new FocusIntent() };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = false;
  /** The session's handlers, by event; the bootstrap's own (below) until it has taken over. */
  const session = new Map<EarlyEvent, Set<(e: Event) => void>>();
  let handedOver = false;
  const stop = () => {
    abort.abort();
    clearTimeout(timer);
  };
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
  const own: { [K in EarlyEvent]?: (e: WindowEventMap[K]) => void } = {
    pointermove(e) {
      if (e.pointerType === 'touch') return;
      noted.x = e.clientX;
      noted.y = e.clientY;
      noted.lastMove = e.timeStamp;
      note(e);
      timer ??= setTimeout(rest, WAKE_REST_MS);
    },
    pointerdown(e) {
      noted.focus.press(e);
    },
    keydown(e) {
      noted.focus.key(e);
      // A tooltip may be open in another frame of the tab (one this frame's page cannot see): the worker tells them all.
      if (e.key === 'Escape') sendToBackground('dismissTooltips', {}).catch(() => undefined);
      if (!TRIGGERS.includes(e.key)) return;
      note(e);
      wake();
    },
    focusin(e) {
      const target = e.composedPath()[0];
      if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) return;
      // A page's own el.focus() wakes nothing.
      if (!noted.focus.allows(target, e.timeStamp)) return;
      noted.userFocused = target;
      wake();
    },
  };
  let listening: AbortController | undefined;
  const listen = () => {
    listening?.abort();
    listening = new AbortController();
    const signal = AbortSignal.any([abort.signal, listening.signal]);
    for (const type of EARLY_EVENTS) {
      listenEarly(
        win,
        type,
        (e: Event) => {
          if (handedOver) for (const handler of session.get(type) ?? []) handler(e);
          else (own[type] as ((e: Event) => void) | undefined)?.(e);
        },
        signal,
      );
    }
  };
  listen();
  // The document's own children change when it is replaced (document.open removes the old <html>), rarely otherwise.
  const replaced = new MutationObserver((records) => {
    if (!records.some((r) => [...r.removedNodes].some((n) => n.nodeType === Node.ELEMENT_NODE))) return;
    listen();
    if (!handedOver) return;
    // The session's own listeners and marks went with the old document: a new one starts.
    (globalThis as ContentGlobal)[SESSION_KEY]?.teardown();
    handedOver = false;
    session.clear();
    asked = false;
    wake();
  });
  replaced.observe(win.document, { childList: true });
  abort.signal.addEventListener('abort', () => replaced.disconnect(), { once: true });
  const events: WindowEvents = {
    on(type, handler, signal) {
      const handlers = session.get(type) ?? new Set();
      session.set(type, handlers);
      handlers.add(handler as (e: Event) => void);
      signal.addEventListener('abort', () => handlers.delete(handler as (e: Event) => void), { once: true });
    },
  };
  return {
    alive: extensionAlive,
    handOver() {
      clearTimeout(timer);
      handedOver = true;
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
