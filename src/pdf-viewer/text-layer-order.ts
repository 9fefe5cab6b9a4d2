/**
 * Puts a page's text layer in the order a reader sees it. pdf.js writes one
 * span per run in content-stream order, with a line break where the stream
 * says a line ends; the content script's detection (and selection, and copy)
 * read the spans in document order up to the next break. So the spans are
 * re-ordered into visual lines (visual-lines.ts), a break ends each line,
 * and where two runs of a line have a gap between them a space is put in: a
 * zero-size span, so "E1392" and "RR" in two columns read "E1392 RR" while
 * the layer still lies exactly over the canvas. Marked-content wrappers
 * (tagged PDFs) are unwrapped: they are only `display: contents` groups,
 * and the table tags they carry have been read before (structure-tables.ts).
 */
import { visualLines, type Run } from './visual-lines';

/** Re-orders the layer in place; returns the number of visual lines. */
export function orderTextLayer(layer: HTMLElement): number {
  const doc = layer.ownerDocument;
  const origin = layer.getBoundingClientRect();
  const runs: Run<HTMLElement>[] = [];
  for (const span of layer.querySelectorAll<HTMLElement>('span:not(.markedContent)')) {
    const text = span.textContent ?? '';
    if (!text) continue;
    const r = span.getBoundingClientRect();
    runs.push({ text, left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height, ref: span });
  }
  const lines = visualLines(runs);
  const out = doc.createDocumentFragment();
  for (const line of lines) {
    line.runs.forEach((run, i) => {
      if (i > 0 && line.spaceBefore[i - 1]) out.append(gap(doc));
      out.append(run.ref);
    });
    const br = doc.createElement('br');
    br.setAttribute('role', 'presentation');
    out.append(br);
  }
  layer.replaceChildren(out);
  return lines.length;
}

function gap(doc: Document): HTMLElement {
  const span = doc.createElement('span');
  span.className = 'hl-gap';
  span.textContent = ' ';
  return span;
}
