import { describe, expect, it } from 'vitest';
import { readIsaSeparators, scanX12 } from '../../../src/hcpcs/x12';

const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *260105*1200*^*00501*000000001*0*P*:~';

describe('readIsaSeparators', () => {
  it('reads the element, component and segment separators of an ISA segment', () => {
    expect(readIsaSeparators(ISA)).toEqual({ element: '*', component: ':', segment: '~' });
    expect(readIsaSeparators(ISA.replaceAll('*', '|').replace('|:~', '|>~'))).toEqual({ element: '|', component: '>', segment: '~' });
  });

  it('reads an ISA after other text, unpadded, with newline terminators', () => {
    expect(readIsaSeparators('Interchange 1\nISA*00**00**ZZ*A*ZZ*B*260105*1200*^*00501*1*0*P*>\r\nGS*HC')).toEqual({ element: '*', component: '>', segment: '\n' });
  });

  it('returns undefined without an ISA segment or for a truncated one', () => {
    expect(readIsaSeparators('GS*HC*S*R~')).toBeUndefined();
    expect(readIsaSeparators('ISA*00*   *00*')).toBeUndefined();
    expect(readIsaSeparators('the ISA. account')).toBeUndefined();
  });
});

describe('scanX12', () => {
  it('reads a line as X12 only when a known segment starts it', () => {
    expect(scanX12('SV1*HC:E1390*1~').isX12).toBe(true);
    expect(scanX12('NOTE*E1390').isX12).toBe(false);
    expect(scanX12('Price * quantity').isX12).toBe(false);
    expect(scanX12(':RR*250*UN~DTP*472*D8*20260105~').isX12).toBe(true);
  });

  it('gives the index of each code and modifier', () => {
    const line = 'SV1*HC:E1390:RR:KX*250~';
    const [p] = scanX12(line).procedures;
    expect(p).toEqual({ start: 7, code: 'E1390', modifiers: [{ code: 'RR', start: 13 }, { code: 'KX', start: 16 }] });
  });
});
