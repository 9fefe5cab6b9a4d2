/** The committed dataset, opened once per test file: ranking is tested on real CMS text. */
import { readFileSync } from 'node:fs';
import { openDataset } from '../../../src/hcpcs/dataset-open';
import { HcpcsLookup } from '../../../src/hcpcs/lookup';

const DATASET = new URL('../../../data/hcpcs-dataset.tsv', import.meta.url);

export function committedLookup(): HcpcsLookup {
  return new HcpcsLookup(openDataset(readFileSync(DATASET, 'utf8')));
}
