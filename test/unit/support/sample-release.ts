/**
 * The sample release committed in test/fixtures/cms: real CMS records (every
 * line of each, byte for byte) in CMS's own formats, small enough for any
 * machine. See test/fixtures/cms/README.md for how it was cut.
 */
import { readFileSync } from 'node:fs';
import { convertRelease, type Conversion } from '../../../data/converter/convert-release';
import type { ReleaseFiles, SourceFile } from '../../../data/converter/release-files';
import { encodeDataset } from '../../../src/hcpcs/dataset-format';
import { openDataset } from '../../../src/hcpcs/dataset-open';
import { HcpcsLookup } from '../../../src/hcpcs/lookup';
import { ChangeHistory } from '../../../src/hcpcs/change-history';
import { historyStep } from '../../../src/hcpcs/release-history';

export const CMS_FIXTURES = new URL('../../fixtures/cms/', import.meta.url).pathname;

export function fixtureFile(name: string, cmsName = name): SourceFile {
  return { name: cmsName, origin: CMS_FIXTURES + name, bytes: readFileSync(CMS_FIXTURES + name) };
}

export function sampleFiles(data: 'txt' | 'xlsx' = 'txt'): ReleaseFiles {
  return data === 'txt'
    ? {
        year: 2026,
        quarter: 1,
        data: fixtureFile('sample-anweb.txt', 'HCPC2026_JAN_ANWEB_sample.txt'),
        layout: fixtureFile('sample-recordlayout.txt', 'HCPC2026_recordlayout.txt'),
        notes: fixtureFile('sample-proc-notes.txt', 'proc_notes_JAN2026.txt'),
      }
    : {
        year: 2025,
        quarter: 4,
        data: fixtureFile('sample-anweb.xlsx', 'HCPC2025_OCT_ANWEB_sample.xlsx'),
        layout: fixtureFile('sample-recordlayout.txt', 'HCPC2026_recordlayout.txt'),
        notes: undefined,
      };
}

const cache = new Map<string, Promise<Conversion>>();

export function convertSample(data: 'txt' | 'xlsx' = 'txt'): Promise<Conversion> {
  let conversion = cache.get(data);
  if (!conversion) cache.set(data, (conversion = convertRelease(sampleFiles(data))));
  return conversion;
}

/** The sample release as the worker sees it: encoded, then opened from text. */
export async function sampleLookup(): Promise<HcpcsLookup> {
  const { dataset } = await convertSample('txt');
  return new HcpcsLookup(openDataset(encodeDataset(dataset)));
}

/** What changed from the sample's October 2025 rows to its January 2026 records, as the build dates it. */
export async function sampleHistory(): Promise<ChangeHistory> {
  const [october, january] = await Promise.all([convertSample('xlsx'), convertSample('txt')]);
  return ChangeHistory.of({ steps: [historyStep(october.dataset, january.dataset)] });
}
