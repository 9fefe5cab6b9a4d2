/**
 * What the content script's two parts share in a frame's isolated world. The
 * bootstrap (index.ts) runs in every page from document_start and only notes
 * where the pointer is; when the pointer rests, the user moves the focus to a
 * field or presses a trigger key, it has the worker start the session
 * (session.ts: hover, tooltip, marking, requests; the tooltip's look, the
 * date check, marking and the code lists come as parts when needed: parts/), which takes
 * over from what the bootstrap noted. Nothing a page sends (postMessage) wakes it: there is
 * no page-visible channel between frames at all.
 */
import { ext as browser } from '../common/extension-api';
import type { Settings } from '../common/settings';
import type { FocusIntent } from './intent/focus-intent';
import { trusted } from './intent/trusted-events';

/** The live session of this frame. (Also read by name where the worker probes frames: see common/session-script.ts.) */
export const SESSION_KEY = Symbol.for('hcpcs-lens.session');
export const BOOT_KEY = Symbol.for('hcpcs-lens.boot');

export interface Session {
  alive(): boolean;
  teardown(): void;
}

/** What the bootstrap noted before the session started. */
export interface Noted {
  x: number;
  y: number;
  /** Event time of the last pointer move (the clock of performance.now()); -Infinity if none. */
  lastMove: number;
  /** Modifier keys at the last event, for "hover while holding a key" (named as on the events). */
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  /** Whether the user moved the focus (Tab, a press): the session goes on with it. */
  focus: FocusIntent;
  /** The field the user focused before the session started, if any. */
  userFocused?: Element | undefined;
}

/**
 * The window events the session acts on. The bootstrap listens for them in
 * the capture phase from document_start, before any page script can add a
 * capture listener that swallows them (stopImmediatePropagation), and keeps
 * those listeners for the session: a session injected later and listening
 * on its own would come after the page's listeners.
 */
export const EARLY_EVENTS = ['pointermove', 'pointerdown', 'pointerup', 'pointerout', 'keydown', 'keyup', 'focusin', 'focusout'] as const;
export type EarlyEvent = (typeof EARLY_EVENTS)[number];
export type EarlyHandler<K extends EarlyEvent> = (e: WindowEventMap[K]) => void;

/** The key each "hover while holding a key" trigger means (KeyboardEvent.key). */
export const TRIGGER_KEYS: Record<Exclude<Settings['trigger'], 'hover'>, string> = { alt: 'Alt', ctrl: 'Control', shift: 'Shift' };

/** How an early event is listened for: capture phase, passive but for keydown (an Escape that dismisses the tooltip must not reach the page). */
export function earlyOptions(type: EarlyEvent): AddEventListenerOptions {
  return { capture: true, passive: type !== 'keydown' };
}

/** Listens for an early event as the session needs it: trusted events only, with earlyOptions. */
export function listenEarly<K extends EarlyEvent>(win: Window, type: K, handler: EarlyHandler<K>, signal: AbortSignal): void {
  win.addEventListener(type, trusted(handler as (e: Event) => void), { ...earlyOptions(type), signal });
}

/** Where the session subscribes to the early events: only the user's own (trusted) events reach it. */
export interface WindowEvents {
  on<K extends EarlyEvent>(type: K, handler: EarlyHandler<K>, signal: AbortSignal): void;
}

export interface Boot {
  alive(): boolean;
  /** Gives what it noted; from now on its listeners serve the session's handlers. */
  handOver(): { noted: Noted; events: WindowEvents };
  /** Stops listening (a copy left by an update or reload makes way). */
  stop(): void;
}

export type ContentGlobal = typeof globalThis & { [SESSION_KEY]?: Session; [BOOT_KEY]?: Boot };

/** False once the extension behind this script is gone (after an update, a reload or removal). */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** The early events straight from the window, for a session started where no bootstrap of ours runs (it listens late). */
export function windowEvents(win: Window): WindowEvents {
  return {
    on: (type, handler, signal) => listenEarly(win, type, handler, signal),
  };
}
