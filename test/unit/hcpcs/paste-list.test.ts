import { describe, expect, it } from 'vitest';
import { parsePastedList } from '../../../src/hcpcs/paste-list';

const entries = (text: string) => parsePastedList(text).entries;

describe('parsePastedList', () => {
  it('reads one code a line, or codes separated by commas, semicolons, tabs or spaces', () => {
    const expected = [
      { code: 'E1392', modifiers: [] },
      { code: 'J1100', modifiers: [] },
      { code: 'A4253', modifiers: [] },
    ];
    expect(entries('E1392\nJ1100\r\nA4253\n')).toEqual(expected);
    expect(entries('E1392, J1100; A4253')).toEqual(expected);
    expect(entries('E1392\tJ1100 A4253')).toEqual(expected);
  });

  it('attaches the modifiers written with a code, however they are joined', () => {
    const e1392rr = [{ code: 'E1392', modifiers: ['RR'] }];
    for (const text of ['E1392-RR', 'E1392RR', 'e1392rr', 'E1392 RR', 'E1392:RR', 'E1392 (RR)', 'HC:E1392:RR', 'HC>E1392>RR']) {
      expect(entries(text), text).toEqual(e1392rr);
    }
    expect(entries('E1392-RR-KX')).toEqual([{ code: 'E1392', modifiers: ['RR', 'KX'] }]);
    expect(entries('E1392 RR KX, J1100 JW')).toEqual([
      { code: 'E1392', modifiers: ['RR', 'KX'] },
      { code: 'J1100', modifiers: ['JW'] },
    ]);
  });

  it('keeps at most four modifiers on a code; a fifth stands on its own', () => {
    expect(entries('E1392 RR KX GA NU GY')).toEqual([
      { code: 'E1392', modifiers: ['RR', 'KX', 'GA', 'NU'] },
      { code: 'GY', modifiers: [] },
    ]);
  });

  it('lists a modifier on its own line as a modifier', () => {
    expect(entries('RR\nKX')).toEqual([
      { code: 'RR', modifiers: [] },
      { code: 'KX', modifiers: [] },
    ]);
  });

  it('keeps CPT codes and numeric modifiers, for the table to name them', () => {
    expect(entries('99213 25, 0001U')).toEqual([
      { code: '99213', modifiers: ['25'] },
      { code: '0001U', modifiers: [] },
    ]);
  });

  it('does not read lower-case words of pasted prose as modifiers', () => {
    const list = parsePastedList('E1392 rental of portable concentrator');
    expect(list.entries).toEqual([{ code: 'E1392', modifiers: [] }]);
    expect(list.ignored).toEqual(['rental', 'of', 'portable', 'concentrator']);
  });

  it('ignores tokens that are not code-shaped, and parts of longer tokens', () => {
    const list = parsePastedList('XE1392, E13925, E1392X, CLM-000123, total: $250.00');
    expect(list.entries).toEqual([]);
    expect(list.ignored).toEqual(['XE1392', 'E13925', 'E1392X', 'CLM-000123', 'total:', '$250.00']);
  });

  it('keeps the first entries of a very long paste and says it did', () => {
    const list = parsePastedList(Array.from({ length: 12 }, () => 'E1392').join('\n'), 10);
    expect(list.entries).toHaveLength(10);
    expect(list.truncated).toBe(true);
    expect(parsePastedList('E1392').truncated).toBe(false);
  });
});
