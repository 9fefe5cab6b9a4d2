/**
 * "Mark codes on the page": recognised codes underlined with the CSS Custom
 * Highlight API, so the page's DOM is never touched (portals are React and
 * Angular apps that break when their nodes change).
 *
 * Marking is lazy: only the text around the viewport (a screen above and
 * below) is scanned and marked, again when the page scrolls, resizes or
 * changes. Chromium re-validates every range of every highlight whenever one
 * changes, so a highlight holding a 20,000-row table's codes costs over
 * 100 ms a frame; one holding what is on screen costs nothing noticeable,
 * and no code is unmarked when the user sees it.
 *
 * Adopting a stylesheet with a ::highlight rule restyles every element
 * (400 ms on a 20,000-row table), so the session starts the marker as soon
 * as the settings are read at document_start, before the page has content.
 */
import { highlightRule } from './highlight-rule';
import type { LookupClient } from './lookup-client';
import { codesInText, isHiddenText, newScanContext, textWalker, type NodeCode, type ScanContext } from './page-scan';

/** Probe points across the viewport (fractions of its width and height) where walks through the text start. */
const PROBES_X = [0.08, 0.5, 0.92];
const PROBES_Y = [0.02, 0.34, 0.66, 0.98];
/** Text nodes walked per probe, at most, so a huge page costs the same as a small one. */
const WALK_MAX = 1500;

export class PageMarker {
  readonly #doc: Document;
  readonly #client: LookupClient;
  readonly #host: () => Element | undefined;
  readonly #name = `hcpcs-lens-${Math.random().toString(36).slice(2, 10)}`;
  /** Codes found per text node (shapes, positions); dropped when the node changes. */
  #scanned = new WeakMap<Text, NodeCode[]>();
  #context: ScanContext = newScanContext();
  #highlight: Highlight | undefined;
  #sheet: CSSStyleSheet | undefined;
  #observer: MutationObserver | undefined;
  #abort: AbortController | undefined;
  #frame = 0;
  #generation = 0;

  constructor(doc: Document, client: LookupClient, host: () => Element | undefined) {
    this.#doc = doc;
    this.#client = client;
    this.#host = host;
  }

  static supported(): boolean {
    return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
  }

  start(): void {
    if (this.#abort || !PageMarker.supported()) return;
    const doc = this.#doc;
    const win = doc.defaultView!;
    this.#abort = new AbortController();
    const { signal } = this.#abort;
    this.#highlight = new Highlight();
    CSS.highlights.set(this.#name, this.#highlight);
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(highlightRule(this.#name));
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      this.#sheet = sheet;
    } catch {
      // Without our sheet the highlight is not painted; hovering still works.
    }
    // Nothing to mark before the page is parsed; hit-testing a page still being
    // parsed would force a layout per parser chunk.
    const begin = () => {
      this.#observer = new MutationObserver((records) => this.#onMutations(records));
      this.#observer.observe(doc, { childList: true, subtree: true, characterData: true });
      const schedule = () => this.#schedule();
      win.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
      win.addEventListener('resize', schedule, { passive: true, signal });
      this.#schedule();
    };
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', begin, { once: true, signal });
    else begin();
  }

  stop(): void {
    if (!this.#abort) return;
    this.#abort.abort();
    this.#abort = undefined;
    this.#generation++;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#observer?.disconnect();
    CSS.highlights.delete(this.#name);
    const sheet = this.#sheet;
    if (sheet) {
      try {
        this.#doc.adoptedStyleSheets = this.#doc.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // The page replaced its sheets: ours is gone already.
      }
    }
    this.#sheet = undefined;
    this.#highlight = undefined;
    this.#scanned = new WeakMap();
    this.#context = newScanContext();
  }

  /** Marks again before the next paint (once, however many events ask). */
  #schedule(): void {
    if (!this.#abort || this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      void this.#update().catch(() => this.stop());
    });
  }

  #onMutations(records: MutationRecord[]): void {
    const host = this.#host();
    let relevant = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        this.#scanned.delete(r.target as Text);
        relevant = true;
      } else if (!relevant && !onlyHost(r, host)) {
        // Headers may have changed with the rows: column roles are read afresh.
        this.#context = newScanContext();
        relevant = true;
      }
    }
    if (relevant) this.#schedule();
  }

  async #update(): Promise<void> {
    const generation = ++this.#generation;
    const found: [Text, NodeCode][] = [];
    for (const node of this.#textNearViewport()) {
      let codes = this.#scanned.get(node);
      if (!codes) {
        codes = isHiddenText(node) ? [] : codesInText(node, this.#context);
        this.#scanned.set(node, codes);
      }
      for (const c of codes) found.push([node, c]);
    }
    // Known codes are cached: after the first screen this resolves without asking the worker.
    const known = await this.#client.known(found.map(([, c]) => c.code));
    const highlight = this.#highlight;
    if (!highlight || generation !== this.#generation) return;
    highlight.clear();
    for (const [node, c] of found) {
      if (known(c.code) && c.end <= node.length) highlight.add(new StaticRange({ startContainer: node, startOffset: c.start, endContainer: node, endOffset: c.end }));
    }
  }

  /**
   * The text nodes from a screen above the viewport to a screen below it:
   * walks in document order from the elements at a few points across the
   * viewport, back and forth, until the text is a screen away.
   */
  #textNearViewport(): Text[] {
    const doc = this.#doc;
    const win = doc.defaultView!;
    const root = doc.documentElement;
    if (!root) return [];
    const height = win.innerHeight;
    const out = new Set<Text>();
    const starts = new Set<Element>();
    for (const fy of PROBES_Y) for (const fx of PROBES_X) {
      const el = contentAt(doc, win.innerWidth * fx, height * fy, this.#host());
      if (el) starts.add(el);
    }
    const far = (n: Node, below: boolean) => {
      const r = n.parentElement?.getBoundingClientRect();
      return r !== undefined && (below ? r.top > 2 * height : r.bottom < -height);
    };
    for (const start of starts) {
      const walker = textWalker(root);
      walker.currentNode = start;
      // Already walked through from another probe.
      const first = walker.nextNode();
      if (first && out.has(first as Text)) continue;
      walker.currentNode = start;
      for (let i = 0, n = walker.previousNode(); n && i < WALK_MAX; i++, n = walker.previousNode()) {
        if (i % 16 === 15 && far(n, false)) break;
        out.add(n as Text);
      }
      walker.currentNode = start;
      for (let i = 0, n = walker.nextNode(); n && i < WALK_MAX; i++, n = walker.nextNode()) {
        if (i % 16 === 15 && far(n, true)) break;
        out.add(n as Text);
      }
    }
    return [...out];
  }
}

/** Whether a record is only the extension's own host moving. */
function onlyHost(r: MutationRecord, host: Element | undefined): boolean {
  if (!host) return false;
  for (const n of r.addedNodes) if (n !== host) return false;
  for (const n of r.removedNodes) if (n !== host) return false;
  return true;
}

/**
 * The content element at a point: the topmost hit that is not the
 * extension's host, the root, or something covering the whole viewport (a
 * page-wide overlay or container, from which a walk would start far away).
 */
function contentAt(doc: Document, x: number, y: number, host: Element | undefined): Element | undefined {
  const win = doc.defaultView!;
  for (const el of doc.elementsFromPoint(x, y)) {
    if (el === host || el === doc.documentElement || el === doc.body) continue;
    const r = el.getBoundingClientRect();
    if (r.width >= win.innerWidth && r.height >= win.innerHeight) continue;
    return el;
  }
  return undefined;
}
