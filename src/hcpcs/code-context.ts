/**
 * What the detector is told about a piece of text besides the text itself,
 * and how much of the text around a token its rules may read.
 */
import type { FieldRole } from './field-role';
import type { X12Separators } from './x12';

/**
 * How far a rule reads either side of a token: the longest label or lead-in
 * a biller writes before a code list ("ICD-10-CM diagnosis code #1:" and a
 * few codes before this one: "Dx: J1100, E1100, E1101, …"), and after a
 * modifier the opening words of its description ("KH – DMEPOS item, initial
 * claim, purchase or first month rental"). Every rule reads within this
 * window of the token and nothing beyond it, so a hover (which reads the text
 * around the pointer) and marking (which reads a whole text node) judge each
 * token on the same characters, and a long line costs in proportion to its
 * length, never its square.
 */
export const CONTEXT_WINDOW = 80;

/** The longest a code runs with its modifiers as written: "E1392 (RR, KX, GA, GY)". */
export const LONGEST_CHAIN = 24;

/**
 * What a caller reads either side of the point it asks about: the window on
 * each side of any token that may cover the point, with a margin so the
 * window never starts where the caller's text was cut.
 */
export const READ_AROUND = CONTEXT_WINDOW + LONGEST_CHAIN + 4;

export interface TextContext {
  /** What the column header or field label says the text holds. */
  role?: FieldRole | undefined;
  /**
   * Separators declared by an ISA segment shown on the page, or how to read
   * them: asked only for text that looks like an X12 segment.
   */
  x12?: X12Separators | (() => X12Separators | undefined) | undefined;
  /** The heading, caption or lead-in line the text is listed under (a list item, a row, a term). */
  leadIn?: string | undefined;
  /** The rest of the item the text opens: the next cell of its row, the definition of its term. */
  itemRest?: string | undefined;
}

const NAMES_MODIFIERS = /\bmod(?:ifier)?s?\b/i;

/** Whether a heading or lead-in names what follows as modifiers ("Modifiers", "Capped rental modifiers:", "Table 3.2 — Modifiers for …"). */
export function namesModifiers(leadIn: string | undefined): boolean {
  return leadIn !== undefined && NAMES_MODIFIERS.test(leadIn.slice(0, CONTEXT_WINDOW));
}
