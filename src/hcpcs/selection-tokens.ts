/**
 * The code tokens in text the user selected ("Look up HCPCS code"), as the
 * search box takes them: "E1392-RR J1100". Where no tooltip can show the
 * lookup, the worker hands these to the search, never the selected text
 * itself: a selection on a billing page may hold a patient's name or a claim
 * note. An explicit request, so lower case counts (as in the content
 * script's selection lookup, through the same code-pipeline.ts entry); a
 * lone two-character token may be a modifier.
 */
import { findSelectedCodes } from './code-pipeline';

const MAX_TOKENS = 12;

/** The tokens found, separated by spaces, as many whole tokens as fit in `maxLength`; empty when there are none. */
export function selectionTokens(text: string, maxLength: number): string {
  // A modifier alone in running text is one only if the words after it confirm it, which cannot be
  // checked here: left out ("Pt Jane" is no PT modifier). A selection of the modifier alone is kept.
  const lone = /^\s*[A-Za-z0-9]{2}\s*$/.test(text);
  const candidates = findSelectedCodes(text).filter((c) => lone || !c.claim);
  const tokens = new Set(candidates.map((c) => [c.code, ...c.modifiers.map((m) => m.code)].join('-')));
  let query = '';
  for (const token of [...tokens].slice(0, MAX_TOKENS)) {
    const next = query ? `${query} ${token}` : token;
    if (next.length > maxLength) break;
    query = next;
  }
  return query;
}
