/**
 * npm run bench [-- --quick] [--only NAME,…] [--out FILE] [--readme]
 *
 * Builds the extension, then measures it in Debian's Chromium on
 * generated pages, prints each figure against its budget with a verdict, and
 * writes the figures with the machine they came from to a JSON file.
 * --quick runs each suite a few times only: it keeps the bench working in CI,
 * where machines are shared and timings mean little, and asserts nothing.
 * --readme writes the table of a full run into README.md's Performance block.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath } from '../e2e/support/chromium';
import { createContext, type BenchContext } from './context';
import { missing, verdict, type Figure } from './figure';
import { describeMachine } from './machine';
import { markdownTable, printTable } from './report';
import { coldStart } from './suites/cold-start';
import { hover } from './suites/hover';
import { jumpScroll } from './suites/jump-scroll';
import { marking } from './suites/marking';
import { pageCost } from './suites/page-cost';
import { pdfViewer } from './suites/pdf-viewer';
import { memory } from './suites/memory';
import { settingsLive } from './suites/settings-live';
import { converter } from './suites/converter';
import { floor, ratioFigures } from './suites/floor';
import { popup } from './suites/popup';
import { sizes } from './suites/sizes';
import { slowInputs } from './suites/slow-inputs';
import { workerLookup } from './suites/worker-lookup';
import { releaseImport } from './suites/release-import';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);

const SUITES: Record<string, (ctx: BenchContext) => Promise<Figure[]>> = {
  sizes,
  converter,
  'worker-lookup': workerLookup,
  'cold-start': coldStart,
  'release-import': releaseImport,
  'page-cost': pageCost,
  popup,
  hover,
  marking,
  'jump-scroll': jumpScroll,
  'pdf-viewer': pdfViewer,
  settings: settingsLive,
  memory,
  'slow-inputs': slowInputs,
  // After the suites it is the floor of, so ratioFigures finds both sides.
  floor,
};

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, out: { type: 'string' }, readme: { type: 'boolean' } } });
  const quick = values.quick ?? false;
  const only = values.only?.split(',');
  const unknown = only?.filter((name) => !SUITES[name]);
  if (unknown?.length) {
    console.error(`unknown suite ${unknown.join(', ')}; suites: ${Object.keys(SUITES).join(', ')}`);
    return 2;
  }
  if (values.readme && (quick || only)) {
    console.error('--readme takes the figures of a full run: without --quick or --only');
    return 2;
  }
  const out = resolve(values.out ?? join(ROOT, '.bench', quick ? 'quick.json' : 'results.json'));
  const machine = describeMachine(chromiumPath());
  console.log(`HCPCS Lens benchmark${quick ? ' (--quick: a few runs each, no verdicts)' : ''}\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.chromium}, node ${machine.node}\n`);
  const ctx = createContext(ROOT, quick);
  const figures: Figure[] = [];
  const started = performance.now();
  try {
    for (const [name, suite] of Object.entries(SUITES)) {
      if (only && !only.includes(name)) continue;
      const t0 = performance.now();
      figures.push(...(await suite(ctx)));
      console.log(`${name}: ${Math.round(performance.now() - t0)} ms`);
    }
  } finally {
    await ctx.close();
  }
  figures.push(...ratioFigures(figures));
  printTable(figures, quick);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), quick, seconds, machine, figures: figures.map((f) => ({ ...f, verdict: quick ? 'info' : verdict(f) })) }, null, 2)}\n`);
  console.log(`\n${figures.length} figures in ${seconds} s; written to ${out}`);
  if (values.readme) {
    const readme = join(ROOT, 'README.md');
    const text = readFileSync(readme, 'utf8');
    const block = /(<!-- performance:start -->\n)[\s\S]*?(<!-- performance:end -->)/;
    if (!block.test(text)) throw new Error('README.md has no <!-- performance:start --> … <!-- performance:end --> block');
    writeFileSync(readme, text.replace(block, (_m, start: string, end: string) => `${start}${markdownTable(figures, machine, new Date(), seconds)}\n${end}`));
    console.log('README.md Performance block updated');
  }
  // Budgets are not asserted (timings here are noisy); a figure without a number means the bench broke.
  const broken = figures.filter(missing);
  if (broken.length > 0) {
    console.error(`no value for: ${broken.map((f) => `${f.suite} / ${f.name}`).join('; ')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
