/**
 * Where a piece of text stands in a list, as the page lays it out: the
 * heading, caption or lead-in line above the list (policy articles head
 * their modifier lists "Modifiers", "The following modifiers apply:"), and
 * the rest of the item when the text is a row's first cell or a term of a
 * definition list. The pure core decides what these say (code-context.ts).
 */
import { CONTEXT_WINDOW } from '../../hcpcs/code-pipeline';

const HEADING = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'CAPTION', 'LEGEND', 'SUMMARY']);
/** Containers of list items, rows and terms: the lead-in stands before them. */
const LIST = 'ul, ol, dl, table, pre, [role="list"], [role="table"], [role="grid"]';
const BLOCK = 'p, li, dt, dd, td, th, pre, div, section, article, main, blockquote';
/** Siblings looked at before giving up (a long list of paragraphs, each an item). */
const MAX_SIBLINGS = 60;

/** An element's text, normalised, from its first few hundred characters only (a cell may hold a whole file). */
function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = walker.nextNode(); n && text.length < 4 * CONTEXT_WINDOW; n = walker.nextNode()) text += (n as Text).data.slice(0, 4 * CONTEXT_WINDOW);
  return text.replace(/\s+/g, ' ').trim();
}

/** Remembers the lead-in per block during one scan (marking, listing). */
export type LeadInCache = WeakMap<Element, string | undefined>;

export interface ItemContext {
  leadIn?: string;
  itemRest?: string;
}

export function itemContextOf(node: Node, cache?: LeadInCache): ItemContext {
  const el = node.parentElement;
  if (!el) return {};
  const out: ItemContext = {};
  const block = el.closest(BLOCK) ?? el;
  const leadIn = leadInOf(block, node, cache);
  if (leadIn) out.leadIn = leadIn;
  const rest = itemRestOf(block);
  if (rest) out.itemRest = rest;
  return out;
}

/** A row's first cell: the next cell; a term: its definition. */
function itemRestOf(block: Element): string | undefined {
  if ((block.tagName === 'TD' || block.tagName === 'TH') && block.parentElement?.firstElementChild === block) {
    return textOf(block.nextElementSibling).slice(0, CONTEXT_WINDOW) || undefined;
  }
  if (block.tagName === 'DT') {
    let dd = block.nextElementSibling;
    while (dd && dd.tagName !== 'DD' && dd.tagName !== 'DT') dd = dd.nextElementSibling;
    return dd?.tagName === 'DD' ? textOf(dd).slice(0, CONTEXT_WINDOW) || undefined : undefined;
  }
  return undefined;
}

function leadInOf(block: Element, node: Node, cache?: LeadInCache): string | undefined {
  // Inside the block: a bold first line ("<p><b>Drug modifiers:</b><br>JW: …").
  let first = block.firstChild;
  while (first && first.nodeType === Node.TEXT_NODE && !(first as Text).data.trim()) first = first.nextSibling;
  if (first instanceof Element && (first.tagName === 'B' || first.tagName === 'STRONG') && !first.contains(node)) {
    return textOf(first).slice(0, CONTEXT_WINDOW) || undefined;
  }
  const start = block.closest(LIST) ?? block;
  if (cache?.has(start)) return cache.get(start);
  const found = leadInBefore(start);
  cache?.set(start, found);
  return found;
}

/** Whether an element's text ends with ":" (read from its last text, not its whole text: it may be a huge table). */
function endsWithColon(el: Element): boolean {
  let n: Node | null = el;
  for (let depth = 0; n && n.nodeType !== Node.TEXT_NODE && depth < 8; depth++) {
    let last: ChildNode | null = n.lastChild;
    while (last && last.nodeType === Node.TEXT_NODE && !(last as Text).data.trim()) last = last.previousSibling;
    n = last;
  }
  return n?.nodeType === Node.TEXT_NODE && (n as Text).data.trimEnd().endsWith(':');
}

/** The heading or lead-in line before an element: its table's caption, else the nearest heading or line ending in ":" before it (its parents' too). */
function leadInBefore(start: Element): string | undefined {
  if (start instanceof HTMLTableElement && start.caption) return textOf(start.caption).slice(0, CONTEXT_WINDOW);
  let el: Element | null = start;
  let seen = 0;
  for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
    for (let s = el.previousElementSibling; s && seen < MAX_SIBLINGS; s = s.previousElementSibling, seen++) {
      if (HEADING.has(s.tagName) || s.getAttribute('role') === 'heading') return textOf(s).slice(0, CONTEXT_WINDOW);
      if (endsWithColon(s)) return textOf(s).slice(0, CONTEXT_WINDOW);
    }
  }
  return undefined;
}
