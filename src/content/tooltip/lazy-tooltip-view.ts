/**
 * The tooltip as the session sees it before its look has arrived: the view
 * (tooltip-view.ts, with the detail view and the CSS) is a part of its own
 * (parts/tooltip-part.ts), asked for when a code is first found, so a page
 * where the pointer never rests on one never gets it. Until then nothing is
 * shown, visible or pinned.
 */
import type { Settings } from '../../common/settings';
import type { TooltipModel } from '../../hcpcs/tooltip-model';
import { loadPart } from '../parts/part-loader';
import type { Box } from './placement';
import type { TooltipEvents, TooltipView } from './tooltip-view';

export class LazyTooltipView {
  readonly #doc: Document;
  readonly #events: TooltipEvents;
  #view: TooltipView | undefined;
  #loading: Promise<boolean> | undefined;
  #theme: Settings['theme'] = 'system';
  #removed = false;

  constructor(doc: Document, events: TooltipEvents) {
    this.#doc = doc;
    this.#events = events;
  }

  get visible(): boolean {
    return this.#view?.visible ?? false;
  }

  get pinned(): boolean {
    return this.#view?.pinned ?? false;
  }

  get hostElement(): HTMLElement | undefined {
    return this.#view?.hostElement;
  }

  /** Whether the view is here, fetching it first if need be; false if it could not come (or the session ended). */
  ready(): Promise<boolean> {
    if (this.#view || this.#removed) return Promise.resolve(!this.#removed);
    this.#loading ??= loadPart('tooltip').then((part) => {
      this.#loading = undefined;
      if (part && !this.#view && !this.#removed) {
        this.#view = new part.TooltipView(this.#doc, this.#events);
        this.#view.setTheme(this.#theme);
      }
      return this.#view !== undefined && !this.#removed;
    });
    return this.#loading;
  }

  setTheme(theme: Settings['theme']): void {
    this.#theme = theme;
    this.#view?.setTheme(theme);
  }

  /** Call after ready() said true. */
  show(model: TooltipModel, anchor: Box): void {
    this.#view?.show(model, anchor);
  }

  showProblem(code: string, message: string, anchor: Box): void {
    this.#view?.showProblem(code, message, anchor);
  }

  hide(): void {
    this.#view?.hide();
  }

  remove(): void {
    this.#removed = true;
    this.#view?.remove();
    this.#view = undefined;
  }
}
