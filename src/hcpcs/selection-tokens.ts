/**
 * The code tokens in text the user selected ("Look up HCPCS code"), as the
 * search box takes them: "E1392-RR J1100". Where no tooltip can show the
 * lookup, the worker hands these to the search, never the selected text
 * itself: a selection on a billing page may hold a patient's name or a claim
 * note. An explicit request, so lower case counts (as in the content
 * script's selection lookup); a lone two-character token may be a modifier.
 */
import { scanCodes } from './code-scan';

const MAX_TOKENS = 12;

/** The tokens found, separated by spaces, as many whole tokens as fit in `maxLength`; empty when there are none. */
export function selectionTokens(text: string, maxLength: number): string {
  const upper = text.toUpperCase();
  let candidates = scanCodes(upper, { role: 'code' });
  if (candidates.length === 0 && /^\s*[A-Z0-9]{2}\s*$/.test(upper)) candidates = scanCodes(upper.trim(), { role: 'modifier' });
  const tokens = new Set(candidates.map((c) => [c.code, ...c.modifiers.map((m) => m.code)].join('-')));
  let query = '';
  for (const token of [...tokens].slice(0, MAX_TOKENS)) {
    const next = query ? `${query} ${token}` : token;
    if (next.length > maxLength) break;
    query = next;
  }
  return query;
}
