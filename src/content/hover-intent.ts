/**
 * Turns pointer, key and focus events into lookups. A lookup happens only
 * when the pointer has rested for the dwell time (settings.hoverDelayMs), so
 * sweeping across a table does nothing; each pointer move records where and
 * when it happened and starts one timer at most (and, while a tooltip shows,
 * checks whether the pointer left its code). The events come through the
 * bootstrap's capture listeners on the window, added at document_start, so
 * page listeners cannot swallow them first (wake.ts).
 */
import { RemoteError } from '../common/send';
import type { Settings } from '../common/settings';
import { resolveCandidate, tokensToCheck, type CodeCandidate } from '../hcpcs/code-candidate';
import { codeAtPoint, codeInField } from './code-at-point';
import type { LookupClient } from './lookup-client';
import { boxOf, type Box } from './placement';
import { isCodeField } from './point-target';
import type { TooltipController } from './tooltip-controller';
import type { TooltipView } from './tooltip/tooltip-view';
import { TRIGGER_KEYS, type Noted, type WindowEvents } from './wake';

export interface IntentDeps {
  doc: Document;
  client: LookupClient;
  controller: TooltipController;
  view: TooltipView;
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

  constructor(deps: IntentDeps) {
    this.#d = deps;
  }

  listen(events: WindowEvents, signal: AbortSignal): void {
    events.on('pointermove', (e) => this.#onMove(e), signal);
    events.on('pointerdown', (e) => this.#onDown(e), signal);
    events.on('pointerup', () => (this.#d.controller.pressInside = false), signal);
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
    const focused = this.#d.doc.activeElement;
    if (focused && isCodeField(focused)) this.#onFocused(focused);
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
    const { candidate } = found;
    // A live grid may replace the text while the worker answers: a detached node has no box, so the one read now stands in.
    const early = boxOf(found.rect(candidate.start, candidate.end));
    const resolved = await this.#resolve(candidate, () => ({ anchor: early, source: 'hover' }));
    if (!resolved) return;
    const late = found.rect(resolved.start, resolved.end);
    const anchor = late.width > 0 || late.height > 0 ? boxOf(late) : early;
    // The pointer moved on while the worker answered.
    if (this.#x !== x || this.#y !== y) {
      if (!contains(anchor, this.#x, this.#y)) return;
    }
    const item = resolved.item;
    await controller.show([item], anchor, 'hover', keyOf(item, anchor)).catch((e: unknown) => this.#failed(e, item.code, { anchor, source: 'hover' }));
  }

  async #resolve(candidate: CodeCandidate, where: () => ProblemPlace) {
    try {
      const known = await this.#d.client.known(tokensToCheck(candidate));
      return resolveCandidate(candidate, known);
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

  #onDown(e: PointerEvent): void {
    const { controller } = this.#d;
    if (this.#isOnTooltip(e.target)) {
      controller.pressInside = true;
      return;
    }
    if (controller.shown && !controller.pinned) controller.hide();
  }

  #onKeyDown(e: KeyboardEvent): void {
    const { controller, view } = this.#d;
    if (e.key === 'Escape' && (view.visible || controller.shown?.delegated)) {
      // Ours alone: the page's dialog or popover must not close with it.
      controller.hide(true);
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
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

  /** Keyboard users: a focused field holding a code shows its tooltip, no mouse needed. */
  #onFocusIn(e: FocusEvent): void {
    const target = e.composedPath()[0];
    if (target instanceof Element && isCodeField(target)) this.#onFocused(target);
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

  async #lookupField(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): Promise<void> {
    if (!field.matches(':focus') || !this.#d.alive()) return;
    const candidate = codeInField(field, field instanceof HTMLSelectElement ? undefined : (field.selectionStart ?? undefined));
    if (!candidate) return;
    const fieldBox = (): ProblemPlace => ({ anchor: boxOf(field.getBoundingClientRect()), source: 'focus' });
    const resolved = await this.#resolve(candidate, fieldBox);
    if (!resolved || !field.matches(':focus')) return;
    const place = fieldBox();
    const item = resolved.item;
    await this.#d.controller.show([item], place.anchor, 'focus', `focus:${keyOf(item, place.anchor)}`).catch((e: unknown) => this.#failed(e, item.code, place));
  }
}

export function contains(box: Box, x: number, y: number, slack = 2): boolean {
  return x >= box.left - slack && x <= box.left + box.width + slack && y >= box.top - slack && y <= box.top + box.height + slack;
}

function keyOf(item: { code: string; modifiers?: readonly string[] }, anchor: Box): string {
  return `${item.code}${(item.modifiers ?? []).join('-')}@${Math.round(anchor.left)},${Math.round(anchor.top)}`;
}
