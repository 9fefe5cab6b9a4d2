/**
 * The rules that read the text before a code-shaped token: whether it is a
 * whole token, and what a label before it says it is. Each reads at most
 * CONTEXT_WINDOW characters back, by hand or with patterns that cannot
 * backtrack (no nested quantifiers under an end anchor: issue 10, "A12   A12
 * … (E1392" once took seconds).
 */
import { CONTEXT_WINDOW } from './code-context';
import { isHyphen, isSpace, isWordChar } from './code-shapes';

const CODE_LIKE = /^(?:[A-V]\d{4}|\d{4}[\dFTU])$/;

/**
 * "XE1392", "1E1392", "CLM-E1392" are parts of longer tokens (a claim or
 * serial number). A range's second code ("E0100-E0105") is not.
 */
export function leftBoundaryOk(text: string, start: number): boolean {
  const prev = text[start - 1];
  if (prev === undefined) return true;
  if (isWordChar(prev)) return false;
  if (isHyphen(prev) || prev === '/' || prev === '.') {
    const floor = Math.max(0, start - 1 - CONTEXT_WINDOW);
    let s = start - 1;
    while (s > floor && isWordChar(text[s - 1])) s--;
    const before = text.slice(s, start - 1);
    if (before && !CODE_LIKE.test(before)) return false;
  }
  return true;
}

/** "CPT 99213", "CPT® code: 0042T": CMS names Level I codes by their AMA name; a bare five-digit number is a zip, an amount, an id. */
const CPT_LABEL = /\bCPT(?:®|\(R\))?(?: codes?)?$/i;

export function cptLabelBefore(text: string, start: number): boolean {
  return CPT_LABEL.test(trimLabelEnd(text.slice(Math.max(0, start - 24), start)));
}

/**
 * ICD-10-CM diagnosis codes share the HCPCS shape (J1100 is J11.00,
 * influenza): after "Dx", "ICD-10-CM", "Diagnosis code 1:" a code-shaped
 * token is a diagnosis, and so is every one of a list after that label
 * ("Dx: J1100, E1100").
 */
const DIAGNOSIS_LABEL = /\b(?:dx|icd(?:-?\d+)?(?:-?cm)?|diag|diagnos[ie]s)(?: codes?)?$/i;

export function diagnosisLabelBefore(text: string, start: number): boolean {
  const floor = Math.max(0, start - CONTEXT_WINDOW);
  const end = skipCodeList(text, start, floor);
  return DIAGNOSIS_LABEL.test(trimLabelEnd(text.slice(floor, end)));
}

const CODE_ITEM = /^[A-Z]\d{2,4}(?:\.\d{1,4})?[A-Z]?$/;

/** Walks back over a list of code-like items and their separators ("J1100, E1100 and "): where the list starts. */
function skipCodeList(text: string, start: number, floor: number): number {
  let p = start;
  for (;;) {
    let q = p;
    while (q > floor && isSpace(text[q - 1])) q--;
    if (q > floor && ',;/&'.includes(text[q - 1]!)) q--;
    else if (q - 3 >= floor && /^and$/i.test(text.slice(q - 3, q)) && !isWordChar(text[q - 4])) q -= 3;
    else if (q - 2 >= floor && /^or$/i.test(text.slice(q - 2, q)) && !isWordChar(text[q - 3])) q -= 2;
    while (q > floor && isSpace(text[q - 1])) q--;
    // A code-like item: J1100, J11.00, E11.65A (at most ten characters).
    let r = q;
    while (r > floor && q - r < 10 && /[A-Z0-9.]/.test(text[r - 1]!)) r--;
    if (r === q || !CODE_ITEM.test(text.slice(r, q))) return p;
    p = r;
  }
}

/** Drops what ends a label: spaces, ":", "#", "=", and a field number ("Dx #1:", "Diagnosis code 2 ="). */
function trimLabelEnd(label: string): string {
  let e = label.length;
  const skip = (chars: string) => {
    while (e > 0 && (isSpace(label[e - 1]) || chars.includes(label[e - 1]!))) e--;
  };
  skip(':#=');
  let d = e;
  while (d > 0 && d > e - 2 && /\d/.test(label[d - 1]!)) d--;
  if (d < e && (d === 0 || isSpace(label[d - 1]) || label[d - 1] === '#')) {
    e = d;
    skip('#');
  }
  return label.slice(0, e);
}
