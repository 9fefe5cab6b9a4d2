/**
 * Every code-shaped or modifier-shaped token a page shows as text, and
 * whether "mark codes" marked it. Runs inside the page (self-contained).
 */

export interface PageToken {
  text: string;
  /** Index of the text node in document order, and the token's offset in it. */
  node: number;
  offset: number;
  /** The token's middle, in viewport coordinates. */
  x: number;
  y: number;
  /** The text from the token to the end of its node (for finding a fixture's expected items). */
  after: string;
  marked: boolean;
}

export function pageTokens(): PageToken[] {
  const TOKEN = /(?<![\p{L}\p{N}_])(?:[A-V]\d{4}(?:[A-Z0-9]{2}){0,4}|\d{4}[\dFTU]|[A-Z0-9]{2})(?![\p{L}\p{N}_])/gu;
  const ranges: Range[] = [];
  for (const h of CSS.highlights.values()) {
    for (const r of h) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      ranges.push(live);
    }
  }
  const out: PageToken[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let index = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null, index++) {
    if (['SCRIPT', 'STYLE', 'TEXTAREA', 'OPTION'].includes(n.parentElement?.tagName ?? '')) continue;
    for (const m of n.data.matchAll(TOKEN)) {
      const mid = m.index + Math.floor(m[0].length / 2);
      const r = document.createRange();
      r.setStart(n, mid);
      r.setEnd(n, mid + 1);
      const box = r.getBoundingClientRect();
      if (box.width === 0) continue;
      const marked = ranges.some((range) => range.comparePoint(n, mid) === 0 && range.comparePoint(n, mid + 1) === 0);
      out.push({ text: m[0], node: index, offset: m.index, x: box.left + box.width / 2, y: box.top + box.height / 2, after: n.data.slice(m.index, m.index + 40), marked });
    }
  }
  return out;
}
