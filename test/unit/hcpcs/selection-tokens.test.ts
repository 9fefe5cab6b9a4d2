import { describe, expect, it } from 'vitest';
import { selectionTokens } from '../../../src/hcpcs/selection-tokens';

describe('selectionTokens: what the context-menu lookup hands to the search', () => {
  it('keeps the code tokens and drops the selected text around them (it may be patient data)', () => {
    const query = selectionTokens('Pt Jane Roe, DOB 01/02/1960, member 88812345: E1392-RR denied, resubmit with KX; also j1100', 200);
    expect(query).toBe('E1392-RR J1100');
    expect(query).not.toMatch(/JANE|ROE|1960|88812345|DENIED/i);
  });

  it('takes a lone modifier, and nothing at all from text without a code', () => {
    expect(selectionTokens(' rr ', 200)).toBe('RR');
    expect(selectionTokens('Jane Roe, 12 Main St, Atlanta', 200)).toBe('');
  });

  it('stops at whole tokens within the length the search takes', () => {
    const query = selectionTokens('E0100 E0105 E0110 E0111 E0112', 17);
    expect(query).toBe('E0100 E0105 E0110');
  });
});
