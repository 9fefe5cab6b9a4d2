/**
 * A drawn page's text layer as one string (its visual lines, one per line,
 * in the order text-layer-order.ts gave them) with the map back to its text
 * nodes, in the shape the content script's inline-text.ts reads ranges from.
 */
import { rangeOf, type InlineText, type TextPiece } from '../content/finding/inline-text';
import { findCodes } from '../hcpcs/code-pipeline';

export function layerText(layer: HTMLElement): InlineText {
  const pieces: TextPiece[] = [];
  let text = '';
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      const node = n as Text;
      pieces.push({ node, at: text.length, from: 0, length: node.length });
      text += node.data;
    } else if ((n as Element).tagName === 'BR') {
      text += '\n';
    }
  }
  return { text, offset: 0, pieces };
}

/** The range of the `nth` occurrence (0 = first) of `code` as the detector reads the layer. */
export function codeRange(layer: HTMLElement, code: string, nth: number): Range | undefined {
  const inline = layerText(layer);
  const hit = findCodes(inline.text).filter((c) => c.kind === 'hcpcs' && c.code === code)[nth];
  return hit && rangeOf(inline, hit.start, hit.end);
}

/** The range of the `nth` match of `query` in the layer (case and spacing ignored), or undefined. */
export function matchRange(layer: HTMLElement, query: RegExp, nth: number): Range | undefined {
  const inline = layerText(layer);
  const hit = [...inline.text.matchAll(query)][nth];
  return hit && rangeOf(inline, hit.index, hit.index + hit[0].length);
}
