/**
 * Decides what the tooltip shows and when it goes: one tooltip per frame,
 * from a hover, a focused field, a selection lookup, or a child frame. Hides
 * after a short grace period once the pointer has left both the code and the
 * tooltip (to elsewhere in the frame, another frame or out of the window),
 * never while pinned or while text in it is being selected; hides at once
 * when the page, the frame holding the code or a frame above it scrolls, and
 * when that frame goes.
 */
import type { FrameTooltip } from '../../common/messages';
import { sendToBackground } from '../../common/send';
import type { Settings } from '../../common/settings';
import type { LookupItem } from '../../hcpcs/tooltip-model';
import { reachableAncestors, windowsAlong } from '../frames/frame-chain';
import type { FrameRelay } from '../frames/frame-relay';
import type { LookupClient } from '../lookup-client';
import type { Box } from './placement';
import { trusted } from '../intent/trusted-events';
import type { LazyTooltipView } from './lazy-tooltip-view';

export type TooltipSource = 'hover' | 'focus' | 'selection' | 'frame';

export interface Shown {
  /** What is shown and where: the same key again is not shown twice. */
  key: string;
  anchor: Box;
  source: TooltipSource;
  /** The frame token: of the child frame that asked (top frame), or of the request to the top frame (child). */
  token?: string | undefined;
  /** Shown by the top frame on this frame's behalf. */
  delegated?: boolean;
  /** Top frame, a child frame's tooltip: the windows from the top's child down to that frame. */
  frames?: Window[];
}

export interface ControllerDeps {
  win: Window;
  client: LookupClient;
  view: LazyTooltipView;
  relay: FrameRelay;
  settings(): Settings;
}

const HIDE_GRACE_MS = 300;

export class TooltipController {
  readonly #deps: ControllerDeps;
  #shown: Shown | undefined;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;
  #watch: AbortController | undefined;
  /** The pointer is over the tooltip. */
  pointerInside = false;
  /** A button went down in the tooltip (text being selected): no hiding until it is released. */
  pressInside = false;

  constructor(deps: ControllerDeps) {
    this.#deps = deps;
  }

  get shown(): Shown | undefined {
    return this.#shown;
  }

  get pinned(): boolean {
    return this.#deps.view.pinned;
  }

  /** Shows a tooltip for `items` next to `anchor`; false when it was not (superseded, pinned, no answer). */
  async show(items: LookupItem[], anchor: Box, source: TooltipSource, key: string, token?: string, frames?: Window[]): Promise<boolean> {
    const { view, relay, client, settings } = this.#deps;
    // Already showing it (unless the page took our host away meanwhile). One
    // the top frame shows for us is asked for again: the top may have let it go.
    if (this.#shown?.key === key && !this.#shown.delegated && view.visible) {
      this.cancelHide();
      return true;
    }
    // A pinned tooltip stays until it is closed; hovers elsewhere (here or in a
    // child frame, which would otherwise show its own, clipped) do nothing.
    if (view.pinned && (source === 'hover' || source === 'frame')) return source === 'frame';
    const seq = ++this.#seq;
    if (source !== 'frame' && relay.shouldDelegate()) {
      const delegated = await relay.showInTop(items, anchor).catch(() => undefined);
      if (seq !== this.#seq) return false;
      if (delegated) {
        this.#clear(true);
        this.#shown = { key, anchor, source, token: delegated, delegated: true };
        return true;
      }
    }
    // The tooltip's look comes with the first answer (lazy-tooltip-view.ts).
    const [model, ready] = await Promise.all([client.model(items, settings().detailLevel), view.ready()]);
    if (seq !== this.#seq || model.cards.length === 0 || !ready) return false;
    this.#clear(true);
    view.setTheme(settings().theme);
    view.show(model, anchor);
    this.#shown = { key, anchor, source, token, ...(frames ? { frames } : {}) };
    this.#watchViewport(frames ?? []);
    return true;
  }

  /**
   * The worker answered with an error instead of codes (its dataset is
   * missing or damaged): the tooltip says so where it would have shown, rather
   * than the hover silently doing nothing.
   */
  showProblem(code: string, message: string, anchor: Box, source: TooltipSource, key: string): void {
    const { view, settings } = this.#deps;
    if (this.#shown?.key === key && view.visible) return this.cancelHide();
    if (view.pinned && source === 'hover') return;
    const seq = ++this.#seq;
    void view.ready().then((ready) => {
      if (!ready || seq !== this.#seq) return;
      this.#clear(true);
      view.setTheme(settings().theme);
      view.showProblem(code, message, anchor);
      this.#shown = { key, anchor, source };
      this.#watchViewport([]);
    });
  }

  /** Hides now; a pinned tooltip only when forced (Escape, disabling). */
  hide(force = false): void {
    if (!force && this.pinned) return;
    this.#seq++;
    this.#clear(force);
  }

  /** Hides after the grace period unless the pointer comes back to the code or onto the tooltip. */
  scheduleHide(ms = HIDE_GRACE_MS): void {
    const shown = this.#shown;
    if (!shown || this.#hideTimer !== undefined || this.pinned) return;
    // The top frame keeps its own grace period for tooltips it shows for us.
    if (shown.delegated) return this.hide();
    this.#hideTimer = setTimeout(() => {
      this.#hideTimer = undefined;
      if (this.pointerInside || this.pressInside || this.pinned) return;
      this.hide();
    }, ms);
  }

  cancelHide(): void {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = undefined;
  }

  /** Top frame: a child frame's tooltip, placed where the child's code is (the child measured it in this viewport). */
  async showFromFrame({ token, items, anchor, path }: FrameTooltip): Promise<boolean> {
    // The frame must still be there, and of this page's origin all the way down.
    const frames = windowsAlong(this.#deps.win, path);
    if (!frames) return false;
    return this.show(items, anchor, 'frame', `frame:${token}`, token, frames);
  }

  /** Whether `win` is the frame (or a frame above it) whose tooltip this top frame shows. */
  showsFrame(win: Window | null): boolean {
    return win !== null && (this.#shown?.frames?.includes(win) ?? false);
  }

  hideFromFrame(token: string, force: boolean): boolean {
    if (this.#shown?.token !== token || this.#shown.delegated) return false;
    if (force) this.hide(true);
    else this.scheduleHide();
    return true;
  }

  /** Takes the tooltip down; `force` also takes down one the top frame shows for this frame, even if the pointer is on it. */
  #clear(force: boolean): void {
    this.cancelHide();
    const shown = this.#shown;
    this.#shown = undefined;
    this.#watch?.abort();
    this.#watch = undefined;
    this.pointerInside = false;
    if (shown?.delegated && shown.token) this.#deps.relay.hideInTop(shown.token, force);
    this.#deps.view.hide();
  }

  /**
   * The code moves when the page, its frame or a frame above scrolls or
   * resizes: an unpinned tooltip goes. `frames`: the windows down to the
   * frame a child's tooltip came from (their scrolling moves the code too;
   * their going, pinned or not, takes the tooltip with them). Frames above
   * this one are watched as far as they can be reached (same origin).
   */
  #watchViewport(frames: Window[]): void {
    const watch = new AbortController();
    this.#watch = watch;
    const { signal } = watch;
    const onMove = () => {
      if (!this.pinned && this.#shown?.source !== 'selection') this.hide();
    };
    const ancestors = reachableAncestors(this.#deps.win);
    // Above a cross-origin frame: only the top page sees its own scroll, and says so through the worker.
    if (ancestors.at(-1) !== this.#deps.win.top && this.#deps.win !== this.#deps.win.top) sendToBackground('watchTabScroll', {}).catch(() => undefined);
    for (const w of [this.#deps.win, ...ancestors, ...frames]) {
      try {
        w.addEventListener('scroll', trusted(onMove), { capture: true, passive: true, signal });
        w.addEventListener('resize', trusted(onMove), { passive: true, signal });
      } catch {
        // A frame gone between the request and now.
      }
    }
    for (const w of frames) w.addEventListener('pagehide', trusted(() => this.hide(true)), { signal });
  }
}
