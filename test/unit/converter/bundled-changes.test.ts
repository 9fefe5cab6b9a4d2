/**
 * The committed "changes" part (data/hcpcs-changes.tsv): it leads to the
 * bundled release and agrees with it, always; and where the raw CMS files are
 * present (../shared/data/hcpcs, or HCPCS_RELEASE_DIR), it is byte for byte
 * what `npm run data:changes` makes of October 2025 → January 2026.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANGES, DEFAULT_DATASET } from '../../../data/converter/output';
import { releaseChanges } from '../../../data/converter/release-changes';
import { openDataset } from '../../../src/hcpcs/dataset-open';
import { decodeHistory } from '../../../src/hcpcs/history-format';

const ROOT = new URL('../../../', import.meta.url).pathname;
const RELEASES = resolve(process.env.HCPCS_RELEASE_DIR ?? join(ROOT, '../shared/data/hcpcs'));
const JANUARY = join(RELEASES, 'HCPC2026_JAN_ANWEB_01122026.txt');
const OCTOBER = join(RELEASES, 'HCPC2025_OCT_ANWEB.xlsx');
const present = existsSync(JANUARY) && existsSync(OCTOBER);

describe('the committed changes part', () => {
  const history = decodeHistory(readFileSync(DEFAULT_CHANGES, 'utf8'));
  const dataset = openDataset(readFileSync(DEFAULT_DATASET, 'utf8'));

  it('is one step that ends at the bundled release', () => {
    expect(history.steps).toHaveLength(1);
    const [step] = history.steps;
    expect(step!.to).toEqual({
      year: dataset.meta.release.year,
      quarter: dataset.meta.release.quarter,
      effective: dataset.meta.release.effective,
      sourceSha256: dataset.meta.release.sourceSha256,
    });
    expect(step!.from.effective < step!.to.effective).toBe(true);
  });

  it('names codes the bundled release has, except those removed from it', () => {
    const entries = history.steps[0]!.entries;
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect([entry.code, dataset.record(entry.code) !== undefined]).toEqual([entry.code, entry.kind !== 'removed']);
  });

  it('a description change keeps the text before it, which the bundled record no longer has', () => {
    for (const entry of history.steps[0]!.entries.filter((e) => e.kind === 'long' || e.kind === 'short')) {
      const field = entry.kind as 'long' | 'short';
      expect([entry.code, entry.before[field] !== dataset.record(entry.code)![field]]).toEqual([entry.code, true]);
    }
  });
});

if (!present) console.warn(`Changes-part tests against the raw files skipped: they are not in ${RELEASES} (set HCPCS_RELEASE_DIR).`);

describe.skipIf(!present)(`the changes part from the full CMS releases in ${RELEASES}`, () => {
  it('is byte for byte what the converter makes of October 2025 → January 2026', async () => {
    const { before, after, text } = await releaseChanges(OCTOBER, JANUARY);
    expect([before.release.year, before.release.quarter, after.release.year, after.release.quarter]).toEqual([2025, 4, 2026, 1]);
    expect(text === readFileSync(DEFAULT_CHANGES, 'utf8')).toBe(true);
  });
});
