/**
 * Finds HCPCS codes, CPT codes and modifiers in text as billing pages write
 * them: claims tables, remittance advice, policy prose, modifier lists, raw
 * X12. Pure: the content script hands it a run of text (around the pointer,
 * or a text node with its neighbours) with what the page says about that text
 * (code-context.ts).
 *
 * Token by token: each code-shaped or modifier-shaped token is judged on its
 * own window of the line (CONTEXT_WINDOW either side), so the answer for a
 * token does not depend on how much text the caller read beyond that window,
 * and a line costs in proportion to its length.
 */
import { CONTEXT_WINDOW, LONGEST_CHAIN, type TextContext } from './code-context';
import type { CodeCandidate, ModifierToken } from './code-candidate';
import { CPT_CODE } from './code-shapes';
import { cptLabelBefore, diagnosisLabelBefore, leftBoundaryOk } from './context-rules';
import { readAfterCode } from './modifier-chain';
import { standaloneModifier, type TokenView } from './standalone-modifiers';
import { scanX12, type X12Separators } from './x12';

export type ScanOptions = TextContext;

/** Every candidate in `text`, in order. */
export function scanCodes(text: string, context: TextContext = {}): CodeCandidate[] {
  if (context.role === 'diagnosis') return [];
  const out: CodeCandidate[] = [];
  for (let from = 0; from <= text.length; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    scanLine(text, from, to, context, out);
    from = to + 1;
  }
  return out;
}

/** The candidate the character at `offset` belongs to (the code or one of its modifiers). */
export function candidateAt(text: string, offset: number, context: TextContext = {}): CodeCandidate | undefined {
  if (offset < 0 || offset >= text.length || context.role === 'diagnosis') return undefined;
  const line = lineAround(text, offset);
  const from = Math.max(line.from, offset - LONGEST_CHAIN - 5);
  const codes = codesIn(text, line, from, offset + 1, context);
  const code = codes.find((c) => c.start <= offset && offset < c.chainEnd);
  if (code) return code;
  for (const m of TWO.matchesIn(text, Math.max(line.from, offset - 1), Math.min(line.to, offset + 2))) {
    if (m <= offset && offset < m + 2) return modifierAt(text, line, m, context, codesIn(text, line, Math.max(line.from, m - LONGEST_CHAIN - 5), m + 1, context));
  }
  return undefined;
}

interface Line {
  from: number;
  to: number;
}

/** Finds the line around `offset`, looking no further than the window a rule may need. */
function lineAround(text: string, offset: number): Line {
  const reach = CONTEXT_WINDOW + LONGEST_CHAIN + 8;
  const floor = Math.max(0, offset - reach);
  const back = text.slice(floor, offset).lastIndexOf('\n');
  const ahead = text.slice(offset, offset + reach).indexOf('\n');
  return { from: back < 0 ? floor : floor + back + 1, to: ahead < 0 ? Math.min(text.length, offset + reach) : offset + ahead };
}

/**
 * A pattern run over [from, to) of a text: the match positions. It reads a
 * few characters either side (its lookbehind, a match running past `to`) and
 * no more: searching the rest of the text for the next match would make a
 * text of many short lines cost the square of its length. Compiled once.
 */
function matcher(source: string) {
  const re = new RegExp(source, 'gu');
  return {
    matchesIn(text: string, from: number, to: number): number[] {
      const base = Math.max(0, from - 1);
      const part = text.slice(base, Math.min(text.length, to + 8));
      const out: number[] = [];
      re.lastIndex = from - base;
      for (let m = re.exec(part); m && base + m.index < to; m = re.exec(part)) out.push(base + m.index);
      return out;
    },
  };
}

/** Not after a letter, digit or underscore: the start of a token (a code glued to a word is no code). */
const TOKEN_START = '(?<![\\p{L}\\p{N}_])';
const CODE = matcher(`${TOKEN_START}(?:[A-V]\\d{4}|\\d{4}[\\dFTU])`);
const TWO = matcher(`${TOKEN_START}[A-Z0-9]{2}(?![\\p{L}\\p{N}_])`);

/** The window of a line a rule may read around [start, end). */
function viewOf(text: string, line: Line, start: number, end: number): TokenView & { base: number } {
  const a = Math.max(line.from, start - CONTEXT_WINDOW);
  const b = Math.min(line.to, end + CONTEXT_WINDOW);
  return { text: text.slice(a, b), at: start - a, base: a, startsLine: a === line.from, endsLine: b === line.to };
}

function scanLine(text: string, from: number, to: number, context: TextContext, out: CodeCandidate[]): void {
  const line = { from, to };
  const codes = codesIn(text, line, from, to, context);
  let next = 0;
  for (const m of TWO.matchesIn(text, from, to)) {
    while (next < codes.length && codes[next]!.start <= m) out.push(codes[next++]!);
    const modifier = modifierAt(text, line, m, context, codes);
    if (modifier) out.push(modifier);
  }
  while (next < codes.length) out.push(codes[next++]!);
}

/** The code candidates starting in [from, to) of a line, each judged on its own window. */
function codesIn(text: string, line: Line, from: number, to: number, context: TextContext): CodeCandidate[] {
  const out: CodeCandidate[] = [];
  for (const start of CODE.matchesIn(text, from, Math.min(to, line.to))) {
    if (start + 5 > line.to) break;
    const found = codeAt(text, line, start, context);
    if (found) out.push(found);
  }
  return out;
}

function codeAt(text: string, line: Line, start: number, context: TextContext): CodeCandidate | undefined {
  const view = viewOf(text, line, start, start + 5 + LONGEST_CHAIN);
  const { base, at } = view;
  const code = text.slice(start, start + 5);
  const kind = CPT_CODE.test(code) ? 'cpt' : 'hcpcs';
  // X12: in an interchange only a composite qualified as a procedure code holds one (x12.ts).
  const x12 = SEGMENT_HEAD.test(view.text) ? scanX12(view.text, declaredX12(context), !view.startsLine) : undefined;
  if (x12?.isX12) {
    const p = x12.procedures.find((q) => q.start === at);
    if (!p) return undefined;
    const modifiers = p.modifiers.map((m) => ({ code: m.code, start: base + m.start, attached: false }));
    const last = modifiers.at(-1);
    return { kind, code, start, end: start + 5, modifiers, chainEnd: last ? last.start + 2 : start + 5 };
  }
  if (kind === 'cpt' && context.role !== 'code' && !cptLabelBefore(view.text, at)) return undefined;
  if (!leftBoundaryOk(view.text, at) || diagnosisLabelBefore(view.text, at)) return undefined;
  const chain = readAfterCode(view.text, at + 5);
  if (!chain) return undefined;
  const modifiers: ModifierToken[] = chain.modifiers.map((m) => ({ ...m, start: base + m.start }));
  return { kind, code, start, end: start + 5, modifiers, chainEnd: base + chain.end };
}

/** A segment id and an element separator, as X12 segments start ("SV1*", "HI|"). */
const SEGMENT_HEAD = /[A-Z][A-Z0-9]{1,2}[*|^!+]/;

function declaredX12(context: TextContext): X12Separators | undefined {
  return typeof context.x12 === 'function' ? context.x12() : context.x12;
}

/** A modifier standing alone at `start`, unless a code's chain holds it. */
function modifierAt(text: string, line: Line, start: number, context: TextContext, codes: readonly CodeCandidate[]): CodeCandidate | undefined {
  if (codes.some((c) => c.start <= start && start < c.chainEnd)) return undefined;
  const view = viewOf(text, line, start, start + 2);
  const found = standaloneModifier(view, context);
  if (!found) return undefined;
  const code = text.slice(start, start + 2);
  return { kind: 'modifier', code, start, end: start + 2, modifiers: [], chainEnd: start + 2, ...(found === true ? {} : { claim: found }) };
}

export type { CodeCandidate, ModifierToken };
