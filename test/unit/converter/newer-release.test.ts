/**
 * The newer release the import e2e tests load (test/support/newer-release.ts)
 * differs from the bundled one by exactly the changes it declares, whether it
 * is built from the raw CMS file or from the bundled dataset written back in
 * CMS's columns; and the converter's browser entry picks its _v2.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertFile } from '../../../data/converter/convert-file';
import { convertRelease, latin1 } from '../../../data/converter/convert-release';
import { layoutFrom } from '../../../data/converter/layout-positions';
import { decodeDataset } from '../../../src/hcpcs/dataset-open';
import { diffReleases } from '../../../src/hcpcs/release-diff';
import { CMS_FIXTURES, fixedWidthLines, newerRelease, quarterAfter } from '../../support/newer-release';

const bundled = decodeDataset(readFileSync(new URL('../../../data/hcpcs-dataset.tsv', import.meta.url), 'utf8'));
const known = () => ({ layout: layoutFrom(JSON.parse(readFileSync(new URL('../../../data/hcpcs-layout.json', import.meta.url), 'utf8')), bundled), notes: undefined });

describe('the newer release of the import tests', () => {
  it('changes exactly what it declares, and its _v2 is taken', async () => {
    const newer = newerRelease();
    const result = await convertFile(newer.zipName, newer.zip, known());
    expect(result.used.data).toBe('HCPC2026_APR_ANWEB_v2.txt');
    expect(result.ignored.sort()).toEqual([...newer.ignored].sort());
    expect(result.dataset.release).toMatchObject({ year: 2026, quarter: 2, codes: bundled.release.codes + 2 });
    const diff = diffReleases(bundled.records, result.dataset.records);
    expect(diff.changes.map((c) => `${c.kind} ${c.code} ${c.fields.map((f) => `${f.field}: ${f.before} → ${f.after}`).join('; ')}`.trim())).toEqual(
      [
        ...newer.added.map((a) => `added ${a.code}`),
        `long ${newer.longChanged.code} long: ${newer.longChanged.before} → ${newer.longChanged.after}`,
        `short ${newer.shortChanged.code} short: ${newer.shortChanged.before} → ${newer.shortChanged.after}`,
        `terminated ${newer.terminated.code} termination:  → ${newer.terminated.termination}`,
      ].sort((x, y) => x.split(' ')[1]!.localeCompare(y.split(' ')[1]!)),
    );
  });

  it('for a later quarter, is named and dated as CMS would post that quarter', async () => {
    expect([quarterAfter('2026-12-07'), quarterAfter('2027-01-01'), quarterAfter('2027-03-31'), quarterAfter('2027-09-30')]).toEqual([
      { year: 2027, quarter: 1 },
      { year: 2027, quarter: 2 },
      { year: 2027, quarter: 2 },
      { year: 2027, quarter: 4 },
    ]);
    const newer = newerRelease({ year: 2027, quarter: 1 });
    expect(newer.zipName).toBe('january-2027-alpha-numeric-hcpcs-file.zip');
    expect(newer.effective).toBe('2027-01-01');
    expect(newer.terminated.termination).toBe('2026-12-31');
    const result = await convertFile(newer.zipName, newer.zip, known());
    expect(result.used.data).toBe('HCPC2027_JAN_ANWEB_v2.txt');
    expect(result.dataset.release).toMatchObject({ year: 2027, quarter: 1, effective: '2027-01-01' });
    const record = (code: string) => result.dataset.records.find((r) => r.code === code)!;
    expect(record(newer.added[0]!.code)).toMatchObject({ added: '2027-01-01', actionEffective: '2027-01-01', action: 'A' });
    expect(record(newer.terminated.code)).toMatchObject({ termination: '2026-12-31', actionEffective: '2027-01-01', action: 'D' });
    expect(record(newer.longChanged.code)).toMatchObject({ long: newer.longChanged.after, actionEffective: '2027-01-01', action: 'C' });
  });

  it('written back from the bundled dataset, CMS’s columns convert to the same records', async () => {
    const text = bundled.records.flatMap(fixedWidthLines).join('\r\n') + '\r\n';
    const bytes = new TextEncoder().encode(text);
    const layout = { name: 'HCPC2026_recordlayout.txt', origin: '', bytes: new Uint8Array(readFileSync(CMS_FIXTURES + 'sample-recordlayout.txt')) };
    const { dataset } = await convertRelease({ year: 2026, quarter: 1, data: { name: 'HCPC2026_JAN_ANWEB.txt', origin: '', bytes }, layout, notes: undefined });
    expect(diffReleases(bundled.records, dataset.records).changes).toEqual([]);
    expect(latin1(bytes).split('\r\n').every((l) => l === '' || l.length === 320)).toBe(true);
  });
});
