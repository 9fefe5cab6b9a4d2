/**
 * The code under the pointer: reads the text there (across inline nodes, or
 * a field's value) and what the page says about it, once, and asks the
 * detector. Returns the candidate and how to find its box on screen.
 */
import { READ_AROUND, codeAt, findCodes, type CodeCandidate } from '../../hcpcs/code-pipeline';
import { roleOfField, rowModifiers } from './field-context';
import { inlineTextAround, rangeOf } from './inline-text';
import { fieldText, pointTarget } from './point-target';
import { newContextCache, textContextOf } from './text-context';

export interface FoundCode {
  candidate: CodeCandidate;
  /** The box of the text from `start` to `end` (indexes of the candidate), nearest the point. */
  rect(start: number, end: number): DOMRect;
  /** Where the code is: the text node and offset under the pointer, or the field. */
  at: { node: Text; offset: number } | { field: Element };
}

/**
 * The code of a field's text at `offset` (under the pointer, or at the
 * caret), or its only code; a select's chosen option has one.
 */
export function codeInField(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, offset: number | undefined): CodeCandidate | undefined {
  const candidates = findCodes(fieldText(field), { role: roleOfField(field) });
  if (offset === undefined) return candidates[0];
  return candidates.find((c) => c.start <= offset && offset <= c.chainEnd) ?? (candidates.length === 1 ? candidates[0] : undefined);
}

export function codeAtPoint(doc: Document, x: number, y: number, ignore?: Element): FoundCode | undefined {
  const target = pointTarget(doc, x, y, ignore);
  if (!target) return undefined;
  if (target.kind === 'field') {
    const candidate = codeInField(target.element, target.offset);
    return candidate && { candidate, rect: () => target.element.getBoundingClientRect(), at: { field: target.element } };
  }
  const inline = inlineTextAround(target.node, target.offset, READ_AROUND);
  // Read once for this hover: the column headers of the row's table are looked up once.
  const cache = newContextCache();
  const candidate = codeAt(inline.text, inline.offset, textContextOf(target.node, cache));
  if (!candidate) return undefined;
  if (candidate.kind !== 'modifier' && candidate.modifiers.length === 0) {
    // A claims table writes modifiers in their own columns: they belong to the row's code.
    candidate.modifiers = rowModifiers(target.node, cache.headers).map((code) => ({ code, start: -1, attached: false }));
  }
  return {
    candidate,
    at: { node: target.node, offset: target.offset },
    rect(start, end) {
      const range = rangeOf(inline, start, end);
      if (!range) return target.node.parentElement?.getBoundingClientRect() ?? new DOMRect(x, y, 0, 0);
      const rects = [...range.getClientRects()];
      return rects.find((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) ?? range.getBoundingClientRect();
    },
  };
}
