import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../../src/hcpcs/service-date-parse';

const TODAY = '2026-12-07';
const read = (text: string) => parseDateText(text, TODAY);

describe('parseDateText', () => {
  it('reads every format billers write a date of service in', () => {
    for (const text of ['01/15/2026', '1/15/26', '01-15-2026', '2026-01-15', '20260115', '011526', '01152026', '01 15 26', '01 15 2026', '15-Jan-2026', '15 jan 2026', '01.15.2026']) {
      expect(read(text), text).toEqual({ from: '2026-01-15' });
    }
    expect(read('1/5/26')).toEqual({ from: '2026-01-05' });
  });

  it('reads periods written with a dash, an en dash or a word', () => {
    for (const text of ['01/02/2026 - 01/31/2026', '01/02/2026–01/31/2026', '1/2/26 to 1/31/26', '20260102-20260131', '2026-01-02 thru 2026-01-31', '02-Jan-2026 - 31-Jan-2026']) {
      expect(read(text), text).toEqual({ from: '2026-01-02', to: '2026-01-31' });
    }
    expect(read('01/15/2026 - 01/15/2026')).toEqual({ from: '2026-01-15' });
  });

  it('reads a two-digit year as 20YY unless that is more than a year ahead of today', () => {
    expect(read('12/01/27')).toEqual({ from: '2027-12-01' });
    expect(read('12/31/27')).toEqual('not-understood'); // 1927: before HCPCS existed
    expect(read('06/30/99')).toEqual({ from: '1999-06-30' });
    expect(parseDateText('06/30/99', '2098-12-01')).toEqual({ from: '2099-06-30' });
  });

  it('calls an impossible date or a reversed period not understood, never a date', () => {
    for (const text of ['02/30/2026', '13/01/2026', '2026-02-29', '00/10/2026', '02292026', '01/31/2026 - 01/02/2026', '15-Foo-2026', '12/31/1982']) {
      expect(read(text), text).toBe('not-understood');
    }
  });

  it('finds no date in empty cells, N/A and words', () => {
    for (const text of ['', '  ', 'N/A', 'n/a', '—', 'Pending', 'E1392', '1234', 'Claim 20260115A']) expect(read(text), text).toBeUndefined();
  });
});
