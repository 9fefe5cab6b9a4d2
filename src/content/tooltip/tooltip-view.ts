/**
 * The tooltip: the worker's model rendered with the shared detail view, a
 * toolbar (copy the code, pin it open, close), and a live region that
 * announces it (aria-describedby cannot point into a shadow root). Placed
 * next to the code and kept inside the viewport.
 */
import { announcement, el, renderDetail } from '../../common/detail-view';
import type { Settings } from '../../common/settings';
import type { TooltipModel } from '../../hcpcs/tooltip-model';
import { placeTooltip, type Box } from './placement';
import { trusted } from '../intent/trusted-events';
import { icon, type IconName } from './icons';
import { TooltipHost } from './tooltip-host';

export interface TooltipEvents {
  /** The close button or Escape: the tooltip is gone. */
  onClose(): void;
}

export class TooltipView {
  readonly #doc: Document;
  readonly #events: TooltipEvents;
  #host: TooltipHost | undefined;
  #tip: HTMLElement | undefined;
  #body: HTMLElement | undefined;
  #live: HTMLElement | undefined;
  #pin: HTMLElement | undefined;
  #copied: HTMLElement | undefined;
  #code = '';
  #pinned = false;
  #theme: Settings['theme'] = 'system';

  constructor(doc: Document, events: TooltipEvents) {
    this.#doc = doc;
    this.#events = events;
  }

  get visible(): boolean {
    return this.#tip !== undefined && !this.#tip.hidden && this.#host?.element.isConnected === true;
  }

  get pinned(): boolean {
    return this.visible && this.#pinned;
  }

  /** The host element, once created: events from inside the tooltip are retargeted to it. */
  get hostElement(): HTMLElement | undefined {
    return this.#host?.element;
  }

  setTheme(theme: Settings['theme']): void {
    this.#theme = theme;
    this.#tip?.setAttribute('data-theme', theme);
  }

  show(model: TooltipModel, anchor: Box): void {
    this.#present(model.cards[0]?.code ?? '', renderDetail(this.#doc, model), announcement(model), anchor);
  }

  /** Says why there is no answer for `code` (the extension's dataset is missing or damaged), where its tooltip would be. */
  showProblem(code: string, message: string, anchor: Box): void {
    const title = `HCPCS Lens cannot look up ${code}`;
    const content = el(this.#doc, 'div', 'hl-problem', el(this.#doc, 'div', 'hl-title', title), el(this.#doc, 'p', undefined, message));
    this.#present(code, content, `${title}. ${message}`, anchor);
  }

  #present(code: string, content: HTMLElement, announce: string, anchor: Box): void {
    const tip = this.#build();
    this.#code = code;
    this.#pinned = false;
    this.#pin!.setAttribute('aria-pressed', 'false');
    tip.classList.remove('hl-pinned');
    this.#copied!.hidden = true;
    this.#body!.replaceChildren(content);
    this.#host!.present();
    tip.hidden = false;
    tip.style.maxHeight = '';
    tip.style.left = '0px';
    tip.style.top = '0px';
    tip.scrollTop = 0;
    const viewport = { width: this.#doc.documentElement.clientWidth || innerWidth, height: this.#doc.documentElement.clientHeight || innerHeight };
    const place = placeTooltip(anchor, { width: tip.offsetWidth, height: tip.offsetHeight }, viewport);
    tip.style.left = `${place.left}px`;
    tip.style.top = `${place.top}px`;
    tip.style.maxHeight = `${Math.max(80, place.maxHeight)}px`;
    tip.dataset.side = place.side;
    this.#live!.textContent = announce;
  }

  hide(): void {
    if (!this.#tip || this.#tip.hidden) return;
    this.#tip.hidden = true;
    this.#pinned = false;
    this.#live!.textContent = '';
    this.#host?.conceal();
  }

  remove(): void {
    this.#host?.remove();
    this.#host = undefined;
    this.#tip = undefined;
  }

  /**
   * Lazily creates the host on first use: the one element the extension adds
   * to a page. (With "mark codes" on, the marker also adopts a style sheet
   * for its highlight: page-marker.ts.)
   */
  #build(): HTMLElement {
    if (this.#tip && this.#host) return this.#tip;
    const doc = this.#doc;
    this.#host = new TooltipHost(doc);
    const button = (name: IconName, label: string, onClick: () => void) => {
      const b = el(doc, 'button', `hl-${name}`, icon(doc, name));
      b.setAttribute('type', 'button');
      b.setAttribute('aria-label', label);
      b.title = label;
      // Only the user's own click: a page script's synthetic click must not pin, close or copy.
      b.addEventListener(
        'click',
        trusted((e) => {
          e.stopPropagation();
          onClick();
        }),
      );
      return b;
    };
    this.#pin = button('pin', 'Keep open', () => this.#togglePin());
    this.#copied = el(doc, 'span', 'hl-copied', 'Copied');
    this.#copied.hidden = true;
    const tools = el(doc, 'div', 'hl-tools', button('copy', 'Copy code', () => void this.#copy()), this.#pin, button('close', 'Close', () => this.#close()));
    this.#body = el(doc, 'div', 'hl-body');
    const tip = el(doc, 'div', 'hl-theme hl-tooltip', tools, this.#copied, this.#body);
    tip.setAttribute('role', 'tooltip');
    tip.setAttribute('data-theme', this.#theme);
    tip.hidden = true;
    this.#live = el(doc, 'div', 'hl-visually-hidden');
    this.#live.setAttribute('role', 'status');
    this.#live.setAttribute('aria-live', 'polite');
    this.#live.setAttribute('aria-atomic', 'true');
    this.#host.root.append(tip, this.#live);
    this.#tip = tip;
    return tip;
  }

  #togglePin(): void {
    this.#pinned = !this.#pinned;
    this.#pin!.setAttribute('aria-pressed', String(this.#pinned));
    this.#tip!.classList.toggle('hl-pinned', this.#pinned);
  }

  #close(): void {
    this.hide();
    this.#events.onClose();
  }

  async #copy(): Promise<void> {
    const ok = await copyText(this.#doc, this.#host!.root, this.#code);
    if (!ok || !this.#copied) return;
    this.#copied.hidden = false;
    setTimeout(() => {
      if (this.#copied) this.#copied.hidden = true;
    }, 1200);
  }
}

async function copyText(doc: Document, root: ShadowRoot, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The async clipboard needs a focused document; a selection in our own root does not.
    const area = doc.createElement('textarea');
    area.value = text;
    root.append(area);
    area.select();
    const ok = doc.execCommand('copy');
    area.remove();
    return ok;
  }
}
