/**
 * Finds the codes and modifiers of a page's text nodes, with the same
 * detector, the same context and the same window as a hover, for marking
 * codes and for listing the codes on a page. Works node by node (a huge node
 * slice by slice) so callers can spread it over idle time.
 */
import { READ_AROUND, findCodes, mayHoldCodes, type CodeCandidate } from '../../hcpcs/code-pipeline';
import { inlineText, locate, type InlineText } from './inline-text';
import { newContextCache, textContextOf, type ContextCache } from './text-context';

/** Text nodes longer than this (a whole EDI file in one `<pre>`, a 10 MB log) are scanned in slices. */
export const SLICE = 32_768;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

export type ScanContext = ContextCache;
export const newScanContext = newContextCache;

/** A candidate found in a text run, and where an index of that run is in the DOM. */
export interface NodeCode {
  candidate: CodeCandidate;
  /** The DOM position of an index of the run (a code may span inline nodes: `<b>E0431</b>-RR`). */
  at(index: number, isEnd: boolean): { node: Text; offset: number } | undefined;
}

/** Candidates starting in `node.data[from, to)` (the whole node by default); shapes only, not yet checked against the dataset. */
export function codesInText(node: Text, context: ScanContext, from = 0, to = node.length): NodeCode[] {
  const data = node.data;
  if (!mayHoldCodes(from === 0 && to === data.length ? data : data.slice(from, to))) return [];
  // The slice with READ_AROUND on each side: within the node, or from its inline neighbours at its edges.
  const a = Math.max(0, from - READ_AROUND);
  const b = Math.min(data.length, to + READ_AROUND);
  const inline: InlineText = inlineText(node, a, b, READ_AROUND);
  const first = inline.offset + (from - a);
  const last = inline.offset + (to - a);
  const found = findCodes(inline.text, textContextOf(node, context));
  const out: NodeCode[] = [];
  for (const candidate of found) {
    if (candidate.start < first || candidate.start >= last) continue;
    out.push({ candidate, at: (index, isEnd) => locate(inline.pieces, index, isEnd) });
  }
  return out;
}

/** Slices of a long text node: fixed cuts, each read with its neighbours' context, so no code is split. */
export function slices(node: Text): [number, number][] {
  if (node.length <= SLICE) return [[0, node.length]];
  const out: [number, number][] = [];
  for (let from = 0; from < node.length; from += SLICE) out.push([from, Math.min(node.length, from + SLICE)]);
  return out;
}

/**
 * A walker over the text nodes under `root`. No filter callback: on a
 * 50,000-row table a call per node costs more than the scan.
 */
export function textWalker(root: Node): TreeWalker {
  const doc = root.ownerDocument ?? (root as Document);
  return doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
}

/** Text of scripts and styles, or a textarea's default value: not text a reader sees. */
export function isHiddenText(node: Text): boolean {
  return SKIP.has(node.parentElement?.tagName ?? '');
}
