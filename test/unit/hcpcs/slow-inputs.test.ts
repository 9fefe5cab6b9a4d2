/**
 * Text that once froze the main thread (issue 10, findings 4 and 5): the
 * detector must read it in time proportional to its length. Each test has a
 * generous ceiling that only catches a hang; the times themselves are
 * figures in the bench (test/bench/suites/slow-inputs.ts).
 */
import { describe, expect, it } from 'vitest';
import { codeAt, findCodes } from '../../../src/hcpcs/code-pipeline';
import { adversarialLine, longLine } from '../../support/slow-text';

const HANG = { timeout: 30_000 };

describe('slow inputs', () => {
  it('reads "A12   A12   … (E1392" (a label-list pattern that once backtracked for seconds) and finds the code', HANG, () => {
    for (const length of [79, 400, 4000]) {
      const text = adversarialLine(length);
      expect(findCodes(text).map((c) => c.code)).toEqual(['E1392']);
      expect(codeAt(text, text.length - 3)?.code).toBe('E1392');
    }
  });

  it('reads a 256 KB line of modifier-like words and codes once, finding every code', HANG, () => {
    const text = longLine(256 * 1024);
    const found = findCodes(text);
    expect(found.filter((c) => c.kind === 'hcpcs').length).toBe(text.split('E1392').length - 1);
  });
});
