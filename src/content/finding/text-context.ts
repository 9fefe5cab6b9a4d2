/**
 * Everything the page says about a run of text that the detector's rules
 * need, read once per hover and once per marked text run: the column or
 * label role, X12 separators, the list the text is an item of. Caches make a
 * whole page's scan read each table's headers and each list's lead-in once.
 */
import type { TextContext, X12Separators } from '../../hcpcs/code-pipeline';
import { roleOfText, x12SeparatorsFor, type HeaderCache } from './field-context';
import { itemContextOf, type LeadInCache } from './list-item-context';

export interface ContextCache {
  headers: HeaderCache;
  leadIns: LeadInCache;
  /** Separators of X12 shown in an element, looked up once per element. */
  x12: WeakMap<Element, X12Separators | null>;
}

export function newContextCache(): ContextCache {
  return { headers: new Map(), leadIns: new WeakMap(), x12: new WeakMap() };
}

/** The context of the text run around `node`. */
export function textContextOf(node: Text, cache?: ContextCache): TextContext {
  const role = roleOfText(node, cache?.headers);
  const context: TextContext = {};
  if (role) context.role = role;
  // The list an item belongs to is read only if a rule asks (a modifier opening a line): most text never does.
  let item: ReturnType<typeof itemContextOf> | undefined;
  const itemOf = () => (item ??= itemContextOf(node, cache?.leadIns));
  Object.defineProperties(context, {
    leadIn: { get: () => itemOf().leadIn, enumerable: true },
    itemRest: { get: () => itemOf().itemRest, enumerable: true },
  });
  const parent = node.parentElement;
  if (parent) {
    // Read only when a token's window looks like X12, once per element.
    let x12 = cache?.x12.get(parent);
    context.x12 = () => {
      if (x12 === undefined) {
        x12 = x12SeparatorsFor(node) ?? null;
        cache?.x12.set(parent, x12);
      }
      return x12 ?? undefined;
    };
  }
  return context;
}
