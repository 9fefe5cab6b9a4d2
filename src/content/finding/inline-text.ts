/**
 * The text around a point in a text node as a reader sees it: frameworks
 * split "E1392-RR" over text nodes and inline elements (`<b>E1392</b>-RR`,
 * one span per token), so the text is read across them, up to the edge of
 * the block it sits in. Keeps a map back to the DOM for ranges.
 */

/** Elements that end a run of inline text (blocks, table cells, line breaks, form controls). */
const BOUNDARY = new Set(
  ('ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BR BUTTON CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM ' +
    'H1 H2 H3 H4 H5 H6 HEADER HR HTML IFRAME IMG INPUT LI MAIN NAV OL OPTION P PRE SECTION SELECT SUMMARY TABLE TBODY TD TEXTAREA ' +
    'TFOOT TH THEAD TR UL VIDEO CANVAS OBJECT EMBED SVG').split(' '),
);
/** Never text a reader sees. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

export interface TextPiece {
  node: Text;
  /** Index of this piece in the joined text. */
  at: number;
  /** Offset in the node where the piece starts. */
  from: number;
  length: number;
}

export interface InlineText {
  text: string;
  /** Index in `text` of the point asked about. */
  offset: number;
  pieces: TextPiece[];
}

const isBoundary = (el: Element) => BOUNDARY.has(el.tagName) || el.shadowRoot !== null;
const isElement = (n: Node): n is Element => n.nodeType === Node.ELEMENT_NODE;

/** Nodes looked at on each side, at most: a page may nest inline elements thousands deep. */
const MAX_NODES = 200;
const MAX_DEPTH = 32;

/**
 * Text nodes beside `start` in reading order (dir -1: backwards), within its
 * run of inline content: stops at the first block boundary either way.
 */
function* inlineNeighbours(start: Node, dir: -1 | 1): Generator<Text, void> {
  let cur = start;
  const budget = { nodes: MAX_NODES };
  for (let up = 0; up < MAX_DEPTH; ) {
    let sib = dir < 0 ? cur.previousSibling : cur.nextSibling;
    while (!sib) {
      const parent = cur.parentNode;
      if (!parent || !isElement(parent) || isBoundary(parent) || ++up >= MAX_DEPTH) return;
      cur = parent;
      sib = dir < 0 ? cur.previousSibling : cur.nextSibling;
    }
    cur = sib;
    if (!(yield* inside(cur, dir, 0, budget))) return;
  }
}

/** Yields the text of one inline subtree; false when it holds a block boundary (the run ends there) or the budget is spent. */
function* inside(node: Node, dir: -1 | 1, depth: number, budget: { nodes: number }): Generator<Text, boolean> {
  if (--budget.nodes < 0 || depth > MAX_DEPTH) return false;
  if (node.nodeType === Node.TEXT_NODE) {
    yield node as Text;
    return true;
  }
  if (!isElement(node)) return true;
  if (isBoundary(node)) return false;
  if (SKIP.has(node.tagName) || node.hasAttribute('hidden')) return true;
  for (let c = dir < 0 ? node.lastChild : node.firstChild; c; c = dir < 0 ? c.previousSibling : c.nextSibling) {
    if (!(yield* inside(c, dir, depth + 1, budget))) return false;
  }
  return true;
}

/**
 * Text within `radius` characters either side of `offset` in `node`, read
 * across inline neighbours and stopping at block boundaries.
 */
export function inlineTextAround(node: Text, offset: number, radius = 160): InlineText {
  const from = Math.max(0, offset - radius);
  const inline = inlineText(node, from, Math.min(node.length, offset + radius), radius);
  inline.offset += offset - from;
  return inline;
}

/**
 * `node.data[from, to)` with up to `context` characters of the inline text
 * before and after it (only where the slice reaches the node's edge).
 * `offset` is the index of `from` in the joined text.
 */
export function inlineText(node: Text, from: number, to: number, context: number): InlineText {
  const before: TextPiece[] = [];
  const after: TextPiece[] = [];
  if (from === 0) {
    let length = 0;
    for (const n of inlineNeighbours(node, -1)) {
      if (length >= context) break;
      const take = Math.min(n.data.length, context - length);
      before.unshift({ node: n, at: 0, from: n.data.length - take, length: take });
      length += take;
    }
  }
  if (to === node.length) {
    let length = 0;
    for (const n of inlineNeighbours(node, 1)) {
      if (length >= context) break;
      const take = Math.min(n.data.length, context - length);
      after.push({ node: n, at: 0, from: 0, length: take });
      length += take;
    }
  }
  const pieces = [...before, { node, at: 0, from, length: to - from }, ...after];
  let text = '';
  let at = 0;
  let offset = 0;
  for (const p of pieces) {
    p.at = at;
    if (p.node === node) offset = at;
    text += p.node.data.slice(p.from, p.from + p.length);
    at += p.length;
  }
  return { text, offset, pieces };
}

/** A DOM range over [start, end) of the joined text. */
export function rangeOf(inline: InlineText, start: number, end: number): Range | undefined {
  const a = locate(inline.pieces, start, false);
  const b = locate(inline.pieces, end, true);
  if (!a || !b) return undefined;
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** The node and offset of an index of the joined text. */
export function locate(pieces: readonly TextPiece[], index: number, isEnd: boolean): { node: Text; offset: number } | undefined {
  for (const p of pieces) {
    if (index < p.at + p.length || (isEnd && index === p.at + p.length)) return index >= p.at ? { node: p.node, offset: p.from + index - p.at } : undefined;
  }
  return undefined;
}
