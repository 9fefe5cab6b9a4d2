/** Converting a full CMS release (where the raw files are present). */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { convertRelease } from '../../../data/converter/convert-release';
import { findReleaseFiles } from '../../../data/converter/release-files';
import { encodeDataset } from '../../../src/hcpcs/dataset-format';
import type { BenchContext } from '../context';
import type { Figure } from '../figure';
import { summarise } from '../stats';

export async function converter(ctx: BenchContext): Promise<Figure[]> {
  const releases = resolve(process.env.HCPCS_RELEASE_DIR ?? join(ctx.root, '../shared/data/hcpcs'));
  const suite = 'converter';
  if (!existsSync(releases)) return [{ suite, name: 'convert a full release', unit: 'ms', skipped: `no raw release in ${releases}`, note: `skipped: no raw release in ${releases}` }];
  const samples: number[] = [];
  for (let i = 0; i < ctx.runs(5); i++) {
    const started = performance.now();
    encodeDataset((await convertRelease(findReleaseFiles(releases))).dataset);
    samples.push(performance.now() - started);
  }
  return [{ suite, name: 'convert a full release (text edition)', unit: 'ms', summary: summarise(samples), budget: { stat: 'median', limit: 3000 } }];
}
