/** The "not valid on its date" mark keeps 3:1 contrast (WCAG 1.4.11) on light and dark pages, and its text stays readable. */
import { describe, expect, it } from 'vitest';
import { INVALID_MARK, invalidMarkRule } from '../../../src/content/service-date/invalid-mark-rule';

function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}
const contrast = (a: readonly number[], b: readonly number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const LIGHT_PAGES = [[255, 255, 255], [246, 248, 250]];
const DARK_PAGES = [[0, 0, 0], [18, 18, 18], [28, 33, 40], [36, 41, 47]];

describe('invalid mark colours', () => {
  it('the box against light and dark pages at least 3:1', () => {
    for (const page of [...LIGHT_PAGES, ...DARK_PAGES]) expect(contrast(INVALID_MARK.background, page), String(page)).toBeGreaterThanOrEqual(3);
  });

  it('the code’s text against the box at least 4.5:1', () => {
    expect(contrast(INVALID_MARK.text, INVALID_MARK.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('is a rule without text decoration, on the root (Chromium) or every element (Firefox)', () => {
    expect(invalidMarkRule('x', true)).toMatch(/^:root::highlight\(x\) \{ background-color: rgb\(220 50 60\); color: rgb\(255 255 255\); \}$/);
    expect(invalidMarkRule('x', false)).toMatch(/^\*::highlight\(x\)/);
  });
});
