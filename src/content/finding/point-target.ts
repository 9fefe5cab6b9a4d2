/**
 * What is under the pointer: a character of a text node (found with
 * caretPositionFromPoint, or caretRangeFromPoint where that is missing), a
 * text field's value, or a select's chosen option. Looks into open shadow
 * roots. Reads only; never changes the page.
 */

export type PointTarget =
  | { kind: 'text'; node: Text; offset: number }
  | { kind: 'field'; element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement; offset: number | undefined };

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): { offsetNode: Node; offset: number } | null;
};

/** Input types whose value is text a code can be typed into (never passwords). */
const TEXT_INPUTS = new Set(['text', 'search', '', 'url', 'tel']);

export function isCodeField(el: Element): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type);
  return el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

/** The text a field shows: a select's chosen option, else its value. */
export function fieldText(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
  if (el instanceof HTMLSelectElement) {
    const option = el.selectedOptions[0];
    return option ? `${option.label || option.text}` : '';
  }
  return el.value;
}

/** The innermost element at a point, descending into open shadow roots; and those roots. */
export function deepElementFromPoint(doc: Document, x: number, y: number): { element: Element | null; shadowRoots: ShadowRoot[] } {
  const shadowRoots: ShadowRoot[] = [];
  let element = doc.elementFromPoint(x, y);
  while (element?.shadowRoot && shadowRoots.length < 32) {
    const inner = element.shadowRoot.elementFromPoint(x, y);
    shadowRoots.push(element.shadowRoot);
    if (!inner || inner === element) break;
    element = inner;
  }
  return { element, shadowRoots };
}

export function pointTarget(doc: Document, x: number, y: number, ignore?: Element): PointTarget | undefined {
  const { element, shadowRoots } = deepElementFromPoint(doc, x, y);
  if (!element || (ignore && (element === ignore || ignore.contains(element)))) return undefined;
  if (isCodeField(element)) {
    const caret = caretAt(doc, x, y, shadowRoots);
    const offset = caret?.node === element ? caret.offset : undefined;
    return { kind: 'field', element, offset };
  }
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  const node = caret.node as Text;
  const offset = characterUnder(node, caret.offset, x, y);
  return offset === undefined ? undefined : { kind: 'text', node, offset };
}

function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): { node: Node; offset: number } | undefined {
  const d = doc as CaretDocument;
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y, { shadowRoots });
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}

/**
 * The caret sits between characters: past the middle of a character it is
 * after it. The character under the pointer is the one before or after the
 * caret whose box holds the point; none when the pointer is in blank space
 * (a caret is found even far right of a line's end).
 */
function characterUnder(node: Text, caret: number, x: number, y: number): number | undefined {
  const range = node.ownerDocument.createRange();
  for (const i of [caret - 1, caret]) {
    if (i < 0 || i >= node.length) continue;
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    for (const r of range.getClientRects()) {
      if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return i;
    }
  }
  return undefined;
}
