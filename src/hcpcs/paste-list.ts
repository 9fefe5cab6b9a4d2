/**
 * Reads a list of codes a clerk pasted (from a PDF, an email, a spreadsheet
 * column, an EDI line): one per line, or separated by commas, semicolons,
 * tabs or spaces, each with or without its modifiers.
 *
 *   E1392-RR, J1100         → E1392 with RR; J1100
 *   E1392 RR KX             → E1392 with RR and KX
 *   e1392rr                 → E1392 with RR (case and gluing as typed)
 *   HC:E1392:RR             → E1392 with RR (X12 composite, qualifier dropped)
 *   99213 25                → CPT 99213 with modifier 25 (named, not described)
 *
 * Whether a code exists is the worker's business: the parser keeps every
 * code-shaped token so the table can say "not in this release" rather than
 * silently dropping a mistyped code.
 */
export interface PastedCode {
  /** "E1392", "99213", or a modifier on its own ("RR"). */
  code: string;
  modifiers: string[];
}

export interface PastedList {
  entries: PastedCode[];
  /** Tokens that are not code-shaped, as typed (at most MAX_IGNORED). */
  ignored: string[];
  /** More entries than `max` were pasted; only the first `max` are kept. */
  truncated: boolean;
}

/** HCPCS Level II code (E1392) or CPT Level I code (99213, 0001U, 1234F). */
const CODE = /^(?:[A-Z]\d{4}|\d{4}[0-9A-Z])$/;
/** A code with up to four modifiers glued to it: E1392RR, E1392RRKX. */
const GLUED = /^([A-Z]\d{4})((?:[A-Z0-9]{2}){1,4})$/;
const MODIFIER = /^[A-Z0-9]{2}$/;
/** X12 product/service id qualifiers that precede a code in SV1/SV2 composites. */
const X12_QUALIFIERS = new Set(['HC', 'HP', 'IV', 'WK', 'ER']);
/** Separators between entries; spaces and tabs separate a code from its modifiers. */
const ENTRY_SEPARATORS = /[\n\r,;|]+/;
const MAX_MODIFIERS = 4;
const MAX_IGNORED = 20;

export function parsePastedList(text: string, max = 500): PastedList {
  const entries: PastedCode[] = [];
  const ignored: string[] = [];
  let truncated = false;
  for (const group of text.split(ENTRY_SEPARATORS)) {
    let current: PastedCode | undefined;
    for (const raw of group.split(/\s+/)) {
      const token = raw.replace(/^[("'[{<]+|[)"'\]}>.:]+$/g, '');
      if (!token) continue;
      const parsed = parseToken(token);
      if (parsed === 'modifier' && current && current.modifiers.length < MAX_MODIFIERS && isSpacedModifier(token)) {
        current.modifiers.push(token.toUpperCase());
        continue;
      }
      const entry = parsed === 'modifier' ? (isSpacedModifier(token) ? { code: token, modifiers: [] } : undefined) : parsed;
      if (!entry) {
        if (ignored.length < MAX_IGNORED) ignored.push(raw.slice(0, 40));
        continue;
      }
      if (entries.length >= max) {
        truncated = true;
        break;
      }
      entries.push(entry);
      // A code takes the modifiers that follow it; a modifier on its own takes none.
      current = entry.code.length === 2 ? undefined : entry;
    }
  }
  return { entries, ignored, truncated };
}

/**
 * A modifier standing as its own word: written in capitals or digits, as
 * modifiers are, so that "of" or "to" in pasted prose is not read as one.
 */
function isSpacedModifier(token: string): boolean {
  return /^[A-Z0-9]{2}$/.test(token);
}

/** One whitespace-free token: a code with joined modifiers, a lone modifier, or nothing. */
function parseToken(token: string): PastedCode | 'modifier' | undefined {
  const upper = token.toUpperCase();
  let parts = upper.split(/[-:>]/).filter(Boolean);
  if (parts.length > 1 && X12_QUALIFIERS.has(parts[0]!) && CODE.test(parts[1]!)) parts = parts.slice(1);
  const [head = '', ...rest] = parts;
  if (parts.length === 1 && MODIFIER.test(head)) return 'modifier';
  const glued = GLUED.exec(head);
  const code = glued ? glued[1]! : head;
  if (!CODE.test(code)) return undefined;
  const modifiers = [...(glued ? (glued[2]!.match(/../g) ?? []) : []), ...rest];
  if (modifiers.length > MAX_MODIFIERS || !modifiers.every((m) => MODIFIER.test(m))) return undefined;
  return { code, modifiers };
}
