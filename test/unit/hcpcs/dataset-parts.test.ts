/** The byte ranges a cold worker reads: the header and modifiers, and one letter's codes, each a dataset in its own right. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetParts, lettersOf } from '../../../src/hcpcs/dataset-parts';
import { openDataset } from '../../../src/hcpcs/dataset-open';

const bytes = readFileSync(new URL('../../../data/hcpcs-dataset.tsv', import.meta.url));
const parts = datasetParts(bytes);
const text = (range: readonly [number, number]) => bytes.subarray(range[0], range[1]).toString('utf8');

describe('datasetParts', () => {
  it('splits the bundled file at line ends: the head and the letters, joined in order, are the file', () => {
    const letters = Object.values(parts.letters).sort((a, b) => a[0] - b[0]);
    expect(parts.head[0]).toBe(0);
    expect(letters[0]![0]).toBe(parts.head[1]);
    for (let i = 1; i < letters.length; i++) expect(letters[i]![0]).toBe(letters[i - 1]![1]);
    expect(letters.at(-1)![1]).toBe(parts.size);
    expect(parts.size).toBe(bytes.length);
  });

  it('puts each code under its first letter and every modifier in the head', () => {
    for (const [letter, range] of Object.entries(parts.letters)) {
      const lines = text(range).split('\n').filter(Boolean);
      expect(lines.every((line) => line[0] === letter && line.indexOf('\t') === 5)).toBe(true);
    }
    const head = openDataset(text(parts.head), { partial: true });
    expect(head.record('RR')?.long).toMatch(/rental/i);
    expect(head.record('E1392')).toBeUndefined();
  });

  it('the head and one letter answer for that letter’s codes, as the whole file does', () => {
    const whole = openDataset(bytes.toString('utf8'));
    const part = openDataset(text(parts.head) + text(parts.letters.E!), { partial: true });
    expect(part.record('E1392')).toEqual(whole.record('E1392'));
    expect(part.record('KX')).toEqual(whole.record('KX'));
    expect(part.record('J1100')).toBeUndefined();
  });

  it('a partial text that lacks the modifiers is refused', () => {
    const cut = text(parts.head).split('\n').slice(0, 10).join('\n');
    expect(() => openDataset(cut, { partial: true })).toThrow(/incomplete/);
  });
});

describe('lettersOf', () => {
  it('names the parts a lookup needs: first letters of codes; modifiers and CPT codes need none', () => {
    expect([...lettersOf(['E1392', 'RR', 'J1100', 'E0431', '99213'])].sort()).toEqual(['E', 'J']);
  });
});
