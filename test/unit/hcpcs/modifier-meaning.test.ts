/** Whether the words after a modifier say what CMS says it means (a modifier list's item, or a modifier followed by its description). */
import { describe, expect, it } from 'vitest';
import { looksLikeMeaning } from '../../../src/hcpcs/modifier-meaning';
import { bundledLookup } from '../../support/dataset';

const meaningOf = (code: string) => {
  const r = bundledLookup().modifier(code);
  if (!r) throw new Error(`${code} is no modifier`);
  return { long: r.long, short: r.short };
};

describe('looksLikeMeaning', () => {
  it('matches CMS’s long description, and its short one with CMS’s abbreviations ("md" for physician, "svc", "rnt", "mo")', () => {
    expect(looksLikeMeaning('No physician or other licensed health care provider order for this item or service', meaningOf('EY'), false)).toBe(true);
    expect(looksLikeMeaning('No md order for item/service', meaningOf('EY'), false)).toBe(true);
    expect(looksLikeMeaning('Dmepos 2nd or 3rd mo rental', meaningOf('KI'), false)).toBe(true);
  });

  it('allows another ending of the same word ("rented" for "rent")', () => {
    expect(looksLikeMeaning('Rented item, billed for a partial month', meaningOf('KR'), false)).toBe(true);
  });

  it('in a list headed as modifiers, one word of the meaning is enough; elsewhere most words and at least two', () => {
    expect(looksLikeMeaning('Will be denied', meaningOf('GZ'), true)).toBe(true);
    expect(looksLikeMeaning('Will be denied', meaningOf('GZ'), false)).toBe(false);
    expect(looksLikeMeaning('Expected to be denied', meaningOf('GZ'), false)).toBe(true);
    expect(looksLikeMeaning('Medical assistant', meaningOf('MA'), false)).toBe(false);
  });

  it('rejects words that are another thing’s meaning: states, lab tests, roles', () => {
    expect(looksLikeMeaning('Atlanta regional office, covering Georgia', meaningOf('GA'), true)).toBe(false);
    expect(looksLikeMeaning('Total cholesterol', meaningOf('TC'), true)).toBe(false);
    expect(looksLikeMeaning('California office', meaningOf('CA'), true)).toBe(false);
    expect(looksLikeMeaning('Physician assistant', meaningOf('PA'), true)).toBe(false);
  });

  it('reads only the first sentence of what follows, and nothing from numbers alone', () => {
    expect(looksLikeMeaning('30303. Waiver of liability statement issued', meaningOf('GA'), false)).toBe(false);
    expect(looksLikeMeaning('45', meaningOf('CO'), true)).toBe(false);
  });
});
