/**
 * The set of every code a page being marked gets once (code-set.ts): it must
 * answer exactly as the worker's lookup does, for every token of every shape,
 * and a damaged set must be refused rather than answer wrongly.
 */
import { describe, expect, it } from 'vitest';
import { CODE_SET_CHARS, decodeCodeSet, encodeCodeSet } from '../../../src/hcpcs/code-set';
import { bundledLookup } from '../../support/dataset';

const lookup = bundledLookup();
const knownByLookup = (code: string) => (code.length === 2 ? lookup.modifier(code) : lookup.code(code)) !== undefined;

/** Every token of the usual code shape (A0000–Z9999), every two-character token, and a few other shapes. */
function* everyToken(): Generator<string> {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  for (let l = 0; l < 26; l++) for (let n = 0; n < 10_000; n++) yield String.fromCharCode(65 + l) + String(n).padStart(4, '0');
  for (const a of chars) for (const b of chars) yield a + b;
  yield* ['99213', '0001U', '1234F', 'E139', 'E13920', 'e1392', ''];
}

describe('code set', () => {
  const set = encodeCodeSet(lookup.codesAndModifiers);
  const known = decodeCodeSet(JSON.parse(JSON.stringify(set)))!;

  it('answers as the dataset does for every code-shaped and two-character token, after a trip through JSON', () => {
    let codes = 0;
    const wrong: string[] = [];
    for (const token of everyToken()) {
      const expected = knownByLookup(token);
      if (expected) codes++;
      if (known(token) !== expected) wrong.push(token);
    }
    expect(wrong).toEqual([]);
    expect(codes).toBe(lookup.dataset.release.codes + lookup.dataset.release.modifiers);
  });

  it('is small enough to send to a page: the bitmap and the modifiers, 45 KB', () => {
    expect(set.bits).toHaveLength(CODE_SET_CHARS);
    expect(set.others).toHaveLength(lookup.dataset.release.modifiers);
    expect(JSON.stringify(set).length).toBeLessThan(46_000);
  });

  it('lists a code of another shape rather than lose it', () => {
    const odd = decodeCodeSet(encodeCodeSet(['E1392', 'RR', '0001U']))!;
    expect(['E1392', 'RR', '0001U'].map(odd)).toEqual([true, true, true]);
    expect(['E1390', 'RT', '0002U', 'A0000', 'Z9999'].map(odd)).toEqual([false, false, false, false, false]);
  });

  it('refuses a set that is not well formed', () => {
    const bad = [
      null,
      'text',
      {},
      { bits: set.bits },
      { bits: set.bits.slice(1), others: [] },
      { bits: `${set.bits.slice(1)}!`, others: [] },
      { bits: set.bits, others: 'RR' },
      { bits: set.bits, others: [1] },
    ];
    for (const b of bad) expect(decodeCodeSet(b)).toBeUndefined();
  });
});
