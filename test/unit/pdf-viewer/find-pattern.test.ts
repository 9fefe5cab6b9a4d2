import { describe, expect, it } from 'vitest';
import { queryPattern } from '../../../src/pdf-viewer/find-bar';

describe('find’s pattern', () => {
  it('ignores case and the amount of space between words, and takes the query literally', () => {
    const pattern = queryPattern('  e1392   rr ')!;
    expect('CLM E1392 RR KX; e1392\u00a0rr'.match(pattern)).toEqual(['E1392 RR', 'e1392\u00a0rr']);
    expect('cost (a+b)'.match(queryPattern('(a+b)')!)).toEqual(['(a+b)']);
    expect(queryPattern('   ')).toBeUndefined();
  });
});
