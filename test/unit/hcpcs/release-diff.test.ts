/** The diff between two releases: every kind of change, counts, order and the TSV rows. */
import { describe, expect, it } from 'vitest';
import { toTsv } from '../../../src/common/tsv';
import { diffReleases, diffRows, type ChangeKind } from '../../../src/hcpcs/release-diff';
import { makeRecord } from '../support/make-record';

const kinds = (before: Parameters<typeof diffReleases>[0], after: Parameters<typeof diffReleases>[1]) =>
  diffReleases(before, after).changes.map((c) => [c.code, c.kind, c.fields] as const);

describe('diffReleases', () => {
  it('finds nothing between a release and itself', () => {
    const records = [makeRecord('RR'), makeRecord('E1392', { pricing: ['36'] })];
    const diff = diffReleases(records, records.map((r) => ({ ...r })));
    expect(diff.changes).toEqual([]);
    expect(Object.values(diff.counts).every((n) => n === 0)).toBe(true);
  });

  it('a code only in the newer release is added, only in the older one removed', () => {
    const diff = diffReleases([makeRecord('A0001'), makeRecord('XX')], [makeRecord('A0001'), makeRecord('A0002', { action: 'A', added: '2026-01-01' })]);
    expect(diff.changes.map((c) => [c.code, c.recordKind, c.kind, c.fields])).toEqual([
      ['XX', 'modifier', 'removed', []],
      ['A0002', 'code', 'added', []],
    ]);
    expect(diff.changes[0]!.before?.code).toBe('XX');
    expect(diff.changes[1]!.after?.added).toBe('2026-01-01');
  });

  it('a termination date set or moved is a termination; cleared, a reinstatement', () => {
    const before = [makeRecord('C5271'), makeRecord('C5272', { termination: '2025-12-31' }), makeRecord('C5273', { termination: '2025-09-30' })];
    const after = [
      makeRecord('C5271', { termination: '2025-12-31', action: 'D' }),
      makeRecord('C5272', { termination: '2026-03-31', action: 'D' }),
      makeRecord('C5273', { action: 'R' }),
    ];
    expect(kinds(before, after)).toEqual([
      ['C5271', 'terminated', [{ field: 'termination', before: '', after: '2025-12-31' }]],
      ['C5272', 'terminated', [{ field: 'termination', before: '2025-12-31', after: '2026-03-31' }]],
      ['C5273', 'reinstated', [{ field: 'termination', before: '2025-09-30', after: '' }]],
    ]);
  });

  it('long and short descriptions are their own kinds; spacing alone is not a change', () => {
    const before = [makeRecord('G0417', { long: 'Surgical pathology, prostate needle  biopsy', short: 'Path prostate' }), makeRecord('J0759', { short: 'Old short' })];
    const after = [makeRecord('G0417', { long: 'Surgical pathology, prostate needle biopsy ', short: 'Path prostate' }), makeRecord('J0759', { short: 'New short' })];
    expect(kinds(before, after)).toEqual([['J0759', 'short', [{ field: 'short', before: 'Old short', after: 'New short' }]]]);
    const worded = kinds([makeRecord('A2001', { long: 'Innovamatrix ac, per sq cm' })], [makeRecord('A2001', { long: 'InnovaMatrix AC, per square centimeter' })]);
    expect(worded).toEqual([['A2001', 'long', [{ field: 'long', before: 'Innovamatrix ac, per sq cm', after: 'InnovaMatrix AC, per square centimeter' }]]]);
  });

  it('any other field is an other change, each field before → after in layout order', () => {
    const before = makeRecord('A2001', { pricing: ['13'], ascGroup: '', coverage: 'C', betos: 'D1A', typeOfService: ['1'], crossReference: ['Q4106'] });
    const after = makeRecord('A2001', { pricing: ['11'], ascGroup: 'YY', ascDate: '2026-01-01', coverage: 'D', betos: 'D1B', typeOfService: ['1', 'P'], crossReference: [] });
    expect(kinds([before], [after])).toEqual([
      [
        'A2001',
        'other',
        [
          { field: 'pricing', before: '13', after: '11' },
          { field: 'crossReference', before: 'Q4106', after: '' },
          { field: 'coverage', before: 'C', after: 'D' },
          { field: 'ascGroup', before: '', after: 'YY' },
          { field: 'ascDate', before: '', after: '2026-01-01' },
          { field: 'betos', before: 'D1A', after: 'D1B' },
          { field: 'typeOfService', before: '1', after: '1,P' },
        ],
      ],
    ]);
  });

  it('a code changed in several ways gives one change per kind, in kind order', () => {
    const before = makeRecord('E0100', { long: 'Cane', pricing: ['46'] });
    const after = makeRecord('E0100', { long: 'Cane, any material', pricing: ['45'], termination: '2026-03-31', action: 'D' });
    expect(kinds([before], [after]).map(([, kind]) => kind)).toEqual(['terminated', 'long', 'other']);
  });

  it('the action code and its date date a change; alone they are none', () => {
    const before = [makeRecord('A4295', { action: 'A', actionEffective: '2025-10-01' }), makeRecord('A0130', { actionEffective: '' })];
    const after = [makeRecord('A4295', { action: 'N', actionEffective: '2025-10-01' }), makeRecord('A0130', { actionEffective: '1982-01-01' })];
    expect(diffReleases(before, after).changes).toEqual([]);
  });

  it('counts every kind, and lists modifiers first, then codes in code order', () => {
    const before = [makeRecord('AA'), makeRecord('ZZ'), makeRecord('B0002', { betos: 'X' }), makeRecord('A0003')];
    const after = [makeRecord('A0001'), makeRecord('AA', { short: 'changed' }), makeRecord('B0002', { betos: 'Y' }), makeRecord('A0003', { termination: '2026-06-30' })];
    const diff = diffReleases(before, after);
    expect(diff.changes.map((c) => `${c.code} ${c.kind}`)).toEqual(['AA short', 'ZZ removed', 'A0001 added', 'A0003 terminated', 'B0002 other']);
    const expected: Record<ChangeKind, number> = { added: 1, terminated: 1, reinstated: 0, removed: 1, long: 0, short: 1, other: 1 };
    expect(diff.counts).toEqual(expected);
  });

  it('a repeating field keeps a blank position inside the list and drops trailing blanks', () => {
    expect(kinds([makeRecord('K0001', { pricing: ['', '45', ''] })], [makeRecord('K0001', { pricing: ['', '46'] })])).toEqual([
      ['K0001', 'other', [{ field: 'pricing', before: ',45', after: ',46' }]],
    ]);
  });
});

describe('diffRows', () => {
  it('copies as TSV: a header, one row per field changed, added and removed with their description', () => {
    const before = [makeRecord('E0100', { long: 'Cane', pricing: ['46'], coverage: 'C' }), makeRecord('E0200', { long: 'Old\tlamp' })];
    const after = [makeRecord('E0100', { long: 'Cane', pricing: ['45'], coverage: 'D' }), makeRecord('E0101', { long: 'Cane, quad' })];
    expect(toTsv(diffRows(diffReleases(before, after)))).toBe(
      [
        'Code\tChange\tField\tBefore\tAfter',
        'E0100\tOther field changed\tPricing indicator\t46\t45',
        'E0100\tOther field changed\tCoverage\tC\tD',
        'E0101\tAdded\tLong description\t\tCane, quad',
        'E0200\tRemoved from the file\tLong description\tOld lamp\t',
      ].join('\n'),
    );
  });
});
