/**
 * A code found in text, before the dataset has been asked whether it exists,
 * and the rule that turns it into what a tooltip shows. The detector proposes
 * shapes; the worker's dataset decides which codes and modifiers are real.
 */
import { CPT_MODIFIERS, HCPCS_CODE } from './code-shapes';
import { looksLikeMeaning, type ModifierMeaning } from './modifier-meaning';
import type { ModifierClaim } from './standalone-modifiers';
import type { LookupItem } from './tooltip-model';

/** hcpcs: a Level II code (E1392); cpt: a Level I code (99213); modifier: a modifier standing alone (KX). */
export type CandidateKind = 'hcpcs' | 'cpt' | 'modifier';

export interface ModifierToken {
  code: string;
  /** Index in the scanned text. */
  start: number;
  /** Written against the code with no separator ("E1392RR"): then all must be real, or the whole token is not a code. */
  attached: boolean;
}

export interface CodeCandidate {
  kind: CandidateKind;
  code: string;
  /** Index of the code in the scanned text. */
  start: number;
  /** End of the code itself. */
  end: number;
  /** Modifiers written with the code, in order (candidates: not yet checked against the dataset). */
  modifiers: ModifierToken[];
  /** End of the last modifier candidate, or `end`. */
  chainEnd: number;
  /** A modifier alone that is one only if the words after it say what it means (standalone-modifiers.ts). */
  claim?: ModifierClaim;
}

export interface ResolvedCode {
  item: LookupItem;
  start: number;
  /** End of the code and the modifiers kept. */
  end: number;
}

export const MAX_MODIFIERS = 4;

const isNumericModifier = (code: string) => /^\d\d$/.test(code);

/** The modifiers whose description must confirm the candidate. */
export function meaningsToCheck(candidate: CodeCandidate): string[] {
  return candidate.claim && !isNumericModifier(candidate.code) ? [candidate.code] : [];
}

/** The codes and modifiers of a candidate that only the dataset can confirm. */
export function tokensToCheck(candidate: CodeCandidate): string[] {
  const tokens = candidate.kind === 'cpt' ? [] : [candidate.code];
  for (const m of candidate.modifiers) if (!isNumericModifier(m.code)) tokens.push(m.code);
  return tokens;
}

/**
 * What a tooltip shows for a candidate, given which tokens the dataset holds:
 * the code if it exists (CPT codes are named, not described), and its
 * modifiers up to the first one that does not exist, at most four. Numeric
 * modifiers count when they are CPT's. A code with modifiers written against
 * it ("E1392RR") counts only if every one is real: "E1392XY" is some other token.
 * A modifier alone with a claim counts only if its CMS description agrees
 * with the words after it (a numeric CPT modifier, whose description is the
 * AMA's and not bundled, only as the item of a list of modifiers).
 */
export function resolveCandidate(candidate: CodeCandidate, isKnown: (code: string) => boolean, meaningOf: (code: string) => ModifierMeaning | undefined = () => undefined): ResolvedCode | undefined {
  const known = (code: string) => (isNumericModifier(code) ? CPT_MODIFIERS.has(code) : isKnown(code));
  if (candidate.kind === 'modifier') {
    if (!known(candidate.code) || !claimHolds(candidate, meaningOf)) return undefined;
    return { item: { code: candidate.code }, start: candidate.start, end: candidate.end };
  }
  if (candidate.kind === 'hcpcs' && (!HCPCS_CODE.test(candidate.code) || !isKnown(candidate.code))) return undefined;
  if (candidate.modifiers.some((m) => m.attached && !known(m.code))) return undefined;
  const modifiers: string[] = [];
  let end = candidate.end;
  for (const m of candidate.modifiers) {
    if (modifiers.length === MAX_MODIFIERS || !known(m.code)) break;
    modifiers.push(m.code);
    if (m.start >= 0) end = m.start + m.code.length;
  }
  return { item: modifiers.length > 0 ? { code: candidate.code, modifiers } : { code: candidate.code }, start: candidate.start, end };
}

function claimHolds(candidate: CodeCandidate, meaningOf: (code: string) => ModifierMeaning | undefined): boolean {
  const { claim } = candidate;
  if (!claim) return true;
  if (isNumericModifier(candidate.code)) return claim.listed;
  const meaning = meaningOf(candidate.code);
  return meaning !== undefined && looksLikeMeaning(claim.text, meaning, claim.listed);
}
