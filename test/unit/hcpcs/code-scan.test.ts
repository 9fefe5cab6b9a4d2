import { describe, expect, it } from 'vitest';
import { resolveCandidate } from '../../../src/hcpcs/code-candidate';
import { candidateAt, scanCodes, type ScanOptions } from '../../../src/hcpcs/code-scan';
import type { LookupItem } from '../../../src/hcpcs/tooltip-model';
import { inDataset } from '../../support/dataset';

/** What the tooltip would show for the text under the pointer at `at` (a substring, pointed at its first character). */
function hover(text: string, at: string, options: ScanOptions = {}): LookupItem | undefined {
  const offset = text.indexOf(at);
  if (offset < 0) throw new Error(`"${at}" is not in "${text}"`);
  const candidate = candidateAt(text, offset, options);
  return candidate && resolveCandidate(candidate, inDataset)?.item;
}

/** Every code and modifier the whole text would show, as "E1392+RR+KX". */
function all(text: string, options: ScanOptions = {}): string[] {
  return scanCodes(text, options)
    .map((c) => resolveCandidate(c, inDataset)?.item)
    .filter((i) => i !== undefined)
    .map((i) => [i.code, ...(i.modifiers ?? [])].join('+'));
}

describe('a code as a whole token', () => {
  it.each(['E1392', '(E1392)', 'E1392,', 'E1392.', 'E1392;', '[E1392]', '"E1392"', 'Code: E1392', '#E1392', 'E1392!', '\u200bE1392\u200b', '\u202aE1392\u202c'])(
    'finds E1392 in %j',
    (text) => {
      expect(hover(text, 'E1392')).toEqual({ code: 'E1392' });
    },
  );

  it.each(['XE1392', 'E13925', 'E1392X', '#E1392A', 'E1392_A', 'e1392x', '1E1392', '_E1392', 'E1392.5', 'E\u200b1392', 'CLM-E1392-0001', 'E1392-0001', 'ABC-E1392', 'E1392RRX', 'E1392é', 'CLM\u2013E1392\u20130001', 'CLM\u2011E1392'])(
    'finds no code in %j',
    (text) => {
      expect(all(text)).toEqual([]);
    },
  );

  it('reads lower case as no code: CMS, X12 and claim forms write codes in capitals', () => {
    expect(all('e1392 j1100 e1392-rr')).toEqual([]);
  });

  it('shows only codes in the dataset', () => {
    expect(all('E1392 E9999 J1100 A0000')).toEqual(['E1392', 'J1100']);
  });

  it('reads a range as two codes', () => {
    expect(all('E0100-E0105')).toEqual(['E0100', 'E0105']);
    expect(all('E0100\u2013E0105')).toEqual(['E0100', 'E0105']);
    expect(all('E0100–E0105')).toEqual(['E0100', 'E0105']);
    expect(hover('E0100-E0105', 'E0105')).toEqual({ code: 'E0105' });
  });

  it('points at the code from any of its characters, and not past it', () => {
    const text = 'Bill E1392 today';
    for (let i = 5; i < 10; i++) expect(candidateAt(text, i)?.code).toBe('E1392');
    expect(candidateAt(text, 4)).toBeUndefined();
    expect(candidateAt(text, 10)).toBeUndefined();
  });
});

describe('modifiers written with a code', () => {
  it.each([
    ['E1392RR', ['RR']],
    ['E1392-RR', ['RR']],
    ['E1392 RR', ['RR']],
    ['E1392-RR-KX', ['RR', 'KX']],
    ['E1392 RR KX', ['RR', 'KX']],
    ['E1392:RR', ['RR']],
    ['E1392 (RR)', ['RR']],
    ['E1392(RR, KX)', ['RR', 'KX']],
    ['E1392\u00a0RR', ['RR']],
    ['E1392RRKX', ['RR', 'KX']],
    ['E1392-RR KX', ['RR', 'KX']],
    ['E1392-RR-KX-GA-GY', ['RR', 'KX', 'GA', 'GY']],
    ['E1392\u2013RR\u2013KX', ['RR', 'KX']],
    ['E1392\u2011RR', ['RR']],
  ])('%j has modifiers %j', (text, modifiers) => {
    expect(hover(text, 'E1392')).toEqual({ code: 'E1392', modifiers });
  });

  it('keeps at most four modifiers', () => {
    expect(hover('E1392-RR-KX-GA-GY-GZ', 'E1392')?.modifiers).toEqual(['RR', 'KX', 'GA', 'GY']);
  });

  it('shows the code and its modifiers when the pointer is on a modifier', () => {
    expect(hover('E1392-RR-KX', 'KX')).toEqual({ code: 'E1392', modifiers: ['RR', 'KX'] });
  });

  it('counts only real modifiers, stopping at the first that is not', () => {
    expect(hover('E1392 RR ZZ KX', 'E1392')).toEqual({ code: 'E1392', modifiers: ['RR'] });
    expect(hover('E1392-ZZ', 'E1392')).toEqual({ code: 'E1392' });
  });

  it('reads a code with letters glued on that are not all modifiers as another token', () => {
    expect(all('E1392ZZ')).toEqual([]);
    expect(all('E1392RRZZ')).toEqual([]);
  });

  it('names numeric CPT modifiers, but reads other numbers as units or amounts', () => {
    expect(hover('E1392-59', 'E1392')).toEqual({ code: 'E1392', modifiers: ['59'] });
    expect(hover('E1392-RR-25', 'E1392')).toEqual({ code: 'E1392', modifiers: ['RR', '25'] });
    expect(hover('E1392 RR 59', 'E1392')).toEqual({ code: 'E1392', modifiers: ['RR'] });
    expect(hover('E1392-12', 'E1392')).toEqual({ code: 'E1392' });
    expect(hover('E1392 RR 1 $250.00', 'E1392')).toEqual({ code: 'E1392', modifiers: ['RR'] });
  });

  it('reads a remittance group code before a reason as no modifier', () => {
    expect(hover('E1392 CO 45', 'E1392')).toEqual({ code: 'E1392' });
    expect(hover('E1392 CO-45 $12.00', 'E1392')).toEqual({ code: 'E1392' });
    expect(hover('E1392 RR PR 1', 'E1392')).toEqual({ code: 'E1392', modifiers: ['RR'] });
    expect(hover('E1392 OA 23', 'E1392')).toEqual({ code: 'E1392' });
    expect(hover('E1392 CO', 'E1392')).toEqual({ code: 'E1392', modifiers: ['CO'] });
    expect(hover('E1392-CO', 'E1392')).toEqual({ code: 'E1392', modifiers: ['CO'] });
    expect(hover('E1392 CO 45', 'CO')).toBeUndefined();
  });

  it('reads modifiers that are English words as prose when words follow', () => {
    expect(hover('Bill E1392 AT home', 'E1392')).toEqual({ code: 'E1392' });
    expect(hover('BILL E1392 AS RENTAL', 'E1392')).toEqual({ code: 'E1392' });
    expect(hover('E1392 RR AT', 'E1392')).toEqual({ code: 'E1392', modifiers: ['RR', 'AT'] });
    expect(hover('E1392-AT home', 'E1392')).toEqual({ code: 'E1392', modifiers: ['AT'] });
  });

  it('leaves parenthesised words alone', () => {
    expect(hover('E1392 (Portable concentrator)', 'E1392')).toEqual({ code: 'E1392' });
  });
});

describe('CPT codes', () => {
  it('names a five-digit code only where it is plainly a procedure code', () => {
    expect(all('Zip 99213')).toEqual([]);
    expect(all('99213', { role: 'code' })).toEqual(['99213']);
    expect(all('CPT 99213-25')).toEqual(['99213+25']);
    expect(all('CPT® code: 0042T')).toEqual(['0042T']);
  });
});

describe('diagnosis codes that look like HCPCS codes', () => {
  it('shows nothing for text a label calls a diagnosis', () => {
    expect(all('J1100', { role: 'diagnosis' })).toEqual([]);
    expect(all('Dx: J1100, E1100')).toEqual([]);
    expect(all('ICD-10-CM J1100')).toEqual([]);
    expect(all('Diagnosis code 1: E1100 and J1100; procedure J1100')).toEqual(['J1100']);
  });
});

describe('modifiers standing alone', () => {
  it('explains a modifier in a modifier column or field', () => {
    expect(all('RR', { role: 'modifier' })).toEqual(['RR']);
    expect(all('RR, KX', { role: 'modifier' })).toEqual(['RR', 'KX']);
    expect(all('59', { role: 'modifier' })).toEqual(['59']);
    expect(all('N/A', { role: 'modifier' })).toEqual([]);
  });

  it('explains a modifier prose names as one', () => {
    expect(all('Append the KX modifier when requirements are met.')).toEqual(['KX']);
    expect(all('Use modifier GA for a signed ABN.')).toEqual(['GA']);
    expect(all('Modifiers GA, GY and GZ describe liability.')).toEqual(['GA', 'GY', 'GZ']);
    expect(all('the GA or GZ modifier')).toEqual(['GA', 'GZ']);
    expect(all('the "KX" modifier')).toEqual(['KX']);
    expect(all('modifier 59')).toEqual(['59']);
  });

  it('leaves two-letter words alone elsewhere', () => {
    expect(all('GA RT NU and KX')).toEqual([]);
    expect(all('Status: NU')).toEqual([]);
  });
});

describe('X12', () => {
  const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *260105*1200*^*00501*000000001*0*P*:~';

  it('reads the HCPCS composite of SV1 with its modifiers', () => {
    expect(all('SV1*HC:E1390:RR:KX*250*UN*1***1~')).toEqual(['E1390+RR+KX']);
    expect(hover('SV1*HC:E1390:RR*250*UN*1***1~', 'RR')).toEqual({ code: 'E1390', modifiers: ['RR'] });
  });

  it('uses the component separator the ISA segment declares', () => {
    const gt = ISA.replace('*:~', '*>~');
    expect(all(`${gt}\nSV1*HC>E1390>RR*250*UN*1***1~`)).toEqual(['E1390+RR']);
    expect(all('SV1*HC>E1390>RR*250*UN*1***1~', { x12: { element: '*', component: '>', segment: '~' } })).toEqual(['E1390+RR']);
  });

  it('infers the separators when no ISA segment is shown', () => {
    expect(all('SV5*HC>E1390>RR*DA*1*250*300*4~')).toEqual(['E1390+RR']);
    expect(all('SV2*0274*HC:E1390:NU*125*UN*1~')).toEqual(['E1390+NU']);
    expect(all('SVC*HC:E1392:RR*250*200**1~')).toEqual(['E1392+RR']);
  });

  it('reads diagnosis codes in HI as no HCPCS code', () => {
    expect(all('HI*ABK:J1100*ABF:E1100~')).toEqual([]);
    expect(hover('CLM*A37YH556*500***11:B:1*Y*A*Y*I~HI*ABK:J1100*ABF:E1100~SV1*HC:E1390:RR*250~', 'J1100')).toBeUndefined();
  });

  it('reads nothing outside procedure composites in an X12 segment', () => {
    expect(all('CLM*E1392-0001*500***11:B:1*Y*A*Y*I~')).toEqual([]);
    expect(all('CAS*CO*45*12.50~')).toEqual([]);
    expect(all('REF*G1*E1392~')).toEqual([]);
  });

  it('reads a whole interchange on one line', () => {
    const edi = `${ISA}GS*HC*S*R*20260105*1200*1*X*005010X222A1~ST*837*0001~HI*ABK:J1100~SV1*HC:E1390:RR:KX*250*UN*1***1~SV1*HC:J1100*10*UN*1***1~SE*5*0001~`;
    expect(all(edi)).toEqual(['E1390+RR+KX', 'J1100']);
  });

  it('names CPT codes in a procedure composite', () => {
    expect(all('SV1*HC:99213:25*100*UN*1***1~')).toEqual(['99213+25']);
  });
});
