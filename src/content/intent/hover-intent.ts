/**
 * Turns pointer, key and focus events into lookups. A lookup happens only
 * when the pointer has rested for the dwell time (settings.hoverDelayMs), so
 * sweeping across a table does nothing; each pointer move records where and
 * when it happened and starts one timer at most (and, while a tooltip shows,
 * checks whether the pointer left its code). The events come through the
 * bootstrap's capture listeners on the window, added at document_start, so
 * page listeners cannot swallow them first (wake.ts). A field's focus counts
 * only when the user gave it (focus-intent.ts).
 */
import { RemoteError, sendToBackground } from '../../common/send';
import type { Settings } from '../../common/settings';
import { resolveCandidate, type CodeCandidate } from '../../hcpcs/code-pipeline';
import { codeAtPoint, codeInField } from '../finding/code-at-point';
import { FocusIntent } from './focus-intent';
import type { LookupClient } from '../lookup-client';
import { boxOf, contains, type Box } from '../tooltip/placement';
import { keyOf } from './tooltip-key';
import { isCodeField } from '../finding/point-target';
import type { ServiceDates } from '../service-date/service-dates';
import type { LazyTooltipView } from '../tooltip/lazy-tooltip-view';
import type { TooltipController } from '../tooltip/tooltip-controller';
import { TRIGGER_KEYS, type Noted, type WindowEvents } from '../wake';

export interface IntentDeps {
  doc: Document;
  client: LookupClient;
  controller: TooltipController;
  view: LazyTooltipView;
  dates: ServiceDates;
  settings(): Settings;
  /** Enabled here, by the settings and the site rules. */
  active(): boolean;
  /** Whether the extension behind this script still exists (it is gone after an update or reload). */
  alive(): boolean;
  onDead(): void;
}

/** Where a tooltip would have shown, to say there instead why it cannot. */
interface ProblemPlace {
  anchor: Box;
  source: 'hover' | 'focus';
}

/** A rest shorter than this is still a sweep, whatever the delay setting. */
const MIN_REST_MS = 30;

export class HoverIntent {
  readonly #d: IntentDeps;
  #x = 0;
  #y = 0;
  #lastMove = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #keyHeld = false;
  #focusTimer: ReturnType<typeof setTimeout> | undefined;
  #focus: FocusIntent;

  constructor(deps: IntentDeps, focus = new FocusIntent()) {
    this.#d = deps;
    this.#focus = focus;
  }

  listen(events: WindowEvents, signal: AbortSignal): void {
    events.on('pointermove', (e) => this.#onMove(e), signal);
    events.on('pointerdown', (e) => this.#onDown(e), signal);
    events.on('pointerup', () => (this.#d.controller.pressInside = false), signal);
    events.on('pointerout', (e) => this.#onOut(e), signal);
    events.on('keydown', (e) => this.#onKeyDown(e), signal);
    events.on('keyup', (e) => this.#onKeyUp(e), signal);
    events.on('focusin', (e) => this.#onFocusIn(e), signal);
    events.on('focusout', () => this.#onFocusOut(), signal);
    signal.addEventListener('abort', () => {
      clearTimeout(this.#timer);
      clearTimeout(this.#focusTimer);
    });
  }

  /**
   * Takes over from the bootstrap, once the settings are read: the pointer
   * where it last moved, a rest under way goes on (it shows now if it has
   * already lasted the dwell), and a field focused meanwhile is looked up.
   */
  resume(noted: Noted): void {
    if (noted.lastMove > this.#lastMove) {
      this.#x = noted.x;
      this.#y = noted.y;
      this.#lastMove = noted.lastMove;
      this.#keyHeld = this.#triggerHeld(noted);
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#rest(), Math.max(0, this.#delay() - (performance.now() - noted.lastMove)));
    }
    // Only a field the user focused (a page's own el.focus() shows nothing).
    const focused = this.#d.doc.activeElement;
    if (focused && focused === noted.userFocused && isCodeField(focused)) this.#onFocused(focused);
  }

  /** The extension's keyboard command: the tooltip of the code in the focused field, at once; false if there is none. */
  async lookupFocused(): Promise<boolean> {
    const focused = this.#d.doc.activeElement;
    if (!focused || !isCodeField(focused)) return false;
    return this.#lookupField(focused);
  }

  #delay(): number {
    return Math.max(MIN_REST_MS, this.#d.settings().hoverDelayMs);
  }

  #isOnTooltip(target: EventTarget | null): boolean {
    const host = this.#d.view.hostElement;
    return host !== undefined && target === host;
  }

  #onMove(e: PointerEvent): void {
    if (!this.#d.alive()) return this.#d.onDead();
    if (e.pointerType === 'touch' || !this.#d.active()) return;
    this.#x = e.clientX;
    this.#y = e.clientY;
    this.#lastMove = e.timeStamp;
    this.#keyHeld = this.#triggerHeld(e);
    const { controller } = this.#d;
    const onTip = this.#isOnTooltip(e.target);
    controller.pointerInside = onTip;
    if (onTip) return controller.cancelHide();
    const shown = controller.shown;
    if (shown && shown.source !== 'selection') {
      if (contains(shown.anchor, this.#x, this.#y)) controller.cancelHide();
      else controller.scheduleHide();
    }
    this.#timer ??= setTimeout(() => this.#rest(), this.#delay());
  }

  #rest(): void {
    this.#timer = undefined;
    const idle = performance.now() - this.#lastMove;
    const delay = this.#delay();
    if (idle < delay - 1) {
      this.#timer = setTimeout(() => this.#rest(), delay - idle);
      return;
    }
    void this.#lookupAtPointer();
  }

  #triggerHeld(e: Pick<MouseEvent, 'altKey' | 'ctrlKey' | 'shiftKey'>): boolean {
    const trigger = this.#d.settings().trigger;
    return trigger === 'hover' || (trigger === 'alt' ? e.altKey : trigger === 'ctrl' ? e.ctrlKey : e.shiftKey);
  }

  async #lookupAtPointer(): Promise<void> {
    const { doc, controller, view } = this.#d;
    if (!this.#keyHeld || !this.#d.active() || !this.#d.alive()) return;
    const x = this.#x;
    const y = this.#y;
    const found = codeAtPoint(doc, x, y, view.hostElement);
    if (!found) return;
    // The tooltip's look and the date part are fetched while the worker answers.
    void view.ready();
    this.#d.dates.prefetch(found.at);
    const { candidate } = found;
    // A live grid may replace the text while the worker answers: a detached node has no box, so the one read now stands in.
    const early = boxOf(found.rect(candidate.start, candidate.end));
    const resolved = (await this.#resolve(candidate, () => ({ anchor: early, source: 'hover' }))) ?? (await this.#d.dates.unlisted(candidate, found.at));
    if (!resolved) return;
    // Before measuring: the date may wait for its part, and the pointer may move meanwhile.
    const item = await this.#d.dates.withServiceDate(resolved.item, found.at);
    let anchor = boxOf(found.rect(resolved.start, resolved.end));
    if (!contains(anchor, this.#x, this.#y)) {
      // The pointer moved on, or the page replaced the text while the worker
      // answered (a detached node measures 0×0 at the corner): measured again
      // where it is now, if the same code is still under the pointer.
      const again = codeAtPoint(doc, this.#x, this.#y, view.hostElement);
      if (!again || again.candidate.code !== candidate.code) return;
      const shift = again.candidate.start - candidate.start;
      anchor = boxOf(again.rect(resolved.start + shift, resolved.end + shift));
      if (!contains(anchor, this.#x, this.#y)) return;
    }
    await controller.show([item], anchor, 'hover', keyOf(item, anchor)).catch((e: unknown) => this.#failed(e, item.code, { anchor, source: 'hover' }));
  }

  async #resolve(candidate: CodeCandidate, where: () => ProblemPlace) {
    try {
      const { known, meaning } = await this.#d.client.dictionaryFor([candidate]);
      return resolveCandidate(candidate, known, meaning);
    } catch (e) {
      this.#failed(e, candidate.code, where());
      return undefined;
    }
  }

  /**
   * The worker did not answer: after an update the old script goes quietly.
   * It answered with an error (its dataset is missing or damaged): the
   * tooltip says so, or the user would think the code unknown.
   */
  #failed(error: unknown, code: string, place: ProblemPlace): void {
    if (!this.#d.alive()) return this.#d.onDead();
    if (!(error instanceof RemoteError) || !this.#d.active()) return;
    const { anchor, source } = place;
    if (source === 'hover' && !contains(anchor, this.#x, this.#y)) return;
    this.#d.controller.showProblem(code, error.message, anchor, source, `problem:${source}:${code}@${Math.round(anchor.left)},${Math.round(anchor.top)}`);
  }

  /**
   * The pointer left this frame (for its parent, or out of the window) or
   * went into a child frame: it will not move here again for a while, so a
   * tooltip it left behind goes after the grace period unless the pointer
   * reaches it (WCAG 1.4.13: hoverable) or it is pinned. Not into the child
   * frame whose tooltip this top frame shows: that frame decides.
   */
  #onOut(e: PointerEvent): void {
    const to = e.relatedTarget;
    const intoFrame = to instanceof HTMLIFrameElement || to instanceof HTMLFrameElement;
    if (to !== null && !intoFrame) return;
    const { controller } = this.#d;
    if (intoFrame && controller.showsFrame(to.contentWindow)) return;
    controller.pointerInside = false;
    if (controller.shown && controller.shown.source !== 'selection') controller.scheduleHide();
  }

  #onDown(e: PointerEvent): void {
    this.#focus.press(e);
    const { controller } = this.#d;
    if (this.#isOnTooltip(e.target)) {
      controller.pressInside = true;
      return;
    }
    if (controller.shown && !controller.pinned) controller.hide();
  }

  #onKeyDown(e: KeyboardEvent): void {
    this.#focus.key(e);
    const { controller, view } = this.#d;
    if (e.key === 'Escape') {
      if (view.visible || controller.shown?.delegated) {
        // Ours alone: the page's dialog or popover must not close with it.
        controller.hide(true);
        e.preventDefault();
        e.stopImmediatePropagation();
        return;
      }
      // None here: one may be open in another frame of the tab. The page keeps its Escape.
      sendToBackground('dismissTooltips', {}).catch(() => undefined);
    }
    const trigger = this.#d.settings().trigger;
    if (trigger !== 'hover' && e.key === TRIGGER_KEYS[trigger] && !e.repeat && this.#d.active()) {
      this.#keyHeld = true;
      // Holding the key while the pointer rests on a code shows it at once.
      if (performance.now() - this.#lastMove > MIN_REST_MS) void this.#lookupAtPointer();
    }
  }

  #onKeyUp(e: KeyboardEvent): void {
    const trigger = this.#d.settings().trigger;
    if (trigger !== 'hover' && e.key === TRIGGER_KEYS[trigger]) this.#keyHeld = false;
  }

  /** Keyboard users: a field holding a code that the user focused (Tab, a press) shows its tooltip, no mouse needed. */
  #onFocusIn(e: FocusEvent): void {
    const target = e.composedPath()[0];
    if (target instanceof Element && isCodeField(target) && this.#focus.allows(target, e.timeStamp)) this.#onFocused(target);
  }

  #onFocused(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): void {
    if (!this.#d.active() || this.#d.settings().trigger !== 'hover') return;
    clearTimeout(this.#focusTimer);
    this.#focusTimer = setTimeout(() => void this.#lookupField(field), this.#delay());
  }

  #onFocusOut(): void {
    clearTimeout(this.#focusTimer);
    const { controller } = this.#d;
    if (controller.shown?.source === 'focus' && !controller.pointerInside) controller.scheduleHide(0);
  }

  async #lookupField(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): Promise<boolean> {
    if (!field.matches(':focus') || !this.#d.alive()) return false;
    const candidate = codeInField(field, field instanceof HTMLSelectElement ? undefined : (field.selectionStart ?? undefined));
    if (!candidate) return false;
    void this.#d.view.ready();
    const fieldBox = (): ProblemPlace => ({ anchor: boxOf(field.getBoundingClientRect()), source: 'focus' });
    const resolved = await this.#resolve(candidate, fieldBox);
    if (!resolved || !field.matches(':focus')) return false;
    const place = fieldBox();
    const item = await this.#d.dates.withServiceDate(resolved.item, { field });
    if (!field.matches(':focus')) return false;
    return this.#d.controller.show([item], place.anchor, 'focus', `focus:${keyOf(item, place.anchor)}`).catch((e: unknown) => {
      this.#failed(e, item.code, place);
      return false;
    });
  }
}
