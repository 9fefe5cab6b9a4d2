import { describe, expect, it } from 'vitest';
import { resolveCandidate, tokensToCheck, type CodeCandidate } from '../../../src/hcpcs/code-candidate';
import { candidateAt } from '../../../src/hcpcs/code-scan';
import { HCPCS_CODE, MODIFIER } from '../../../src/hcpcs/code-shapes';
import { bundledLookup, inDataset } from '../../support/dataset';

const candidate = (code: string, modifiers: [string, boolean][] = [], kind: CodeCandidate['kind'] = 'hcpcs'): CodeCandidate => ({
  kind,
  code,
  start: 0,
  end: code.length,
  modifiers: modifiers.map(([m, attached], i) => ({ code: m, attached, start: 5 + i * 3 })),
  chainEnd: 5 + modifiers.length * 3,
});

describe('tokensToCheck', () => {
  it('asks the dataset about the code and lettered modifiers, not about CPT', () => {
    expect(tokensToCheck(candidate('E1392', [['RR', false], ['59', false]]))).toEqual(['E1392', 'RR']);
    expect(tokensToCheck(candidate('99213', [['GA', false]], 'cpt'))).toEqual(['GA']);
  });
});

describe('resolveCandidate', () => {
  const known = new Set(['E1392', 'RR', 'KX', 'GA', 'GY', 'GZ']);
  const isKnown = (c: string) => known.has(c);

  it('drops a code the dataset does not hold', () => {
    expect(resolveCandidate(candidate('E9999'), isKnown)).toBeUndefined();
  });

  it('keeps modifiers up to the first unknown one, at most four, and ends the span there', () => {
    expect(resolveCandidate(candidate('E1392', [['RR', false], ['XX', false], ['KX', false]]), isKnown)).toEqual({ item: { code: 'E1392', modifiers: ['RR'] }, start: 0, end: 7 });
    const five = candidate('E1392', [['RR', false], ['KX', false], ['GA', false], ['GY', false], ['GZ', false]]);
    expect(resolveCandidate(five, isKnown)?.item.modifiers).toEqual(['RR', 'KX', 'GA', 'GY']);
  });

  it('drops the whole token when a glued-on modifier is not real', () => {
    expect(resolveCandidate(candidate('E1392', [['RR', true], ['XX', true]]), isKnown)).toBeUndefined();
  });

  it('names CPT codes and CPT numeric modifiers without asking the dataset', () => {
    expect(resolveCandidate(candidate('99213', [['25', false]], 'cpt'), isKnown)?.item).toEqual({ code: '99213', modifiers: ['25'] });
    expect(resolveCandidate(candidate('59', [], 'modifier'), isKnown)?.item).toEqual({ code: '59' });
    expect(resolveCandidate(candidate('12', [], 'modifier'), isKnown)).toBeUndefined();
  });
});

describe('every code and modifier of the bundled release', () => {
  it('matches the detector’s shapes and is found in a sentence', () => {
    const lookup = bundledLookup();
    const missed: string[] = [];
    for (const record of lookup.all()) {
      if (record.kind === 'code') {
        expect(record.code).toMatch(HCPCS_CODE);
        const text = `Bill ${record.code} today`;
        const c = candidateAt(text, 5);
        if (!c || resolveCandidate(c, inDataset)?.item.code !== record.code) missed.push(record.code);
      } else {
        expect(record.code).toMatch(MODIFIER);
        const c = candidateAt(`Use the ${record.code} modifier.`, 8);
        if (!c || resolveCandidate(c, inDataset)?.item.code !== record.code) missed.push(record.code);
      }
    }
    expect(missed).toEqual([]);
  });
});
