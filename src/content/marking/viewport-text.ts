/**
 * The text near the viewport, for "mark codes" (page-marker.ts): the text
 * nodes from a screen above it to a screen below, found by walking the
 * document from text on screen, each judged by its own text's box (textBox). Scrolling walks from the nodes the last
 * walk found on screen: Chromium's hit testing of a table grows with its
 * rows (2 ms a point at 50,000 rows), so points are hit-tested only to find
 * where to start: at the first walk, after the page changes or resizes, when
 * the known nodes are far off screen (a jump), and once scrolling has
 * stopped for a moment, for layouts whose columns a walk in document order
 * does not reach.
 */
import type { NodeCode } from '../finding/page-scan';
import type { PageScanner } from '../finding/page-scanner';
import { preOffsets } from './pre-lines';

/** Probe points across the viewport (fractions of its width and height) where walks through the text start. */
const PROBES_X = [0.08, 0.29, 0.5, 0.71, 0.92];
const PROBES_Y = [0.02, 0.34, 0.66, 0.98];
/** Text nodes walked per start and direction, at most, so a huge page costs the same as a small one. */
const WALK_MAX = 1500;
/** A table row: a walk from one of its cells reaches the others. */
const ROW = 'tr, [role="row"]';
/** A row or element less than this fraction of the viewport tall is short: a line of data, a paragraph, not a layout's column. */
const SHORT = 0.25;
/** Positions are read every this many nodes of a walk. */
const CHECK_EVERY = 16;

export interface ViewportText {
  /**
   * The text nodes from a screen above the viewport to a screen below it:
   * walks in document order, back and forth, from each start until the text
   * is a screen away.
   */
  collect(): Set<Text>;
  /** The next walk starts from hit tests, not from what the last one found. */
  probeNext(): void;
  reset(): void;
}

/** A closure rather than a class: its state's names are minified (private fields' are not), and the content script is on a size budget. */
export function viewportText(doc: Document, host: () => Element | undefined, textWalker: PageScanner['textWalker']): ViewportText {
  /** Text nodes the last walk found on screen: where the next walk starts. */
  let anchors: Text[] = [];
  /** Find where to start by hit testing. */
  let probe = true;

  /** Elements at probe points across the viewport, where walks start. */
  const probeStarts = (): Element[] => {
    const win = doc.defaultView!;
    const starts = new Set<Element>();
    /**
     * Boxes that a walk from a start found already covers, where no other
     * point is hit-tested: its table row when the row is a line of data (a
     * point inside hits a cell of that row, next to it in document order);
     * else its element when it is short (a walk from it reads all of it) or
     * a leaf (a point inside would hit it again). Not a tall row of a layout
     * table, nor a tall container: their columns are far apart in document
     * order.
     */
    const covered: DOMRect[] = [];
    const short = (r: DOMRect) => r.height < win.innerHeight * SHORT;
    for (const fy of PROBES_Y) {
      for (const fx of PROBES_X) {
        const x = win.innerWidth * fx;
        const y = win.innerHeight * fy;
        // Hit tests cost Chromium time in proportion to the page: 0.5 ms a point in a 20,000-row table, 2 ms in a 20,000-line <pre>.
        if (covered.some((r) => x >= r.left && x < r.right && y >= r.top && y < r.bottom)) continue;
        const el = contentAt(doc, x, y, host());
        if (!el) continue;
        starts.add(el);
        const row = el.closest(ROW)?.getBoundingClientRect();
        const box = row && short(row) ? row : el.getBoundingClientRect();
        if (box === row || short(box) || el.childElementCount === 0) covered.push(box);
      }
    }
    return [...starts];
  };

  const collect = (): Set<Text> => {
    const root = doc.documentElement;
    const out = new Set<Text>();
    if (!root) return out;
    const height = doc.defaultView!.innerHeight;
    const starts: (Text | Element)[] = probe ? [] : anchors.filter((a) => a.isConnected && isNear(a, height));
    if (starts.length === 0) starts.push(...probeStarts());
    probe = false;
    const found: Text[] = [];
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
        for (let i = 0, check = CHECK_EVERY - 1, n = step(); n && i < WALK_MAX; i++, n = step()) {
          // Text that is not laid out (the white space between table rows) has no box: the next node is checked instead.
          const r = i >= check ? textBox(n as Text) : undefined;
          if (r) {
            check = i + CHECK_EVERY;
            if (below ? r.top > 2 * height : r.bottom < -height) break;
            if (!anchor && r.bottom > 0 && r.top < height) anchor = n as Text;
          }
          out.add(n as Text);
        }
      };
      walk(() => walker.previousNode(), false);
      walk(() => walker.nextNode(), true);
      if (anchor) found.push(anchor);
      else if (start instanceof Text) found.push(start);
    }
    anchors = found;
    return out;
  };

  return {
    collect,
    probeNext() {
      probe = true;
    },
    reset() {
      anchors = [];
      probe = true;
    },
  };
}

/** Whether a text's own box is within a screen of the viewport. */
function isNear(node: Text, height: number): boolean {
  const r = textBox(node);
  return r !== undefined && r.bottom > -height && r.top < 2 * height;
}

/**
 * Of the codes of one text node, in order, the span [from, to) of those from
 * a screen above the viewport to a screen below: for a node holding
 * thousands (a whole EDI file in one <pre>), whose codes run top to bottom.
 * A highlight costs Chromium time in every frame for each range it holds, so
 * only these are marked. The offsets at the top and bottom of the screen
 * come from the text's lines where it is shown as written (pre-lines.ts),
 * else from two caret hit tests; measuring ranges instead costs Chromium
 * milliseconds each in a megabyte of text.
 */
export function spanNear(node: Text, codes: readonly { start: number; end: number }[], height: number): [number, number] {
  const box = node.parentElement?.getBoundingClientRect();
  if (!box) return [0, codes.length];
  const x = Math.max(0, box.left) + 1;
  const [topY, bottomY] = [Math.max(0, box.top) + 1, Math.min(height, box.bottom) - 1];
  const [top, bottom] = preOffsets(node, topY, bottomY) ?? [caretOffset(node, x, topY), caretOffset(node, x, bottomY)];
  // Covered by something else: all of it, as before.
  if (top === undefined || bottom === undefined) return [0, codes.length];
  const screen = Math.max(0, bottom - top);
  return [firstEndingAfter(codes, top - screen), firstEndingAfter(codes, bottom + screen)];
}

/** The text offset in `node` at a point, if the point is over it (caretPositionFromPoint: Chromium 128, Firefox). */
function caretOffset(node: Text, x: number, y: number): number | undefined {
  const p = node.ownerDocument.caretPositionFromPoint?.(x, y);
  return p?.offsetNode === node ? p.offset : undefined;
}

/** Index of the first code ending after `offset` (codes in order). */
function firstEndingAfter(codes: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = codes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (codes[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

let boxRange: Range | undefined;
/** Text longer than this is measured by its element's box: a range's box over a megabyte of text costs Chromium milliseconds. */
const LONG_TEXT = 2048;

/**
 * The box of a text node's own text, or undefined when it has none (not laid
 * out). Not its parent's box: the white space between table rows belongs to
 * the <tbody>, whose box spans the whole table, so it would pass for text on
 * screen anywhere in it, and a walk from it after a jump covers rows far
 * from the screen. Long text (a whole file in a <pre>) fills its element,
 * whose box is read instead.
 */
function textBox(node: Text): DOMRect | undefined {
  let r: DOMRect | undefined;
  if (node.length > LONG_TEXT) r = node.parentElement?.getBoundingClientRect();
  else {
    boxRange ??= node.ownerDocument.createRange();
    boxRange.selectNodeContents(node);
    r = boxRange.getBoundingClientRect();
  }
  return r && r.height > 0 ? r : undefined;
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

/** Where a candidate lies in `node` (a code that starts in an inline neighbour counts from 0). */
export function offsetsIn(node: Text, c: NodeCode): { start: number; end: number } {
  const start = c.at(c.candidate.start, false);
  const end = c.at(c.candidate.end, true);
  return { start: start?.node === node ? start.offset : 0, end: end?.node === node ? end.offset : node.length };
}
