/**
 * "Mark codes on the page": every recognised code underlined with the CSS
 * Custom Highlight API, so the page's DOM is never touched (portals are
 * React and Angular apps that break when their nodes change). What is on
 * screen is marked first; the rest in idle time, a few milliseconds at a
 * time; a MutationObserver keeps it current as the page changes.
 */
import type { LookupClient } from './lookup-client';
import { codesInText, isHiddenText, newScanContext, slices, textWalker, type NodeCode } from './page-scan';

type Work = { walker: TreeWalker } | { node: Text; from: number; to: number };

/** Work per slice: well under a frame, far under the 50 ms of a long task. */
const SLICE_MS = 6;
/** Text nodes scanned around the viewport before the rest. */
const VISIBLE_BACK = 200;
const VISIBLE_MAX = 6000;

export class PageMarker {
  readonly #doc: Document;
  readonly #client: LookupClient;
  readonly #host: () => Element | undefined;
  readonly #name = `hcpcs-lens-${Math.random().toString(36).slice(2, 10)}`;
  readonly #marks = new Map<Text, StaticRange[]>();
  #highlight: Highlight | undefined;
  #sheet: CSSStyleSheet | undefined;
  #urgent: Work[] = [];
  #idle: Work[] = [];
  #context = newScanContext();
  #observer: MutationObserver | undefined;
  #abort: AbortController | undefined;
  #running = false;
  #sweep = false;

  constructor(doc: Document, client: LookupClient, host: () => Element | undefined) {
    this.#doc = doc;
    this.#client = client;
    this.#host = host;
  }

  static supported(): boolean {
    return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
  }

  get running(): boolean {
    return this.#abort !== undefined;
  }

  start(): void {
    if (this.#abort || !PageMarker.supported()) return;
    const doc = this.#doc;
    const abort = new AbortController();
    this.#abort = abort;
    this.#highlight = new Highlight();
    CSS.highlights.set(this.#name, this.#highlight);
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`::highlight(${this.#name}) { background-color: rgb(255 196 0 / 0.28); text-decoration: underline 2px rgb(11 92 173 / 0.85); text-underline-offset: 3px; }`);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      this.#sheet = sheet;
    } catch {
      // Without our sheet the highlight is not painted; hovering still works.
    }
    this.#observer = new MutationObserver((records) => this.#onMutations(records));
    this.#observer.observe(doc, { childList: true, subtree: true, characterData: true });
    const onScroll = () => requestAnimationFrame(() => this.#queueVisible());
    doc.defaultView?.addEventListener('scroll', onScroll, { capture: true, passive: true, signal: abort.signal });
    this.#queueVisible();
    if (doc.documentElement) this.#idle.push({ walker: textWalker(doc.documentElement) });
    void this.#pump();
  }

  stop(): void {
    if (!this.#abort) return;
    this.#abort.abort();
    this.#abort = undefined;
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
    this.#marks.clear();
    this.#urgent = [];
    this.#idle = [];
    this.#context = newScanContext();
  }

  /** Codes marked now, by code: for tests and "codes on this page" cross-checks. */
  markedCount(): number {
    let n = 0;
    for (const ranges of this.#marks.values()) n += ranges.length;
    return n;
  }

  /** What is on screen goes first: the text from just above the top of the viewport to its bottom. */
  #queueVisible(): void {
    const doc = this.#doc;
    const win = doc.defaultView;
    if (!this.#abort || !win || !doc.documentElement) return;
    const probe = doc.elementFromPoint(win.innerWidth / 3, Math.min(48, win.innerHeight / 4)) ?? doc.body;
    if (!probe) return;
    const walker = textWalker(doc.documentElement);
    walker.currentNode = probe;
    for (let i = 0; i < VISIBLE_BACK && walker.previousNode(); i++);
    const nodes: Text[] = [];
    const bottom = win.innerHeight;
    for (let n = walker.nextNode(); n && nodes.length < VISIBLE_MAX; n = walker.nextNode()) {
      nodes.push(n as Text);
      if (nodes.length % 64 === 0 && (n.parentElement?.getBoundingClientRect().top ?? 0) > bottom) break;
    }
    for (const node of nodes) this.#urgent.push({ node, from: 0, to: node.length });
    void this.#pump();
  }

  #onMutations(records: MutationRecord[]): void {
    const host = this.#host();
    for (const r of records) {
      if (r.type === 'characterData') {
        if (r.target.nodeType === Node.TEXT_NODE) this.#requeue(r.target as Text);
        continue;
      }
      for (const n of r.addedNodes) {
        if (n === host) continue;
        if (n.nodeType === Node.TEXT_NODE) this.#requeue(n as Text);
        else if (n.nodeType === Node.ELEMENT_NODE) this.#urgent.push({ walker: textWalker(n) });
      }
      if (r.removedNodes.length > 0) this.#sweep = true;
    }
    void this.#pump();
  }

  #requeue(node: Text): void {
    this.#unmark(node);
    this.#urgent.push({ node, from: 0, to: node.length });
  }

  #unmark(node: Text): void {
    const ranges = this.#marks.get(node);
    if (!ranges) return;
    for (const r of ranges) this.#highlight?.delete(r);
    this.#marks.delete(node);
  }

  async #pump(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      while (this.#abort && (this.#urgent.length > 0 || this.#idle.length > 0 || this.#sweep)) {
        await (this.#urgent.length > 0 ? nextTask() : idleTime());
        if (!this.#abort) return;
        if (this.#sweep) this.#sweepRemoved();
        const found = this.#scanSlice();
        if (found.length > 0) await this.#mark(found);
      }
    } catch {
      // The worker is gone (extension updated): stop quietly.
      this.stop();
    } finally {
      this.#running = false;
    }
  }

  /** Scans queued text for up to SLICE_MS; returns the codes found (not yet checked against the dataset). */
  #scanSlice(): [Text, NodeCode][] {
    const found: [Text, NodeCode][] = [];
    const started = performance.now();
    let visited = 0;
    while ((visited++ & 15) !== 0 || performance.now() - started < SLICE_MS) {
      const queue = this.#urgent.length > 0 ? this.#urgent : this.#idle;
      const work = queue[0];
      if (!work) break;
      let node: Text;
      let from = 0;
      let to: number;
      if ('walker' in work) {
        const next = work.walker.nextNode() as Text | null;
        if (!next) {
          queue.shift();
          continue;
        }
        if (next.length > 32_768) {
          for (const [a, b] of slices(next)) queue.push({ node: next, from: a, to: b });
          continue;
        }
        node = next;
        to = node.length;
      } else {
        queue.shift();
        ({ node, from, to } = work);
      }
      if ((from === 0 && this.#marks.has(node)) || !node.isConnected || isHiddenText(node)) continue;
      for (const code of codesInText(node, this.#context, from, Math.min(to, node.length))) found.push([node, code]);
    }
    return found;
  }

  async #mark(found: [Text, NodeCode][]): Promise<void> {
    const known = await this.#client.known(found.map(([, c]) => c.code));
    const highlight = this.#highlight;
    if (!highlight || !this.#abort) return;
    for (const [node, c] of found) {
      if (!known(c.code) || !node.isConnected || c.end > node.length) continue;
      const range = new StaticRange({ startContainer: node, startOffset: c.start, endContainer: node, endOffset: c.end });
      highlight.add(range);
      const list = this.#marks.get(node);
      if (list) list.push(range);
      else this.#marks.set(node, [range]);
    }
  }

  #sweepRemoved(): void {
    this.#sweep = false;
    for (const node of this.#marks.keys()) if (!node.isConnected) this.#unmark(node);
  }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function idleTime(): Promise<void> {
  return new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 250 }) : setTimeout(resolve, 16)));
}
