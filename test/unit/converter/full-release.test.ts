/**
 * The real CMS releases, where they are present (CI has them in
 * ../shared/data/hcpcs; set HCPCS_RELEASE_DIR to point elsewhere): the
 * committed dataset is exactly what the converter makes of the newest one,
 * and every field of every record matches the raw files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertRelease } from '../../../data/converter/convert-release';
import { DEFAULT_DATASET } from '../../../data/converter/output';
import { findReleaseFiles } from '../../../data/converter/release-files';
import { encodeDataset } from '../../../src/hcpcs/dataset-format';
import { differences, readRawExcel, readRawText } from '../support/raw-release';

const ROOT = new URL('../../../', import.meta.url).pathname;
const RELEASES = resolve(process.env.HCPCS_RELEASE_DIR ?? join(ROOT, '../shared/data/hcpcs'));
const JANUARY = join(RELEASES, 'HCPC2026_JAN_ANWEB_01122026.txt');
const OCTOBER = join(RELEASES, 'HCPC2025_OCT_ANWEB.xlsx');
const present = existsSync(JANUARY) && existsSync(OCTOBER);

if (!present) console.warn(`Full-release tests skipped: the raw CMS files are not in ${RELEASES} (set HCPCS_RELEASE_DIR).`);

describe.skipIf(!present)(`full CMS releases in ${RELEASES}`, () => {
  it('the committed dataset is byte for byte what the converter makes of the newest release', async () => {
    const files = findReleaseFiles(RELEASES);
    expect(files.data.name).toBe('HCPC2026_JAN_ANWEB_01122026.txt');
    const started = performance.now();
    const { dataset, warnings } = await convertRelease(files);
    expect(warnings).toEqual([]);
    expect(encodeDataset(dataset) === readFileSync(DEFAULT_DATASET, 'utf8')).toBe(true);
    expect(performance.now() - started).toBeGreaterThan(0);
  });

  it('January 2026: 8,623 codes and 383 modifiers, every field equal to the raw file', async () => {
    const { dataset } = await convertRelease(findReleaseFiles(JANUARY));
    expect(dataset.release).toMatchObject({ codes: 8623, modifiers: 383, sourceSha256: '1a9ce53ae6546c54e8150fc51b25d2b3e3eeefbca657c2ab2f7f1d7888a2239e' });
    const raw = readRawText(readFileSync(JANUARY, 'latin1'));
    expect(raw.size).toBe(9006);
    expect(differences(raw, dataset.records)).toEqual([]);
  });

  it('October 2025 (Excel): 8,463 codes and 383 modifiers, every field equal to the raw file', async () => {
    const { dataset } = await convertRelease(findReleaseFiles(OCTOBER));
    expect(dataset.release).toMatchObject({ year: 2025, quarter: 4, codes: 8463, modifiers: 383 });
    const raw = await readRawExcel(readFileSync(OCTOBER));
    const byCode = new Map([...raw].map(([code, record]) => [code.trim(), record]));
    expect(byCode.size).toBe(8846);
    expect(differences(byCode, dataset.records)).toEqual([]);
  });

  it('data/README.md names the input behind the committed dataset by its sha256', () => {
    const readme = readFileSync(join(ROOT, 'data/README.md'), 'utf8');
    const header = JSON.parse(readFileSync(DEFAULT_DATASET, 'utf8').split('\n')[1]!.slice(1)) as { release: { sourceSha256: string } };
    expect(readme).toContain(`| sha256 of that file | \`${header.release.sourceSha256}\` |`);
  });
});
