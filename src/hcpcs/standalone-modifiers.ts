/**
 * When a two-character token standing alone is a modifier. Two capitals are
 * mostly something else on a page (a state in an address, an acronym, a
 * group code), so a modifier alone is explained only where the page makes it
 * plainly one:
 * - in a column or field headed as modifiers ("Mod 1");
 * - where prose names it one ("the KX modifier", "modifiers GA, GY and GZ");
 * - as the item of a list a heading names as modifiers: a line, list item,
 *   table row or definition term that opens with the modifier, then a dash,
 *   colon or tab (or the next cell) and text that looks like its meaning;
 * - followed by its own CMS description ("FX X-ray taken using film").
 * The last two carry a claim: the worker's description of the modifier must
 * confirm it (modifier-meaning.ts) before a tooltip shows.
 */
import { namesModifiers, type TextContext } from './code-context';
import { GROUP_CODES, REASON_CODE, isHyphen, isModifierShape, isSpace, isWordChar } from './code-shapes';

/** What the words after a modifier must say for it to be explained. */
export interface ModifierClaim {
  text: string;
  /** Listed under a heading naming modifiers: a looser match. */
  listed: boolean;
}

/** Text around a token, cut from its line at most CONTEXT_WINDOW either side. */
export interface TokenView {
  text: string;
  /** Index of the token in `text`. */
  at: number;
  /** Whether `text` starts where its line starts (not where the window cut it). */
  startsLine: boolean;
  endsLine: boolean;
}

/** undefined: not a modifier here; true: a modifier; a claim: a modifier if its description agrees. */
export function standaloneModifier(view: TokenView, context: TextContext): ModifierClaim | boolean {
  const { text, at } = view;
  const code = text.slice(at, at + 2);
  if (!isModifierShape(code) || isWordChar(text[at - 1]) || isWordChar(text[at + 2])) return false;
  if (context.role === 'modifier') return true;
  if (proseNames(text, at)) return true;
  // Remittance: "CO 45", "PR-1" are a group code and a reason, whatever follows.
  if (GROUP_CODES.has(code) && reasonFollows(text, at + 2)) return false;
  return itemClaim(view, context) ?? false;
}

/** Bullets and numbering that may open a list line: "• ", "- ", "1. ", "a) ". */
const ITEM_OPENING = /^[\s\u00a0•·▪◦*\u2013\u2014-]*(?:(?:\d{1,2}|[a-z])[.)][\s\u00a0]+)?$/;
/** Between a list item's modifier and its text: a dash, a colon, a tab. */
const ITEM_SEPARATOR = /^[ \u00a0]*[-\u2010\u2011\u2013\u2014:][ \u00a0\t]*|^\t+/;
/** Between a modifier and a description that follows it in prose. */
const PROSE_SEPARATOR = /^[ \u00a0]+|^[ \u00a0]*[\u2013\u2014:][ \u00a0]*|^[ \u00a0]+-[ \u00a0]+/;

function itemClaim(view: TokenView, context: TextContext): ModifierClaim | undefined {
  const { text, at } = view;
  const after = text.slice(at + 2);
  const opensLine = view.startsLine && ITEM_OPENING.test(text.slice(0, at));
  const listed = opensLine && namesModifiers(context.leadIn);
  // The whole cell or term: its text is in the next cell or the definition.
  if (opensLine && view.endsLine && after.trim() === '' && context.itemRest) return { text: context.itemRest, listed };
  const item = opensLine ? ITEM_SEPARATOR.exec(after) : null;
  const claim = item ? { text: after.slice(item[0].length), listed } : proseClaim(after);
  // Nothing after the separator: nothing confirms it.
  return claim?.text.trim() ? claim : undefined;
}

function proseClaim(after: string): ModifierClaim | undefined {
  const prose = PROSE_SEPARATOR.exec(after);
  return prose ? { text: after.slice(prose[0].length), listed: false } : undefined;
}

function reasonFollows(text: string, pos: number): boolean {
  let p = pos;
  if (isHyphen(text[p]) || isSpace(text[p])) p++;
  let e = p;
  while (e < text.length && e - p < 4 && /[A-Za-z0-9]/.test(text[e]!)) e++;
  return e > p && REASON_CODE.test(text.slice(p, e)) && !isWordChar(text[e]);
}

const MODIFIER_WORD = /\bmodifiers?\b/gi;
const LIST_SEP_AFTER = /["”'’)]*(?:\s*,\s*(?:and\s+|or\s+)?|\s*\/\s*|\s+(?:and|or|&)\s+)["“'‘(]?/y;
/** Read on a dozen characters at most: no backtracking to speak of. */
const LIST_SEP_BEFORE = /(?:\s*,\s*(?:and\s+|or\s+)?|\s*\/\s*|\s+(?:and|or|&)\s+)["“'‘(]?$/;
const OPENERS_AFTER = /[\s:"“'‘(\u2013\u2014-]*/y;

/** Prose: "the KX modifier", "modifier GA", "modifiers GA, GY and GZ", "the GA or GZ modifier". */
function proseNames(text: string, at: number): boolean {
  const isToken = (p: number) => p >= 0 && /^[A-Z0-9]{2}$/.test(text.slice(p, p + 2)) && !isWordChar(text[p - 1]) && !isWordChar(text[p + 2]) && isModifierShape(text.slice(p, p + 2));
  for (const kw of text.matchAll(MODIFIER_WORD)) {
    // Forward: "modifier GA", "modifiers: GA, GY and GZ".
    OPENERS_AFTER.lastIndex = kw.index + kw[0].length;
    let p = kw.index + kw[0].length + OPENERS_AFTER.exec(text)![0].length;
    while (p <= at && isToken(p)) {
      if (p === at) return true;
      LIST_SEP_AFTER.lastIndex = p + 2;
      if (!LIST_SEP_AFTER.exec(text)) break;
      p = LIST_SEP_AFTER.lastIndex;
    }
    // Backward: "the KX modifier", "the GA or GZ modifiers".
    let q = kw.index;
    while (q > 0 && /["”'’)\s-]/.test(text[q - 1]!)) q--;
    while (q - 2 >= at && isToken(q - 2)) {
      q -= 2;
      if (q === at) return true;
      if (/["“'‘(]/.test(text[q - 1] ?? '')) q--;
      // A separator is at most a dozen characters (", and ", " or "): read no further back.
      const sep = LIST_SEP_BEFORE.exec(text.slice(Math.max(0, q - 12), q));
      if (!sep) break;
      q -= sep[0].length;
      while (q > 0 && /["”'’)]/.test(text[q - 1]!)) q--;
    }
  }
  return false;
}
