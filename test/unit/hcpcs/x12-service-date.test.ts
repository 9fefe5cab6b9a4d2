import { describe, expect, it } from 'vitest';
import { readIsaSeparators } from '../../../src/hcpcs/x12';
import { x12ServiceDate } from '../../../src/hcpcs/x12-service-date';

const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *260105*1200*^*00501*000000001*0*P*:~';
/** The date of service of the `nth` occurrence of `code` in `text`. */
const at = (text: string, code: string, nth = 0) => {
  let i = -1;
  for (let n = 0; n <= nth; n++) i = text.indexOf(code, i + 1);
  return x12ServiceDate(text, i, readIsaSeparators(text));
};

const P837 = [
  ISA,
  'ST*837*0001*005010X222A1~',
  'CLM*PATIENT1*300***11:B:1*Y*A*Y*Y~',
  'DTP*431*D8*20251201~',
  'HI*ABK:J1100~',
  'LX*1~',
  'SV1*HC:E1390:RR*250*UN*1***1~',
  'DTP*472*D8*20260115~',
  'LX*2~',
  'SV1*HC:A4253*50*UN*1***1~',
  'DTP*471*D8*20251001~',
  'DTP*472*RD8*20260102-20260131~',
  'LX*3~',
  'SV1*HC:E0431*10*UN*1***1~',
  'DTP*471*D8*20260110~',
  'SE*14*0001~',
].join('\n');

describe('x12ServiceDate: 837P', () => {
  it('pairs each SV1 with the DTP*472 of its own LX loop', () => {
    expect(at(P837, 'E1390')).toEqual({ source: 'dtp-472', from: '2026-01-15' });
    expect(at(P837, 'A4253')).toEqual({ source: 'dtp-472', from: '2026-01-02', to: '2026-01-31' });
  });

  it('never takes another qualifier or the next loop’s date', () => {
    expect(at(P837, 'E0431')).toBeUndefined();
    expect(at(P837, 'J1100')).toBeUndefined();
  });

  it('reads a file on one line with the separators its ISA declares', () => {
    const oneLine = P837.replaceAll('\n', '').replaceAll('*', '|').replace('|:~', '|>~').replaceAll('HC:', 'HC>').replaceAll(':RR', '>RR');
    expect(at(oneLine, 'E1390')).toEqual({ source: 'dtp-472', from: '2026-01-15' });
    expect(at(oneLine, 'E0431')).toBeUndefined();
  });

  it('gives no date for two different DTP*472 in one loop, and an unreadable one for a bad date', () => {
    expect(at('LX*1~SV1*HC:E1390*1~DTP*472*D8*20260115~DTP*472*D8*20260116~', 'E1390')).toBeUndefined();
    expect(at('LX*1~SV1*HC:E1390*1~DTP*472*D8*20260230~', 'E1390')).toEqual({ source: 'dtp-472', unreadable: true });
  });
});

describe('x12ServiceDate: 837I', () => {
  const I837 = ['CLM*PAT2*900***13:A:1~', 'DTP*434*RD8*20251201-20251231~', 'LX*1~', 'SV2*0274*HC:E1390*400*UN*1~', 'LX*2~', 'SV2*0274*HC:A4253*50*UN*1~', 'DTP*472*D8*20251215~', 'SE*9*1~'].join('\n');

  it('takes the line’s DTP*472, else the claim’s DTP*434 statement period as a fallback', () => {
    expect(at(I837, 'A4253')).toEqual({ source: 'dtp-472', from: '2025-12-15' });
    expect(at(I837, 'E1390')).toEqual({ source: 'dtp-434', from: '2025-12-01', to: '2025-12-31' });
  });
});

describe('x12ServiceDate: 835', () => {
  const R835 = [
    'CLP*PATIENT1*1*300*200*50*MC*123~',
    'DTM*232*20251201~',
    'DTM*233*20251231~',
    'SVC*HC:E1390:RR*250*200**1~',
    'DTM*472*20260115~',
    'CAS*CO*45*50~',
    'SVC*HC:A4253*50*0**1~',
    'DTM*150*20260102~',
    'DTM*151*20260131~',
    'SVC*HC:E0431*10*0**1~',
    'CAS*CO*181*10~',
    'CLP*PATIENT2*1*10*0*0*MC*124~',
    'SVC*HC:E0431*10*0**1~',
    'SE*20*1~',
  ].join('\n');

  it('pairs each SVC with its own DTM*472 or DTM*150/151 period', () => {
    expect(at(R835, 'E1390')).toEqual({ source: 'dtm-472', from: '2026-01-15' });
    expect(at(R835, 'A4253')).toEqual({ source: 'dtm-150-151', from: '2026-01-02', to: '2026-01-31' });
  });

  it('falls back to the claim’s DTM*232/233, and never to another claim’s', () => {
    expect(at(R835, 'E0431')).toEqual({ source: 'dtm-232-233', from: '2025-12-01', to: '2025-12-31' });
    expect(at(R835, 'E0431', 1)).toBeUndefined();
  });

  it('gives no date for half a period', () => {
    expect(at('SVC*HC:E1390*1*1~DTM*150*20260102~', 'E1390')).toBeUndefined();
  });
});
