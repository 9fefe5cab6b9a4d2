import { describe, expect, it } from 'vitest';
import { bundledLookup } from '../../support/dataset';
import { lastCoveredDay, serviceVerdict } from '../../../src/hcpcs/service-date-verdict';
import type { ServiceDate } from '../../../src/hcpcs/service-date';

const lookup = bundledLookup();
const release = lookup.dataset.release;
const dates = (code: string) => {
  const r = code.length === 2 ? lookup.modifier(code) : lookup.code(code);
  return r && { added: r.added, termination: r.termination };
};
const on = (from: string, to?: string, source: ServiceDate['source'] = 'dos-column'): ServiceDate => (to ? { source, from, to } : { source, from });

describe('serviceVerdict against the bundled release', () => {
  it('is a 2026 Q1 release (the fixtures below are its real dates)', () => {
    expect(release).toMatchObject({ year: 2026, quarter: 1 });
    expect(dates('A4295')).toEqual({ added: '2026-01-01', termination: '' });
    expect(dates('C5271')).toEqual({ added: '2014-01-01', termination: '2025-12-31' });
    expect(dates('JG')).toEqual({ added: '2018-01-01', termination: '2024-12-31' });
  });

  it('says valid, with where the date came from', () => {
    expect(serviceVerdict(dates('A4295'), on('2026-01-15'), release)).toEqual({ kind: 'valid', text: 'Valid on 01/15/2026', source: 'DOS column' });
    expect(serviceVerdict(dates('E1392'), on('2026-01-02', '2026-01-31', 'dtp-472'), release)).toEqual({ kind: 'valid', text: 'Valid 01/02/2026 – 01/31/2026', source: 'DTP*472' });
  });

  it('says why a code or modifier is not valid: before its added date, after its termination', () => {
    expect(serviceVerdict(dates('A4295'), on('2025-12-15'), release).text).toBe('Not valid on 12/15/2025: added 01/01/2026');
    expect(serviceVerdict(dates('C5271'), on('2026-02-01'), release)).toMatchObject({ kind: 'not-valid', text: 'Not valid on 02/01/2026: terminated 12/31/2025' });
    expect(serviceVerdict(dates('JG'), on('2025-03-01'), release)).toMatchObject({ kind: 'not-valid', text: 'Not valid on 03/01/2025: terminated 12/31/2024' });
    expect(serviceVerdict(dates('C5271'), on('2025-12-31'), release).kind).toBe('valid'); // the termination date is the last valid day
    expect(serviceVerdict(dates('A4295'), on('2026-01-01'), release).kind).toBe('valid');
  });

  it('gives a caution, not a verdict, for a period that spans an added or termination date', () => {
    expect(serviceVerdict(dates('C5271'), on('2025-12-20', '2026-01-10'), release)).toMatchObject({ kind: 'caution', text: '12/20/2025 – 01/10/2026 spans the termination on 12/31/2025: split the line' });
    expect(serviceVerdict(dates('A4295'), on('2025-12-20', '2026-01-10'), release)).toMatchObject({ kind: 'caution', text: '12/20/2025 – 01/10/2026 spans the added date 01/01/2026: split the line' });
  });

  it('turns a claim-level fallback period into a caution', () => {
    expect(serviceVerdict(dates('A4295'), on('2025-12-01', '2025-12-31', 'dtp-434'), release)).toMatchObject({ kind: 'caution', source: 'DTP*434 statement period' });
    expect(serviceVerdict(dates('E1392'), on('2025-12-01', '2025-12-31', 'dtm-232-233'), release).kind).toBe('valid');
  });

  it('is neutral after the last day the release covers', () => {
    expect(lastCoveredDay(release)).toBe('2026-03-31');
    expect(serviceVerdict(dates('C5271'), on('2026-04-01'), release)).toMatchObject({ kind: 'neutral', text: 'After 03/31/2026, the end of CMS 2026 Q1: a newer release may differ' });
  });

  it('never judges a date it does not understand or one far outside the release', () => {
    expect(serviceVerdict(dates('C5271'), { source: 'dtp-472', unreadable: true }, release).kind).toBe('not-understood');
    expect(serviceVerdict(dates('C5271'), on('2027-01-02'), release).kind).toBe('not-understood');
    expect(serviceVerdict(dates('C5271'), on('1982-12-31'), release).kind).toBe('not-understood');
  });

  it('names a code the release does not hold', () => {
    expect(serviceVerdict(undefined, on('2026-01-15'), release)).toMatchObject({ kind: 'not-in-release', text: 'Not in CMS 2026 Q1: added after this release, dropped before it, or not an HCPCS code' });
  });
});
