/**
 * Finds HCPCS codes, CPT codes and modifiers in text as billing pages write
 * them: claims tables, remittance advice, policy prose, raw X12. Pure: the
 * content script hands it the text around the pointer (or of a text node)
 * with what the page says about that text (its column header or field label).
 */
import type { CodeCandidate, ModifierToken } from './code-candidate';
import { CPT_CODE, isHyphen, isModifierShape, isWordChar } from './code-shapes';
import type { FieldRole } from './field-role';
import { readAfterCode } from './modifier-chain';
import { scanX12, type X12Separators } from './x12';

export interface ScanOptions {
  /** What the column header or field label says the text holds. */
  role?: FieldRole | undefined;
  /** Separators declared by an ISA segment shown on the page. */
  x12?: X12Separators | undefined;
}

/** Every candidate in `text`, in order. */
export function scanCodes(text: string, options: ScanOptions = {}): CodeCandidate[] {
  if (options.role === 'diagnosis') return [];
  const out: CodeCandidate[] = [];
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    scanLine(text.slice(from, to), from, options, out);
    from = to + 1;
  }
  return out;
}

/** The candidate the character at `offset` belongs to (the code or one of its modifiers). */
export function candidateAt(text: string, offset: number, options: ScanOptions = {}): CodeCandidate | undefined {
  if (offset < 0 || offset >= text.length) return undefined;
  const from = text.lastIndexOf('\n', offset - 1) + 1;
  let to = text.indexOf('\n', offset);
  if (to < 0) to = text.length;
  if (options.role === 'diagnosis') return undefined;
  const found: CodeCandidate[] = [];
  scanLine(text.slice(from, to), from, options, found);
  return found.find((c) => c.start <= offset && offset < c.chainEnd);
}

const CODE_SHAPE = /[A-V]\d{4}|\d{4}[\dFTU]/g;
/** A quick test before a full scan for HCPCS codes: most text holds nothing code-shaped. */
export const MAY_HOLD_HCPCS = /[A-V]\d{4}/;

function scanLine(line: string, base: number, options: ScanOptions, out: CodeCandidate[]): void {
  const x12 = scanX12(line, options.x12);
  if (x12.isX12) {
    for (const p of x12.procedures) {
      const modifiers = p.modifiers.map((m) => ({ code: m.code, start: base + m.start, attached: false }));
      const end = base + p.start + p.code.length;
      const last = modifiers.at(-1);
      out.push({ kind: CPT_CODE.test(p.code) ? 'cpt' : 'hcpcs', code: p.code, start: base + p.start, end, modifiers, chainEnd: last ? last.start + 2 : end });
    }
    return;
  }
  const found: CodeCandidate[] = [];
  for (const match of line.matchAll(CODE_SHAPE)) {
    const start = match.index;
    const code = match[0];
    const cpt = CPT_CODE.test(code);
    if (cpt && options.role !== 'code' && !CPT_LABEL.test(line.slice(Math.max(0, start - 24), start))) continue;
    if (!leftBoundaryOk(line, start)) continue;
    if (DIAGNOSIS_LABEL.test(labelBefore(line, start))) continue;
    const chain = readAfterCode(line, start + 5);
    if (!chain) continue;
    found.push({
      kind: cpt ? 'cpt' : 'hcpcs',
      code,
      start: base + start,
      end: base + start + 5,
      modifiers: chain.modifiers.map((m) => ({ ...m, start: base + m.start })),
      chainEnd: base + chain.end,
    });
  }
  const taken = (at: number) => found.some((c) => c.start - base <= at && at < c.chainEnd - base);
  const standalone = options.role === 'modifier' ? columnModifiers(line, taken) : proseModifiers(line, taken);
  for (const m of standalone) found.push({ kind: 'modifier', code: m.code, start: base + m.start, end: base + m.start + 2, modifiers: [], chainEnd: base + m.start + 2 });
  found.sort((a, b) => a.start - b.start);
  out.push(...found);
}

/** "XE1392", "1E1392", "CLM-E1392" are parts of longer tokens. A range's second code ("E0100-E0105") is not. */
function leftBoundaryOk(line: string, start: number): boolean {
  const prev = line[start - 1];
  if (prev === undefined) return true;
  if (isWordChar(prev)) return false;
  if (isHyphen(prev) || prev === '/' || prev === '.') {
    let s = start - 1;
    while (s > 0 && isWordChar(line[s - 1])) s--;
    const before = line.slice(s, start - 1);
    if (before && !/^(?:[A-V]\d{4}|\d{4}[\dFTU])$/.test(before)) return false;
  }
  return true;
}

const CPT_LABEL = /\bCPT(?:®|\(R\))?(?:\s+codes?)?\s*[:#]?\s*$/i;
const DIAGNOSIS_LABEL = /\b(?:dx|icd(?:-?\d+)?(?:-?cm)?|diag|diagnos[ie]s)(?:\s+codes?)?\s*(?:#?\s*\d{1,2})?\s*[:#=]?\s*$/i;

/** The text before a code, skipping a list of codes before it: "Dx: J1100, E1100" labels both. */
function labelBefore(line: string, start: number): string {
  const before = line.slice(Math.max(0, start - 80), start);
  return before.replace(/(?:[A-Z]\d{2,4}(?:\.\d{1,4})?[A-Z]?\s*(?:[,;/&]|\band\b|\bor\b)?\s*)+$/, '');
}

/** In a column or field headed as modifiers, every modifier-shaped token is one. */
function columnModifiers(line: string, taken: (at: number) => boolean): { code: string; start: number }[] {
  const out: { code: string; start: number }[] = [];
  for (const m of line.matchAll(/[A-Z0-9]{2}/g)) {
    const at = m.index;
    if (!isWordChar(line[at - 1]) && !isWordChar(line[at + 2]) && isModifierShape(m[0]) && !taken(at)) out.push({ code: m[0], start: at });
  }
  return out;
}

const MODIFIER_WORD = /\bmodifiers?\b/gi;
const LIST_SEP_AFTER = /["”'’)]*(?:\s*,\s*(?:and\s+|or\s+)?|\s*\/\s*|\s+(?:and|or|&)\s+)["“'‘(]?/y;
const LIST_SEP_BEFORE = /(?:\s*,\s*(?:and\s+|or\s+)?|\s*\/\s*|\s+(?:and|or|&)\s+)["“'‘(]?$/;

/** Prose: "the KX modifier", "modifier GA", "modifiers GA, GY and GZ", "the GA or GZ modifier". */
function proseModifiers(line: string, taken: (at: number) => boolean): { code: string; start: number }[] {
  const out: { code: string; start: number }[] = [];
  const add = (at: number) => {
    const code = line.slice(at, at + 2);
    if (!/^[A-Z0-9]{2}$/.test(code) || isWordChar(line[at - 1]) || isWordChar(line[at + 2]) || !isModifierShape(code) || taken(at)) return false;
    if (!out.some((m) => m.start === at)) out.push({ code, start: at });
    return true;
  };
  for (const kw of line.matchAll(MODIFIER_WORD)) {
    // Forward: "modifier GA", "modifiers: GA, GY and GZ".
    let p = kw.index + kw[0].length;
    p += /^[\s:"“'‘(\u2013\u2014-]*/.exec(line.slice(p))![0].length;
    while (add(p)) {
      LIST_SEP_AFTER.lastIndex = p + 2;
      if (!LIST_SEP_AFTER.exec(line)) break;
      p = LIST_SEP_AFTER.lastIndex;
    }
    // Backward: "the KX modifier", "the GA or GZ modifiers".
    let q = kw.index;
    q -= /["”'’)\s-]*$/.exec(line.slice(0, q))![0].length;
    while (add(q - 2)) {
      q -= 2;
      q -= /["“'‘(]?$/.exec(line.slice(0, q))![0].length;
      const sep = LIST_SEP_BEFORE.exec(line.slice(Math.max(0, q - 12), q));
      if (!sep) break;
      q -= sep[0].length;
      q -= /["”'’)]*$/.exec(line.slice(0, q))![0].length;
    }
  }
  return out;
}

export type { CodeCandidate, ModifierToken };
