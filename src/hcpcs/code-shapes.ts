/**
 * What HCPCS codes, CPT codes and modifiers look like as text, and the few
 * code-shaped words of billing that are something else. Shapes only: whether
 * a code exists is the dataset's answer, asked of the worker.
 */

/** HCPCS Level II: one letter A–V and four digits (E1392). Upper case only: see README "Lower case". */
export const HCPCS_CODE = /^[A-V]\d{4}$/;

/**
 * CPT (HCPCS Level I): five digits (99213), or four and a category letter:
 * F (Category II), T (Category III), U (proprietary laboratory analyses).
 */
export const CPT_CODE = /^\d{4}[\dFTU]$/;

/** A modifier as written: two letters or digits (RR, Q5, 59). */
export const MODIFIER = /^[A-Z0-9]{2}$/;

/**
 * The numeric modifiers of CPT Level I. Their numbers are public; their
 * descriptions are the AMA's and are not bundled, so a tooltip names them as
 * CPT modifiers. Other two-digit numbers after a code are units or amounts.
 */
export const CPT_MODIFIERS: ReadonlySet<string> = new Set(
  '22 23 24 25 26 27 32 33 47 50 51 52 53 54 55 56 57 58 59 62 63 66 73 74 76 77 78 79 80 81 82 90 91 92 93 95 96 97 99'.split(' '),
);

/**
 * Claim adjustment group codes of a remittance (X12 CAS, ERA and EOB pages):
 * contractual obligation, patient responsibility, other adjustment, payer
 * initiated, correction/reversal. Before a reason code ("CO 45", "PR-1") they
 * are not modifiers, though CO, PI and CR are also modifiers in HCPCS.
 */
export const GROUP_CODES: ReadonlySet<string> = new Set(['CO', 'PR', 'OA', 'PI', 'CR']);

/** A claim adjustment reason code: 1–3 digits, or a letter and 1–2 digits (A1, B7, P12). */
export const REASON_CODE = /^(?:\d{1,3}|[A-Z]\d{1,2})$/;

/**
 * Modifiers that are also English words. Written after a code with only a
 * space and followed by more words ("E1392 AT home", "BILL E1392 AS RENTAL"),
 * they are prose, not modifiers.
 */
export const WORD_MODIFIERS: ReadonlySet<string> = new Set(['AM', 'AS', 'AT', 'GO', 'HE', 'HI', 'ME', 'PA', 'UP', 'US']);

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'A' && ch <= 'Z';
}

/** Letters, digits and the underscore: characters that join a code into a longer token. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

/** A numeric modifier counts only when it is one of CPT's. */
export function isModifierShape(token: string): boolean {
  return MODIFIER.test(token) && (!/^\d\d$/.test(token) || CPT_MODIFIERS.has(token));
}

/** Spaces between a code and its modifiers: ordinary, tab and non-breaking. */
export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u202f' || ch === '\u2007';
}

/** A hyphen as typed, or as a word processor or web font rewrites it (hyphen, non-breaking hyphen, en dash). */
export function isHyphen(ch: string | undefined): boolean {
  return ch === '-' || ch === '\u2010' || ch === '\u2011' || ch === '\u2013';
}
