/**
 * What counts as a code: the one entry point. Hover, marking, "codes on this
 * page", the context-menu lookup and Paste a list ask here, with the same
 * inputs, and add no filters of their own.
 *
 * - Shapes of codes and modifiers, and code-shaped words that are something
 *   else: code-shapes.ts.
 * - The modifiers written with a code, at most four: modifier-chain.ts.
 * - X12 segments: x12.ts (only a procedure composite holds a code; HI holds
 *   diagnoses).
 * - The context window (CONTEXT_WINDOW, one constant with its reason) and
 *   what the page says about the text: code-context.ts.
 * - Longer tokens, ranges, CPT named as CPT, Dx/ICD labels: context-rules.ts;
 *   Dx/ICD/Modifier columns and fields: field-role.ts.
 * - Modifiers standing alone (columns, prose, modifier lists, a modifier
 *   followed by its own description; group codes, states, acronyms silent):
 *   standalone-modifiers.ts and modifier-meaning.ts.
 * - Whether the dataset confirms a candidate: code-candidate.ts.
 * - What a user typed (Paste a list, popup search): paste-list.ts, where no
 *   page-context rule applies: a typed "GA" or "J1100" is asked for.
 */
import type { TextContext } from './code-context';
import type { CodeCandidate } from './code-candidate';
import { candidateAt, scanCodes } from './code-scan';

export { CONTEXT_WINDOW, READ_AROUND, type TextContext } from './code-context';
export { MAX_MODIFIERS, meaningsToCheck, resolveCandidate, tokensToCheck, type CodeCandidate, type ResolvedCode } from './code-candidate';
export type { ModifierMeaning } from './modifier-meaning';
export { fieldRole, type FieldRole } from './field-role';
export { HCPCS_CODE } from './code-shapes';
export { readIsaSeparators, type X12Separators } from './x12';
export { parsePastedList as readTypedCodes, type PastedCode, type PastedList } from './paste-list';

/** A code, or two capitals or digits standing alone: text without either holds nothing to find. */
const MAY_HOLD = /[A-V]\d{4}|\d{4}[\dFTU]|(?<![\p{L}\p{N}_])[A-Z0-9]{2}(?![\p{L}\p{N}_])/u;

/** A quick test before a scan: most text holds nothing code- or modifier-shaped. */
export function mayHoldCodes(text: string): boolean {
  return MAY_HOLD.test(text);
}

/** Every candidate in a run of page text, in order. */
export function findCodes(text: string, context: TextContext = {}): CodeCandidate[] {
  return scanCodes(text, context);
}

/** The candidate covering the character at `offset` of a run of page text. */
export function codeAt(text: string, offset: number, context: TextContext = {}): CodeCandidate | undefined {
  return candidateAt(text, offset, context);
}

/**
 * A selection the user asked to look up (context menu): page text, read as
 * the user meant it: lower case as upper, a five-digit number as CPT, a lone
 * modifier as one.
 */
export function findSelectedCodes(selection: string): CodeCandidate[] {
  const upper = selection.toUpperCase();
  if (/^\s*[A-Z0-9]{2}\s*$/.test(upper)) return scanCodes(upper.trim(), { role: 'modifier' });
  return scanCodes(upper, { role: 'code' });
}
