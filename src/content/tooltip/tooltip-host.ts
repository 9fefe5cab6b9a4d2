/**
 * The extension's one element in a page: a host with a shadow root, inserted
 * on first use. Page CSS cannot reach inside and ours cannot leak out. Shown
 * in the top layer (a manual popover), so it is above modal dialogs and
 * fullscreen elements; placed inside the fullscreen element, the topmost modal
 * dialog or open popover, so hit testing, the page's inertness and light
 * dismiss leave it working and leave the page's own dialogs and popovers open.
 */
import detailCss from '../../common/detail-view.css?inline';
import tooltipCss from './tooltip.css?inline';

/** Inline, important: beats any page rule aimed at the host (`div { display: none !important }`). */
const HOST_STYLE: readonly [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['inset', '0px auto auto 0px'],
  ['width', '0px'],
  ['height', '0px'],
  ['margin', '0px'],
  ['padding', '0px'],
  ['border', '0px none'],
  ['overflow', 'visible'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['z-index', '2147483647'],
  ['pointer-events', 'none'],
  ['background', 'none'],
];

export class TooltipHost {
  readonly element: HTMLElement;
  readonly root: ShadowRoot;

  constructor(readonly doc: Document) {
    const host = doc.createElement('div');
    host.setAttribute('popover', 'manual');
    // Through CSSOM, not a style attribute: allowed under any page CSP.
    for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
    this.element = host;
    // Closed: page script cannot reach the tooltip's text (the code and its description) nor its buttons.
    this.root = host.attachShadow({ mode: 'closed' });
    const css = `${detailCss}\n${tooltipCss}`;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      this.root.adoptedStyleSheets = [sheet];
    } catch {
      // Firefox content scripts cannot adopt sheets into page nodes; a style element in our own root works there.
      const style = doc.createElement('style');
      style.textContent = css;
      this.root.append(style);
    }
  }

  /** Inserts or moves the host where it can be seen and clicked, and raises it to the top of the top layer. */
  present(): void {
    const container = topmostLayer(this.doc, this.element) ?? this.doc.documentElement;
    if (this.element.parentNode !== container) container.append(this.element);
    try {
      if (this.element.matches(':popover-open')) this.element.hidePopover();
      this.element.showPopover();
    } catch {
      // No popover support, or the container is closing: the host still shows, as a fixed element.
    }
  }

  conceal(): void {
    try {
      if (this.element.matches(':popover-open')) this.element.hidePopover();
    } catch {
      // Already hidden.
    }
  }

  remove(): void {
    this.element.remove();
  }
}

/**
 * Where the host must sit to be seen and clicked: inside the fullscreen
 * element (Chromium hit-tests nothing outside it, top layer or not), inside
 * the topmost open modal dialog (everything outside it is inert), inside the
 * last open popover that light dismiss would close (a click outside closes it).
 */
function topmostLayer(doc: Document, host: Element): Element | undefined {
  const fullscreen = doc.fullscreenElement;
  let top = fullscreen && !REPLACED.has(fullscreen.tagName) ? fullscreen : undefined;
  const within = (el: Element) => el !== host && (!top || top.contains(el));
  try {
    top = [...doc.querySelectorAll('dialog')].filter((d) => within(d) && d.matches(':modal')).at(-1) ?? top;
  } catch {
    // No :modal support.
  }
  try {
    top = [...doc.querySelectorAll('[popover]')].filter((p) => within(p) && p.getAttribute('popover') !== 'manual' && p.matches(':popover-open')).at(-1) ?? top;
  } catch {
    // No popover support.
  }
  return top;
}

/** Elements whose children are not rendered: the host cannot live inside them. */
const REPLACED = new Set(['VIDEO', 'IFRAME', 'IMG', 'CANVAS', 'EMBED', 'OBJECT', 'AUDIO']);
