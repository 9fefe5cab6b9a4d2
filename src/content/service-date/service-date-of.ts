/**
 * The date of service of a code on the page, from the page's structure only
 * (never from loose prose): its X12 service-line loop, its table row's DOS
 * or From/To columns, or its claim form line's date fields. Reads only that
 * loop, row or line. What the date says about the code is the worker's
 * business (hcpcs/service-date-verdict.ts); this only finds and reads it.
 */
import type { ServiceDate, ServiceDateSource } from '../../hcpcs/service-date';
import { parseDateText } from '../../hcpcs/service-date-parse';
import { x12ServiceDate } from '../../hcpcs/x12-service-date';
import { x12SeparatorsFor } from '../finding/field-context';
import { CELL, cellAround } from '../finding/stand-in-cells';
import { formDateValues } from './form-service-date';
import { FORM_LINE, SEGMENT_LIKE, segmentWindow } from './date-places';
import { rowDateCells, type PlanCache } from './table-service-date';

/** What one pass of marking reads once: each table's date columns, each split EDI file's text. Marking reads no form fields. */
export interface DateContext {
  plans: PlanCache;
  x12: WeakMap<Element, { text: string; starts: Map<Text, number> }>;
}

export function newDateContext(): DateContext {
  return { plans: new WeakMap(), x12: new WeakMap() };
}

/** A raw EDI file shown split over many nodes is read up to this much (a few thousand claims). */
const MAX_X12_TEXT = 4_000_000;

/** The date of service for the code at `offset` of a text node. */
export function serviceDateOfText(node: Text, offset: number, today: string, context?: DateContext): ServiceDate | undefined {
  const parent = node.parentElement;
  if (!parent) return undefined;
  if (SEGMENT_LIKE.test(segmentWindow(node, offset))) {
    const x12 = x12Text(node, offset, context);
    if (x12) return x12ServiceDate(x12.text, x12.offset, x12SeparatorsFor(node));
  }
  const cell = cellAround(parent);
  if (cell) return fromValues(rowDateCells(cell, context?.plans), 'dos-column', 'from-to-columns', today);
  // Text beside a claim form's date fields (a read-only service line): hover only, and only
  // inside a form, so prose on a long page never makes a hover or marking search the page for fields.
  if (context || !parent.closest(FORM_LINE)) return undefined;
  return fromValues(formDateValues(parent), 'form-field', 'from-to-fields', today);
}

/** The date of service for the code in a form field (a claim form line, an editable grid). */
export function serviceDateOfField(field: Element, today: string): ServiceDate | undefined {
  const cell = field.closest(CELL);
  if (cell) {
    const found = fromValues(rowDateCells(cell), 'dos-column', 'from-to-columns', today);
    if (found) return found;
  }
  return fromValues(formDateValues(field), 'form-field', 'from-to-fields', today);
}

/**
 * The cell or field text(s) as a date of service. Empty or "N/A" says
 * nothing; a date not understood is reported as such, never guessed. A
 * period's blank To is a one-day line (CMS-1500 box 24A allows it).
 */
function fromValues(found: { texts: string[]; period: boolean } | undefined, single: ServiceDateSource, period: ServiceDateSource, today: string): ServiceDate | undefined {
  if (!found) return undefined;
  const source = found.period ? period : single;
  const [a = '', b = ''] = found.texts;
  const from = parseDateText(a, today);
  if (from === undefined) return undefined;
  if (from === 'not-understood') return { source, unreadable: true };
  if (!found.period) return from.to ? { source, from: from.from, to: from.to } : { source, from: from.from };
  if (from.to) return { source, unreadable: true };
  const to = parseDateText(b, today);
  if (to === undefined) return { source, from: from.from };
  if (to === 'not-understood' || to.to || to.from < from.from) return { source, unreadable: true };
  return to.from === from.from ? { source, from: from.from } : { source, from: from.from, to: to.from };
}

/** The X12 text a node belongs to and the offset in it: the node itself, or its `<pre>` when a viewer split it into spans. */
function x12Text(node: Text, offset: number, context?: DateContext): { text: string; offset: number } | undefined {
  const block = node.parentElement?.closest('pre, code, textarea') ?? node.parentElement;
  if (!block) return undefined;
  if (block.childNodes.length === 1 && block.firstChild === node) return { text: node.data, offset };
  let joined = context?.x12.get(block);
  if (!joined) {
    const walker = node.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    const starts = new Map<Text, number>();
    let length = 0;
    for (let n = walker.nextNode(); n && length < MAX_X12_TEXT; n = walker.nextNode()) {
      starts.set(n as Text, length);
      parts.push((n as Text).data);
      length += (n as Text).data.length;
    }
    joined = { text: parts.join(''), starts };
    context?.x12.set(block, joined);
  }
  const start = joined.starts.get(node);
  return start === undefined ? undefined : { text: joined.text, offset: start + offset };
}
