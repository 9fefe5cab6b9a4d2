/**
 * npm run data:build -- <release file, CMS zip, or folder> [--out FILE] [--layout FILE] [--notes FILE]
 *
 * Converts a CMS Alpha-Numeric HCPCS release into the dataset the extension
 * bundles, and records the release in data/README.md. A malformed release is
 * refused with the file, line and field at fault; nothing is written then.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { encodeDataset } from '../../src/hcpcs/dataset-format';
import { releaseLabel } from '../../src/hcpcs/release';
import { convertRelease } from './convert-release';
import { summariseWarnings } from './release-error';
import { findReleaseFiles } from './release-files';
import { latin1 } from './convert-release';
import { positionsOf } from './layout-positions';
import { parseRecordLayout } from './record-layout';
import { DEFAULT_DATASET, DEFAULT_LAYOUT, refused, updateDataReadme, writeAtomically } from './output';

const USAGE = 'usage: npm run data:build -- <HCPCyyyy_MON_ANWEB file | CMS zip | folder> [--out FILE] [--layout FILE] [--notes FILE]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { out: { type: 'string' }, layout: { type: 'string' }, notes: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const input = args.positionals[0];
  if (args.values.help || !input || args.positionals.length > 1) {
    console.error(USAGE);
    return args.values.help ? 0 : 2;
  }
  const out = resolve(args.values.out ?? DEFAULT_DATASET);
  const started = performance.now();
  try {
    const files = findReleaseFiles(input, { layout: args.values.layout, notes: args.values.notes });
    console.log(`Converting ${files.data.origin}\n  layout: ${files.layout.origin}\n  notes:  ${files.notes?.origin ?? '(none for this release)'}`);
    const { dataset, warnings } = await convertRelease(files);
    const json = encodeDataset(dataset);
    writeAtomically(out, json);
    if (out === resolve(DEFAULT_DATASET)) {
      updateDataReadme(dataset.release);
      // The layout the extension falls back on when a user loads a release file without its own.
      const layout = parseRecordLayout(files.layout.name, latin1(files.layout.bytes));
      writeAtomically(DEFAULT_LAYOUT, `${JSON.stringify(positionsOf(layout), null, 1)}\n`);
    }
    for (const w of summariseWarnings(warnings)) console.warn(`warning: ${w}`);
    const { release } = dataset;
    const ms = Math.round(performance.now() - started);
    console.log(`Wrote ${out}: CMS HCPCS ${releaseLabel(release)}, ${release.codes} codes and ${release.modifiers} modifiers, ${json.length} bytes, in ${ms} ms.`);
    return 0;
  } catch (error) {
    return refused(error);
  }
}

process.exitCode = await main();
