/**
 * npm run data:changes -- <older release> <newer release> [--out FILE]
 *
 * Writes the "changes" part the extension bundles beside its dataset: what
 * changed from the release before the bundled one to the bundled one, each
 * change dated by the record's own dates (src/hcpcs/release-history.ts).
 * Both releases go through the one converter, as `npm run data:build` does;
 * run it whenever the bundled release changes (a test checks that the
 * committed file is what this command makes of the releases it names).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { releaseLabel } from '../../src/hcpcs/release';
import { DEFAULT_CHANGES, refused, writeAtomically } from './output';
import { releaseChanges } from './release-changes';

const USAGE = 'usage: npm run data:changes -- <older release file or zip> <newer release file or zip> [--out FILE]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [older, newer] = args.positionals;
  if (args.values.help || !older || !newer || args.positionals.length > 2) {
    console.error(USAGE);
    return args.values.help ? 0 : 2;
  }
  const out = resolve(args.values.out ?? DEFAULT_CHANGES);
  try {
    const { before, after, text } = await releaseChanges(older, newer);
    writeAtomically(out, text);
    console.log(`Wrote ${out}: changes from ${releaseLabel(before.release)} to ${releaseLabel(after.release)}, ${text.length} bytes.`);
    return 0;
  } catch (error) {
    return refused(error);
  }
}

process.exitCode = await main();
