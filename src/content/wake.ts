/**
 * What the content script's two parts share in a frame's isolated world. The
 * bootstrap (index.ts) runs in every page from document_start and only notes
 * where the pointer is; when the pointer rests, a field is focused, a
 * trigger key is pressed or a child frame's script calls, it has the worker
 * start the session (session.ts: hover, tooltip, marking, requests), which
 * takes over from what the bootstrap noted.
 */
import { ext as browser } from '../common/extension-api';

/** The live session of this frame. (Also read by name where the worker probes frames: see common/session-script.ts.) */
export const SESSION_KEY = Symbol.for('hcpcs-lens.session');
export const BOOT_KEY = Symbol.for('hcpcs-lens.boot');
/** postMessage key of a frame relay message (frame-relay.ts). */
export const RELAY_KEY = 'hcpcsLensAnchor';

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
  /** Modifier keys at the last event, for "hover while holding a key". */
  alt: boolean;
  ctrl: boolean;
  shift: boolean;
  /** Messages from child frames' content scripts that came before the session. */
  messages: { data: unknown; source: MessageEventSource | null }[];
}

export interface Boot {
  alive(): boolean;
  /** Stops listening and gives what it noted: the session listens from now on. */
  handOver(): Noted;
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
