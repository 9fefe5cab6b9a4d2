/**
 * "Mark codes on the page": recognised codes tinted with the CSS Custom
 * Highlight API, so the page's DOM is never touched (portals are React and
 * Angular apps that break when their nodes change).
 *
 * The ::highlight rule is adopted under a random name. Added to a page
 * already styled, any ::highlight rule makes Chromium restyle every element
 * below it (highlight styles inherit): ~330 ms for a 20,000-row table on the
 * benchmark machine, once, when the user turns marking on in an open tab.
 * With marking on, the worker starts the session from document_start, so the
 * rule comes before the page has content and costs nothing measurable. A
 * fixed rule shipped as content-script CSS would avoid even the one-time
 * restyle, but every page could then read it (getComputedStyle of the
 * highlight pseudo-element) and tell that the extension is installed.
 *
 * Marking is lazy: only the text from a screen above the viewport to a
 * screen below is marked, again when the page scrolls, resizes or changes.
 * Chromium re-validates every range of a highlight whenever it changes, so a
 * highlight holding a 20,000-row table's codes costs over 100 ms a frame; one
 * holding what is near the screen costs little, and no code is unmarked when
 * the user sees it. Between updates only the difference is applied: ranges
 * of text still near the screen stay, new ones are added, far ones removed.
 *
 * That text is found by walking the document from text nodes on screen.
 * Scrolling walks from the nodes the last update found on screen: Chromium's
 * hit testing of a table grows with its rows (2 ms a point at 50,000 rows),
 * so points are hit-tested only to find where to start: at the first update,
 * after the page changes or resizes, when the known nodes are far off screen
 * (a jump), and once scrolling has stopped for a moment, for layouts whose
 * columns a walk in document order does not reach.
 */
import { highlightRule } from './highlight-rule';
import type { LookupClient } from './lookup-client';
import { codesInText, isHiddenText, newScanContext, textWalker, type NodeCode, type ScanContext } from './page-scan';

/** Probe points across the viewport (fractions of its width and height) where walks through the text start. */
const PROBES_X = [0.08, 0.5, 0.92];
const PROBES_Y = [0.02, 0.34, 0.66, 0.98];
/** Text nodes walked per start and direction, at most, so a huge page costs the same as a small one. */
const WALK_MAX = 1500;
/** Positions are read every this many nodes of a walk. */
const CHECK_EVERY = 16;
/**
 * Scrolling has stopped when no scroll event came for this long: then the
 * probes look again. ('scrollend' follows every instant scroll, and a frame
 * of a huge table can take a fifth of a second on a slow machine.)
 */
const SCROLL_REST_MS = 1000;
/** While the page is still being parsed, what is on screen is marked this often. */
const LOADING_UPDATE_MS = 150;

export class PageMarker {
  readonly #doc: Document;
  readonly #client: LookupClient;
  readonly #host: () => Element | undefined;
  /** Random, so a page cannot probe for a rule of ours by name. */
  readonly #name = `hcpcs-lens-${Math.random().toString(36).slice(2, 10)}`;
  /** Codes found per text node (shapes, positions); dropped when the node changes. */
  #scanned = new WeakMap<Text, NodeCode[]>();
  #context: ScanContext = newScanContext();
  #highlight: Highlight | undefined;
  #sheet: CSSStyleSheet | undefined;
  /** What the highlight holds, by text node. */
  readonly #ranges = new Map<Text, StaticRange[]>();
  /** Text nodes the last update found on screen: where the next walk starts. */
  #anchors: Text[] = [];
  /** Find where to start by hit testing (see the file comment). */
  #probe = true;
  #observer: MutationObserver | undefined;
  #abort: AbortController | undefined;
  #frame = 0;
  #generation = 0;
  #scrollRest: ReturnType<typeof setTimeout> | undefined;
  #loadingTick: ReturnType<typeof setTimeout> | undefined;
  /** Marks from before the page was parsed, removed by the update that replaces them (in the same task: no frame shows neither). */
  #retired: StaticRange[] = [];

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
    win.addEventListener('scroll', () => this.#onScroll(), { capture: true, passive: true, signal });
    win.addEventListener('resize', () => this.#schedule(true), { passive: true, signal });
    const begin = () => {
      clearTimeout(this.#loadingTick);
      // What was found while the parser ran may be of text it was still adding
      // to: read afresh. Its marks stay until the next update replaces them.
      this.#retired = [...this.#ranges.values()].flat();
      this.#ranges.clear();
      this.#forget();
      this.#observer = new MutationObserver((records) => this.#onMutations(records));
      this.#observer.observe(doc, { childList: true, subtree: true, characterData: true });
      this.#schedule(true);
    };
    if (doc.readyState !== 'loading') return begin();
    doc.addEventListener('DOMContentLoaded', begin, { once: true, signal });
    // While the parser streams a long page (a 20,000-row table takes seconds),
    // the rows already painted are marked every so often. No MutationObserver
    // until then: a record per parsed node would cost more than the marking.
    const tick = () => {
      if (doc.readyState !== 'loading' || signal.aborted) return;
      this.#schedule();
      this.#loadingTick = setTimeout(tick, LOADING_UPDATE_MS);
    };
    this.#loadingTick = setTimeout(tick, LOADING_UPDATE_MS);
  }

  stop(): void {
    if (!this.#abort) return;
    this.#abort.abort();
    this.#abort = undefined;
    this.#generation++;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    clearTimeout(this.#scrollRest);
    clearTimeout(this.#loadingTick);
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
    this.#clear();
    this.#highlight = undefined;
  }

  /** Forgets what was found and marked. */
  #clear(): void {
    this.#highlight?.clear();
    this.#ranges.clear();
    this.#retired = [];
    this.#forget();
  }

  /** Forgets what was found: every text is read again. */
  #forget(): void {
    // An update under way would add what it found before this.
    this.#generation++;
    this.#anchors = [];
    this.#probe = true;
    this.#scanned = new WeakMap();
    this.#context = newScanContext();
  }

  /** Marks again before the next paint (once, however many events ask); `probe` to hit-test for where to start. */
  #schedule(probe = false): void {
    if (probe) this.#probe = true;
    if (!this.#abort || this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      void this.#update().catch(() => this.stop());
    });
  }

  #onScroll(): void {
    this.#schedule();
    clearTimeout(this.#scrollRest);
    this.#scrollRest = setTimeout(() => this.#schedule(true), SCROLL_REST_MS);
  }

  #onMutations(records: MutationRecord[]): void {
    const host = this.#host();
    let relevant = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        const node = r.target as Text;
        this.#scanned.delete(node);
        this.#unmark(node);
        relevant = true;
      } else if (!relevant && !onlyHost(r, host)) {
        // Headers may have changed with the rows: column roles are read afresh.
        this.#context = newScanContext();
        relevant = true;
      }
    }
    if (relevant) this.#schedule(true);
  }

  async #update(): Promise<void> {
    const generation = ++this.#generation;
    const near = this.#textNearViewport();
    const found: [Text, NodeCode[]][] = [];
    const codes: string[] = [];
    for (const node of near) {
      if (this.#ranges.has(node)) continue;
      let nodeCodes = this.#scanned.get(node);
      if (!nodeCodes) {
        nodeCodes = isHiddenText(node) ? [] : codesInText(node, this.#context);
        this.#scanned.set(node, nodeCodes);
      }
      found.push([node, nodeCodes]);
      for (const c of nodeCodes) codes.push(c.code);
    }
    // Known codes are cached: after the first screen this resolves without asking the worker.
    const known = await this.#client.known(codes);
    const highlight = this.#highlight;
    if (!highlight || generation !== this.#generation) return;
    for (const [node, nodeCodes] of found) {
      const ranges: StaticRange[] = [];
      for (const c of nodeCodes) {
        if (!known(c.code) || c.end > node.length) continue;
        const range = new StaticRange({ startContainer: node, startOffset: c.start, endContainer: node, endOffset: c.end });
        highlight.add(range);
        ranges.push(range);
      }
      this.#ranges.set(node, ranges);
    }
    for (const node of this.#ranges.keys()) if (!near.has(node)) this.#unmark(node);
    for (const r of this.#retired) highlight.delete(r);
    this.#retired = [];
  }

  #unmark(node: Text): void {
    const ranges = this.#ranges.get(node);
    if (!ranges) return;
    for (const r of ranges) this.#highlight?.delete(r);
    this.#ranges.delete(node);
  }

  /**
   * The text nodes from a screen above the viewport to a screen below it:
   * walks in document order, back and forth, from each start until the text
   * is a screen away.
   */
  #textNearViewport(): Set<Text> {
    const doc = this.#doc;
    const root = doc.documentElement;
    const out = new Set<Text>();
    if (!root) return out;
    const height = doc.defaultView!.innerHeight;
    const starts: (Text | Element)[] = this.#probe ? [] : this.#anchors.filter((a) => a.isConnected && isNear(a, height));
    if (starts.length === 0) starts.push(...this.#probeStarts());
    this.#probe = false;
    const anchors: Text[] = [];
    const walker = textWalker(root);
    for (const start of starts) {
      walker.currentNode = start;
      if (start instanceof Text) {
        if (out.has(start)) continue;
        out.add(start);
      } else {
        // Already walked through from another start.
        const first = walker.nextNode() as Text | null;
        if (first && out.has(first)) continue;
        walker.currentNode = start;
      }
      let anchor: Text | undefined;
      const walk = (step: () => Node | null, below: boolean) => {
        walker.currentNode = start;
        for (let i = 0, n = step(); n && i < WALK_MAX; i++, n = step()) {
          if (i % CHECK_EVERY === CHECK_EVERY - 1) {
            const r = n.parentElement?.getBoundingClientRect();
            if (r && (below ? r.top > 2 * height : r.bottom < -height)) break;
            if (!anchor && r && r.bottom > 0 && r.top < height && r.height > 0) anchor = n as Text;
          }
          out.add(n as Text);
        }
      };
      walk(() => walker.previousNode(), false);
      walk(() => walker.nextNode(), true);
      if (anchor) anchors.push(anchor);
      else if (start instanceof Text) anchors.push(start);
    }
    this.#anchors = anchors;
    return out;
  }

  /** Elements at probe points across the viewport, where walks start. */
  #probeStarts(): Element[] {
    const doc = this.#doc;
    const win = doc.defaultView!;
    const starts = new Set<Element>();
    for (const fy of PROBES_Y) {
      for (const fx of PROBES_X) {
        const el = contentAt(doc, win.innerWidth * fx, win.innerHeight * fy, this.#host());
        if (el) starts.add(el);
      }
    }
    return [...starts];
  }
}

/** Whether a node's box is within a screen of the viewport. */
function isNear(node: Text, height: number): boolean {
  const r = node.parentElement?.getBoundingClientRect();
  return r !== undefined && r.height > 0 && r.bottom > -height && r.top < 2 * height;
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
 * One hit test for the usual case; the full list only under an overlay.
 */
function contentAt(doc: Document, x: number, y: number, host: Element | undefined): Element | undefined {
  const win = doc.defaultView!;
  const usable = (el: Element) => {
    if (el === host || el === doc.documentElement || el === doc.body) return false;
    const r = el.getBoundingClientRect();
    return !(r.width >= win.innerWidth && r.height >= win.innerHeight);
  };
  const top = doc.elementFromPoint(x, y);
  if (!top) return undefined;
  if (usable(top)) return top;
  return doc.elementsFromPoint(x, y).find(usable);
}
