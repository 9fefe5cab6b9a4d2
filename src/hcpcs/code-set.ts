/**
 * Every code and modifier of a release, in a form small enough to send to a
 * page once: which tokens are codes can then be answered in the page, with
 * no round trip to the worker. Marking needs it: a page that jumps to rows
 * it has not shown before has codes the page has not asked about, and an
 * answer that comes after the frame leaves the codes on screen unmarked for
 * that frame (and, while Chromium rasters the new rows, for a good deal
 * longer).
 *
 * A code of the usual shape (a capital and four digits: 260,000 possible)
 * is one bit of a bitmap written six bits to a character (43 KB for a
 * release); anything else (modifiers, any code of another shape a release
 * may bring) is listed.
 */

export interface EncodedCodeSet {
  bits: string;
  others: string[];
}

const SHAPE = /^[A-Z]\d{4}$/;
const BITS = 26 * 10_000;
const PER_CHAR = 6;
/** Six bits to a character, each a character JSON writes as itself. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** An encoded set has exactly this many characters of bits. */
export const CODE_SET_CHARS = Math.ceil(BITS / PER_CHAR);

/** The code's bit, for a code of the usual shape. */
function bitOf(code: string): number {
  return (code.charCodeAt(0) - 65) * 10_000 + Number(code.slice(1));
}

export function encodeCodeSet(codes: Iterable<string>): EncodedCodeSet {
  const values = new Uint8Array(CODE_SET_CHARS);
  const others: string[] = [];
  for (const code of codes) {
    if (!SHAPE.test(code)) others.push(code);
    else {
      const bit = bitOf(code);
      values[Math.floor(bit / PER_CHAR)]! |= 1 << bit % PER_CHAR;
    }
  }
  let bits = '';
  for (const v of values) bits += ALPHABET[v];
  return { bits, others };
}

/** Which tokens are codes of the release, as the worker's lookup would say; undefined for a set that is not well formed. */
export function decodeCodeSet(set: unknown): ((code: string) => boolean) | undefined {
  if (typeof set !== 'object' || set === null) return undefined;
  const { bits, others } = set as Partial<EncodedCodeSet>;
  if (typeof bits !== 'string' || bits.length !== CODE_SET_CHARS || !/^[A-Za-z0-9+/]*$/.test(bits)) return undefined;
  if (!Array.isArray(others) || !others.every((o) => typeof o === 'string')) return undefined;
  const listed = new Set(others);
  return (code) => {
    if (!SHAPE.test(code)) return listed.has(code);
    const bit = bitOf(code);
    return ((ALPHABET.indexOf(bits[Math.floor(bit / PER_CHAR)]!) >> bit % PER_CHAR) & 1) === 1;
  };
}
