/**
 * Finds the HCPCS codes of a page's text nodes, with the same rules as a
 * hover (column headers, X12, decoys), for marking codes and for listing the
 * codes on a page. Works node by node so callers can spread it over idle time.
 */
import type { CodeCandidate } from '../hcpcs/code-candidate';
import { MAY_HOLD_HCPCS, scanCodes } from '../hcpcs/code-scan';
import { roleOfText, x12SeparatorsFor, type HeaderCache } from './field-context';
import { inlineText } from './inline-text';

/** Text nodes longer than this (a whole EDI file in one `<pre>`) are scanned in slices. */
export const SLICE = 32_768;
const CONTEXT = 24;
const SEGMENT_LIKE = /(?:^|[~\n])\s*[A-Z][A-Z0-9]{1,2}[*|^]/;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

export interface ScanContext {
  headers: HeaderCache;
  /** Separators of X12 shown in an element, looked up once per element. */
  x12: WeakMap<Element, ReturnType<typeof x12SeparatorsFor> | null>;
}

export function newScanContext(): ScanContext {
  return { headers: new Map(), x12: new WeakMap() };
}

/** A code found in a text node: [start, end) are offsets in the node. */
export interface NodeCode {
  code: string;
  start: number;
  end: number;
  candidate: CodeCandidate;
}

/** HCPCS codes in `node.data[from, to)` (the whole node by default); shapes only, not yet checked against the dataset. */
export function codesInText(node: Text, context: ScanContext, from = 0, to = node.length): NodeCode[] {
  const data = node.data;
  if (!MAY_HOLD_HCPCS.test(from === 0 && to === data.length ? data : data.slice(from, to))) return [];
  const role = roleOfText(node, context.headers);
  if (role === 'diagnosis') return [];
  const inline = inlineText(node, from, to, CONTEXT);
  const parent = node.parentElement;
  let x12;
  if (parent && SEGMENT_LIKE.test(inline.text)) {
    if (!context.x12.has(parent)) context.x12.set(parent, x12SeparatorsFor(node) ?? null);
    x12 = context.x12.get(parent) ?? undefined;
  }
  const shift = from - inline.offset;
  const out: NodeCode[] = [];
  for (const c of scanCodes(inline.text, { role, x12 })) {
    if (c.kind !== 'hcpcs' || c.start < inline.offset || c.end > inline.offset + (to - from)) continue;
    out.push({ code: c.code, start: c.start + shift, end: c.end + shift, candidate: c });
  }
  return out;
}

/** Slices of a long text node, cut after a line or segment end so no code is split. */
export function slices(node: Text): [number, number][] {
  if (node.length <= SLICE) return [[0, node.length]];
  const out: [number, number][] = [];
  const data = node.data;
  for (let from = 0; from < data.length; ) {
    let to = Math.min(data.length, from + SLICE);
    if (to < data.length) {
      const cut = Math.max(data.lastIndexOf('\n', to), data.lastIndexOf('~', to));
      if (cut > from) to = cut + 1;
    }
    out.push([from, to]);
    from = to;
  }
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
