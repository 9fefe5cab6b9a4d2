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
 * That text is found by walking the document from text on screen
 * (viewport-text.ts).
 */
import { highlightRule, randomHighlightName } from './highlight-rule';
import { onlyHost } from './own-mutations';
import type { NodeCode, ScanContext } from '../finding/page-scan';
import { offsetsIn, spanNear, viewportText, type ViewportText } from './viewport-text';
import { DateMarks } from '../service-date/date-marks';
import { invalidMarkRule } from '../service-date/invalid-mark-rule';
import type { MarkerDeps } from './marker-deps';
import { decodeCodeSet } from '../../hcpcs/code-set';

/**
 * Scrolling has stopped when no scroll event came for this long: then the
 * probes look again. ('scrollend' follows every instant scroll, and a frame
 * of a huge table can take a fifth of a second on a slow machine.)
 */
const SCROLL_REST_MS = 1000;
/** A huge text node (a 10 MB log in one <pre>) is read for at most this long per frame. */
const SCAN_SLICE_MS = 8;
/** While the page is still being parsed, what is on screen is marked this often. */
const LOADING_UPDATE_MS = 150;
/** A text node with more codes than this (an EDI file in one <pre>) has only those near the screen marked. */
const MANY_CODES = 200;

export class PageMarker {
  readonly #d: MarkerDeps;
  /** Random, so a page cannot probe for a rule of ours by name. */
  readonly #name = randomHighlightName();
  readonly #dateName = randomHighlightName();
  /** Codes found per text node (shapes, positions); dropped when the node changes. */
  #scanned = new WeakMap<Text, NodeCode[]>();
  /** How far the reading of a huge text node has got. */
  #partial = new WeakMap<Text, { next: number; codes: NodeCode[] }>();
  #context: ScanContext;
  #highlight: Highlight | undefined;
  #sheet: CSSStyleSheet | undefined;
  /** What the highlight holds, by text node. */
  readonly #ranges = new Map<Text, StaticRange[]>();
  /** For a node with many codes, which of them its ranges hold (spanNear), when they are in #ranges. */
  readonly #spans = new WeakMap<Text, string>();
  readonly #near: ViewportText;
  #observer: MutationObserver | undefined;
  #abort: AbortController | undefined;
  #frame = 0;
  #generation = 0;
  #scrollRest: ReturnType<typeof setTimeout> | undefined;
  #loadingTick: ReturnType<typeof setTimeout> | undefined;
  /** Marks from before the page was parsed, removed by the update that replaces them (in the same task: no frame shows neither). */
  #retired: StaticRange[] = [];
  /** Codes not valid on their row's date of service, marked apart. */
  readonly #dates: DateMarks;

  constructor(deps: MarkerDeps) {
    const { doc, client, host, scanner, checkDates, loadDates } = deps;
    this.#d = deps;
    this.#context = scanner.newScanContext();
    this.#near = viewportText(doc, host, scanner.textWalker);
    this.#dates = new DateMarks({ client, name: this.#dateName, enabled: checkDates, loadPart: loadDates, onPart: () => this.#abort && (this.#retireAll(), this.#schedule(true)) });
  }

  static supported(): boolean {
    return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
  }

  start(): void {
    if (this.#abort || !PageMarker.supported()) return;
    const doc = this.#d.doc;
    const win = doc.defaultView!;
    this.#abort = new AbortController();
    const { signal } = this.#abort;
    this.#highlight = new Highlight();
    CSS.highlights.set(this.#name, this.#highlight);
    this.#dates.start();
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(highlightRule(this.#name) + invalidMarkRule(this.#dateName));
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      this.#sheet = sheet;
    } catch {
      // Without our sheet the highlight is not painted; hovering still works.
    }
    win.addEventListener('scroll', () => this.#onScroll(), { capture: true, passive: true, signal });
    win.addEventListener('resize', () => this.#schedule(true), { passive: true, signal });
    const begin = () => {
      clearTimeout(this.#loadingTick);
      // What was found while the parser ran may be of text it was still adding to.
      this.#retireAll();
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
    this.#dates.stop();
    const sheet = this.#sheet;
    if (sheet) {
      try {
        this.#d.doc.adoptedStyleSheets = this.#d.doc.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // The page replaced its sheets: ours is gone already.
      }
    }
    this.#sheet = undefined;
    this.#clear();
    this.#highlight = undefined;
  }

  /** Everything is read afresh; its marks stay until the next update replaces them (in the same task: no frame shows neither). */
  #retireAll(): void {
    this.#retired = this.#retired.concat(...this.#ranges.values());
    this.#ranges.clear();
    this.#forget();
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
    this.#near.reset();
    this.#scanned = new WeakMap();
    this.#partial = new WeakMap();
    this.#context = this.#d.scanner.newScanContext();
    this.#dates.reset();
  }

  /** Marks again before the next paint (once, however many events ask); `probe` to hit-test for where to start. */
  #schedule(probe = false): void {
    if (probe) this.#near.probeNext();
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
    const host = this.#d.host();
    let relevant = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        const node = r.target as Text;
        this.#scanned.delete(node);
        this.#partial.delete(node);
        this.#unmark(node);
        relevant = true;
      } else if (!relevant && !onlyHost(r, host)) {
        // Headers may have changed with the rows: column roles are read afresh.
        this.#context = this.#d.scanner.newScanContext();
        this.#dates.reset();
        relevant = true;
      }
    }
    if (relevant) this.#schedule(true);
  }

  async #update(): Promise<void> {
    const generation = ++this.#generation;
    const near = this.#near.collect();
    const found: [Text, NodeCode[]][] = [];
    const height = this.#d.doc.defaultView!.innerHeight;
    let unfinished = false;
    for (const node of near) {
      const partial = this.#partial.get(node);
      if (this.#ranges.has(node) && !this.#spans.has(node) && !partial) continue;
      let nodeCodes = this.#scanned.get(node);
      if (!nodeCodes) {
        nodeCodes = this.#d.scanner.isHiddenText(node) ? [] : this.#scan(node);
        // A huge node still being read: what was found so far is marked now, the rest in the next frames.
        if (this.#partial.has(node)) unfinished = true;
        else this.#scanned.set(node, nodeCodes);
      }
      if (nodeCodes.length > MANY_CODES) {
        const [from, to] = spanNear(node, nodeCodes.map((c) => offsetsIn(node, c)), height);
        const span = `${from}:${to}`;
        if (this.#ranges.has(node) && this.#spans.get(node) === span) continue;
        // Replaced when the new ranges are added, in the same task: no frame shows neither.
        this.#spans.set(node, span);
        nodeCodes = nodeCodes.slice(from, to);
      } else this.#spans.delete(node);
      found.push([node, nodeCodes]);
    }
    // Answers are cached: after the first screen this resolves without asking the worker.
    const { known, meaning } = await this.#d.client.dictionaryFor(found.flatMap(([, codes]) => codes.map((c) => c.candidate)));
    const highlight = this.#highlight;
    if (!highlight || generation !== this.#generation) return;
    for (const [node, nodeCodes] of found) {
      this.#unmark(node);
      const ranges: StaticRange[] = [];
      for (const c of nodeCodes) {
        // The whole token a hover explains: the code with the modifiers kept, or a modifier alone.
        const resolved = this.#d.scanner.resolveCandidate(c.candidate, known, meaning);
        const start = resolved && c.at(resolved.start, false);
        const end = resolved && c.at(resolved.end, true);
        if (!start || !end || start.offset > start.node.length || end.offset > end.node.length) continue;
        const range = new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
        highlight.add(range);
        ranges.push(range);
      }
      this.#ranges.set(node, ranges);
    }
    for (const node of this.#ranges.keys()) if (!near.has(node)) this.#unmark(node);
    for (const r of this.#retired) highlight.delete(r);
    this.#retired = [];
    // Asked once the page shows code-shaped text (a page with none never asks): a jump to rows never shown is then marked in its own frame.
    if (found.some(([, codes]) => codes.length > 0)) void this.#d.client.loadCodeSet(decodeCodeSet);
    await this.#dates.mark(found, known, () => generation === this.#generation);
    // A huge text node is read a few milliseconds at a time, over the next frames.
    if (unfinished) this.#schedule();
  }

  /** The candidates of a text node; of a huge node, those of the slices read so far (it stays in #partial until read to its end). */
  #scan(node: Text): NodeCode[] {
    const { SLICE, codesInText, slices } = this.#d.scanner;
    if (node.length <= SLICE) return codesInText(node, this.#context);
    const started = performance.now();
    const part = this.#partial.get(node) ?? { next: 0, codes: [] };
    const all = slices(node);
    while (part.next < all.length) {
      const [from, to] = all[part.next++]!;
      part.codes.push(...codesInText(node, this.#context, from, to));
      if (performance.now() - started > SCAN_SLICE_MS && part.next < all.length) {
        this.#partial.set(node, part);
        return part.codes;
      }
    }
    this.#partial.delete(node);
    return part.codes;
  }

  #unmark(node: Text): void {
    this.#dates.unmark(node);
    const ranges = this.#ranges.get(node);
    if (!ranges) return;
    for (const r of ranges) this.#highlight?.delete(r);
    this.#ranges.delete(node);
  }
}
