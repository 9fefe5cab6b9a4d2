/**
 * The modifiers written after a code: "E1392RR", "E1392-RR-KX", "E1392 RR KX",
 * "E1392:RR", "E1392 (RR, KX)". Also decides when the code is really part of
 * a longer token ("E1392X", "E13925", "E1392-0001") and so no code at all.
 */
import type { ModifierToken } from './code-candidate';
import { CPT_CODE, GROUP_CODES, HCPCS_CODE, REASON_CODE, WORD_MODIFIERS, isDigit, isHyphen, isModifierShape, isSpace, isUpper, isWordChar } from './code-shapes';
import { MAX_MODIFIERS } from './code-candidate';

export interface Chain {
  modifiers: ModifierToken[];
  /** End of the last modifier read, or where the code ended. */
  end: number;
}

const ALNUM_RUN = /[A-Za-z0-9]*/y;

function runAt(text: string, pos: number): string {
  ALNUM_RUN.lastIndex = pos;
  return ALNUM_RUN.exec(text)![0];
}

/** Reads what follows a code ending at `codeEnd`; undefined when the code is glued into a longer token. */
export function readAfterCode(text: string, codeEnd: number): Chain | undefined {
  const next = text[codeEnd];
  if (isDigit(next) || (isWordChar(next) && !isUpper(next))) return undefined;
  const modifiers: ModifierToken[] = [];
  let pos = codeEnd;
  if (isUpper(next)) {
    const run = runAt(text, codeEnd);
    const runEnd = codeEnd + run.length;
    if (isWordChar(text[runEnd]) || run.length % 2 !== 0 || run.length > 2 * MAX_MODIFIERS || !/^[A-Z0-9]+$/.test(run)) return undefined;
    for (let i = 0; i < run.length; i += 2) {
      const code = run.slice(i, i + 2);
      if (!isModifierShape(code)) return undefined;
      modifiers.push({ code, start: codeEnd + i, attached: true });
    }
    pos = runEnd;
  } else if (isHyphen(next)) {
    // "CLM-E1392-0001", "E1392-1A": an identifier. A range "E0100-E0105" is two codes.
    const run = runAt(text, codeEnd + 1);
    if (/^[A-Z0-9]+$/.test(run) && run.length !== 2 && !HCPCS_CODE.test(run) && !CPT_CODE.test(run)) return undefined;
  } else if (next === '.' && isDigit(text[codeEnd + 1])) {
    return undefined;
  }
  return readSeparated(text, pos, modifiers);
}

function readSeparated(text: string, from: number, modifiers: ModifierToken[]): Chain {
  let pos = from;
  while (modifiers.length < MAX_MODIFIERS) {
    let p = pos;
    let sep: 'punct' | 'space';
    if (isHyphen(text[p]) || text[p] === ':') {
      p++;
      sep = 'punct';
    } else if (isSpace(text[p])) {
      while (isSpace(text[p])) p++;
      sep = 'space';
    } else if (text[p] !== '(') {
      break;
    } else {
      sep = 'punct';
    }
    if (text[p] === '(') {
      const inParens = readParenthesised(text, p, modifiers.length);
      if (inParens) {
        modifiers.push(...inParens.modifiers);
        pos = inParens.end;
      }
      break;
    }
    const code = text.slice(p, p + 2);
    if (!/^[A-Z0-9]{2}$/.test(code) || isWordChar(text[p + 2]) || !isModifierShape(code)) break;
    // Units, not a modifier: "E1392 RR 12".
    if (sep === 'space' && isDigit(code[0])) break;
    // Remittance: "E1392 CO 45" is group CO with reason 45.
    if (GROUP_CODES.has(code) && reasonFollows(text, p + 2)) break;
    // Prose: "E1392 AT home".
    if (sep === 'space' && WORD_MODIFIERS.has(code) && wordFollows(text, p + 2)) break;
    modifiers.push({ code, start: p, attached: false });
    pos = p + 2;
  }
  return { modifiers, end: pos };
}

/** "(RR)", "(RR, KX)", "(RR KX)": every item a modifier, or none is. */
function readParenthesised(text: string, open: number, already: number): Chain | undefined {
  const close = text.indexOf(')', open);
  if (close < 0 || close - open > 24) return undefined;
  const inner = text.slice(open + 1, close);
  const modifiers: ModifierToken[] = [];
  const re = /([A-Z0-9]{2})(?:[\s,/-]+|$)/y;
  for (let at = 0; at < inner.length; ) {
    re.lastIndex = at;
    const m = re.exec(inner);
    if (!m || !isModifierShape(m[1]!)) return undefined;
    modifiers.push({ code: m[1]!, start: open + 1 + at, attached: false });
    at = re.lastIndex;
  }
  if (modifiers.length === 0 || already + modifiers.length > MAX_MODIFIERS) return undefined;
  return { modifiers, end: close + 1 };
}

function reasonFollows(text: string, pos: number): boolean {
  let p = pos;
  if (isHyphen(text[p]) || isSpace(text[p])) p++;
  const run = runAt(text, p);
  return REASON_CODE.test(run) && !isWordChar(text[p + run.length]);
}

function wordFollows(text: string, pos: number): boolean {
  return /^[\s\u00a0]+(?:[a-z]|[A-Za-z]{3})/.test(text.slice(pos, pos + 8));
}
