/** The real bundled dataset, opened once, for tests that check answers against it. */
import { readFileSync } from 'node:fs';
import { openDataset } from '../../src/hcpcs/dataset-open';
import { HcpcsLookup } from '../../src/hcpcs/lookup';

let lookup: HcpcsLookup | undefined;

export function bundledLookup(): HcpcsLookup {
  lookup ??= new HcpcsLookup(openDataset(readFileSync(new URL('../../data/hcpcs-dataset.tsv', import.meta.url), 'utf8')));
  return lookup;
}

/** Whether the dataset holds a code or modifier of that exact spelling. */
export function inDataset(code: string): boolean {
  const l = bundledLookup();
  return (l.code(code) ?? l.modifier(code)) !== undefined;
}
