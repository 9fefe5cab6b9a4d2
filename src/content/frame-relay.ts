/**
 * Tooltips for codes in small frames, shown by the top frame so the frame's
 * edges do not clip them. The content goes child → worker → top frame (the
 * worker only relays within the sender's own tab). Only the code's position
 * travels by postMessage, frame to parent: each parent finds the iframe the
 * message came from (by event.source), adds that iframe's offset and passes
 * it on. A page can post such messages from its own frames; at worst a
 * tooltip is misplaced, and only for a random token it would have to guess.
 * A MessageEvent the page dispatches itself (with any `source` it likes) is
 * not trusted and is ignored.
 */
import { sendToBackground } from '../common/send';
import type { LookupItem } from '../hcpcs/tooltip-model';
import { boxOf, type Box } from './placement';
import { RELAY_KEY as KEY, type WindowEvents } from './wake';

/** A frame smaller than this cannot hold a tooltip of the standard level. */
const MIN_WIDTH = 440;
const MIN_HEIGHT = 320;
const MAX_PENDING = 8;
const ANCHOR_WAIT_MS = 600;

interface AnchorMessage {
  token: string;
  rect: Box;
}

export class FrameRelay {
  readonly #win: Window;
  readonly #anchors = new Map<string, Box>();
  readonly #waiting = new Map<string, (box: Box) => void>();

  constructor(win: Window, events: WindowEvents, signal: AbortSignal) {
    this.#win = win;
    events.on(
      'message',
      (e) => {
        // Ours, from a child frame: the page need not see it.
        if (this.receive(e.data, e.source)) e.stopImmediatePropagation();
      },
      signal,
    );
  }

  get isTop(): boolean {
    return this.#win === this.#win.top;
  }

  /** Whether this frame should ask the top frame to show its tooltips. */
  shouldDelegate(): boolean {
    return !this.isTop && (this.#win.innerWidth < MIN_WIDTH || this.#win.innerHeight < MIN_HEIGHT);
  }

  /** Asks the top frame to show the tooltip; the token to hide it with, or undefined if the top frame did not. */
  async showInTop(items: LookupItem[], anchor: Box): Promise<string | undefined> {
    const token = crypto.randomUUID();
    this.#postUp({ token, rect: anchor });
    const { shown } = await sendToBackground('showInTopFrame', { token, items });
    return shown ? token : undefined;
  }

  hideInTop(token: string, force: boolean): void {
    sendToBackground('hideInTopFrame', { token, ...(force ? { force } : {}) }).catch(() => undefined);
  }

  /** Top frame: the position a child frame sent for this token, in this frame's viewport. */
  anchorFor(token: string): Promise<Box | undefined> {
    const box = this.#anchors.get(token);
    if (box) return Promise.resolve(box);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(token);
        resolve(undefined);
      }, ANCHOR_WAIT_MS);
      this.#waiting.set(token, (b) => {
        clearTimeout(timer);
        resolve(b);
      });
    });
  }

  #postUp(message: AnchorMessage): void {
    this.#win.parent.postMessage({ [KEY]: message }, '*');
  }

  /** A position message from a child frame (as it arrives, or as the bootstrap kept it); false if it is not one. */
  receive(data: unknown, source: MessageEventSource | null): boolean {
    const message = readAnchor(data);
    if (!message) return false;
    const frame = frameOf(this.#win.document, source);
    if (!frame) return false;
    const rect = inParent(frame, message.rect);
    if (!this.isTop) {
      this.#postUp({ token: message.token, rect });
      return true;
    }
    const waiting = this.#waiting.get(message.token);
    if (waiting) {
      this.#waiting.delete(message.token);
      waiting(rect);
      return true;
    }
    if (this.#anchors.size >= MAX_PENDING) this.#anchors.delete(this.#anchors.keys().next().value!);
    this.#anchors.set(message.token, rect);
    return true;
  }
}

function readAnchor(data: unknown): AnchorMessage | undefined {
  if (typeof data !== 'object' || data === null || !(KEY in data)) return undefined;
  const m = (data as Record<string, unknown>)[KEY] as Partial<AnchorMessage> | undefined;
  const r = m?.rect;
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e6;
  if (typeof m?.token !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(m.token) || !r) return undefined;
  if (![r.left, r.top, r.width, r.height].every(finite)) return undefined;
  return { token: m.token, rect: boxOf(r as Box) };
}

function frameOf(doc: Document, source: MessageEventSource | null): HTMLIFrameElement | HTMLFrameElement | undefined {
  if (!source) return undefined;
  for (const f of doc.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame')) {
    if (f.contentWindow === source) return f;
  }
  return undefined;
}

/** A box in a frame's viewport, in its parent's viewport: past the iframe's border and padding. */
function inParent(frame: Element, rect: Box): Box {
  const outer = frame.getBoundingClientRect();
  const style = getComputedStyle(frame);
  const left = outer.left + frame.clientLeft + parseFloat(style.paddingLeft);
  const top = outer.top + frame.clientTop + parseFloat(style.paddingTop);
  return { left: left + rect.left, top: top + rect.top, width: rect.width, height: rect.height };
}
