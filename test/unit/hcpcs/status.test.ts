/** Status against a reference date: active, not yet effective, terminating, terminated, and what the release changed. */
import { describe, expect, it } from 'vitest';
import { recordStatus } from '../../../src/hcpcs/status';
import { nextReleaseDate, releaseLabel, staleNotice } from '../../../src/hcpcs/release';
import { convertSample } from '../support/sample-release';

async function statusOf(code: string, today: string) {
  const { dataset } = await convertSample('txt');
  const record = dataset.records.find((r) => r.code === code)!;
  return recordStatus(record, dataset.release, dataset.tables, today);
}

describe('code status', () => {
  it('E1392 is active, unchanged in 2026 Q1', async () => {
    expect(await statusOf('E1392', '2026-03-01')).toEqual([{ kind: 'active', label: 'Active' }]);
  });

  it('a code added this quarter is new, and not yet effective before its date', async () => {
    expect(await statusOf('A4295', '2026-01-15')).toEqual([
      { kind: 'active', label: 'Active' },
      { kind: 'new', label: 'New in 2026 Q1' },
    ]);
    expect((await statusOf('A4295', '2025-12-31'))[0]).toEqual({ kind: 'not-yet-effective', label: 'Not yet effective: starts Jan 1, 2026' });
  });

  it('a code discontinued this quarter is terminated after its last date, terminating before', async () => {
    expect(await statusOf('C5271', '2026-01-02')).toEqual([
      { kind: 'terminated', label: 'Terminated Dec 31, 2025' },
      { kind: 'discontinued', label: 'Discontinued in 2026 Q1' },
    ]);
    expect((await statusOf('C5271', '2025-12-31'))[0]).toEqual({ kind: 'terminating', label: 'Terminating: last valid date Dec 31, 2025' });
  });

  it('a code terminated long ago says so, with no release change', async () => {
    expect(await statusOf('A4466', '2026-11-27')).toEqual([{ kind: 'terminated', label: 'Terminated Dec 31, 2016' }]);
  });

  it('a changed code names the change by its action code', async () => {
    expect((await statusOf('A2001', '2026-02-01'))[1]).toEqual({ kind: 'changed', label: 'Changed in 2026 Q1: change in long description of procedure or modifier code' });
    expect((await statusOf('A9507', '2026-02-01'))[1]?.label).toMatch(/^Changed in 2026 Q1: payment change \(MOG, pricing indicator codes, anesthesia base units,Ambulatory Surgical Centers\)$/);
    expect((await statusOf('J0759', '2026-02-01'))[1]?.label).toBe('Changed in 2026 Q1: change in short description of procedure code');
  });
});

describe('release', () => {
  it('is named as billing staff name it, and knows when the next one is due', async () => {
    const { release } = (await convertSample('txt')).dataset;
    expect(releaseLabel(release)).toBe('2026 Q1');
    expect(nextReleaseDate(release)).toBe('2026-04-01');
    expect(staleNotice(release, '2026-03-31')).toBeUndefined();
    expect(staleNotice(release, '2026-04-01')).toBe(
      'Newer CMS data exists: this is the 2026 Q1 release, and CMS has published quarterly updates since 2026-04-01. Load the newest CMS file in the options (CMS data), or update the extension.',
    );
  });
});
