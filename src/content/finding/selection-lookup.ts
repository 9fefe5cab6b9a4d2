/**
 * Context menu "Look up HCPCS code": the codes in the user's selection. An
 * explicit request, so lower case is read as upper case ("e1392" is E1392)
 * and a five-digit code is taken as CPT; a lone modifier ("rr") is looked up
 * as one.
 */
import { MAX_SELECTION_LENGTH } from '../../common/messages';
import type { PageScanner } from './page-scanner';
import type { LookupItem } from '../../hcpcs/tooltip-model';
import type { LookupClient } from '../lookup-client';
import { boxOf, type Box } from '../tooltip/placement';

const MAX_CODES = 12;

export async function selectionItems(text: string, client: LookupClient, { findSelectedCodes, resolveCandidate }: PageScanner): Promise<LookupItem[]> {
  const candidates = findSelectedCodes(text.slice(0, MAX_SELECTION_LENGTH)).slice(0, MAX_CODES * 2);
  const { known, meaning } = await client.dictionaryFor(candidates);
  const items = new Map<string, LookupItem>();
  for (const c of candidates) {
    const item = resolveCandidate(c, known, meaning)?.item;
    if (item) items.set(JSON.stringify(item), item);
  }
  return [...items.values()].slice(0, MAX_CODES);
}

/** Where the selection is: its box, else the focused field's, else the top of the viewport. */
export function selectionBox(doc: Document): Box {
  const selection = doc.getSelection();
  if (selection && selection.rangeCount > 0 && !selection.isCollapsed) {
    const r = selection.getRangeAt(0).getBoundingClientRect();
    if (r.width > 0 || r.height > 0) return boxOf(r);
  }
  const active = doc.activeElement;
  if (active && active !== doc.body && active !== doc.documentElement) {
    return boxOf(active.getBoundingClientRect());
  }
  const width = doc.documentElement.clientWidth || 400;
  return { left: Math.max(8, width / 2 - 180), top: 16, width: 0, height: 0 };
}
