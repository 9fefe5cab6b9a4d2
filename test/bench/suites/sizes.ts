/** What the extension costs on disk and in every page: dist, the store zip, the injected script, the dataset, the history of changes. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, zipSync, type Zippable } from 'fflate';
import type { BenchContext } from '../context';
import type { Figure } from '../figure';
import { historyBytesByQuarter } from '../../../src/hcpcs/history-format';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The session's parts (src/common/content-parts.ts): what each holds and when a page gets it. */
const PARTS = [
  { name: 'tooltip', label: 'the tooltip’s look', when: 'when the pointer first rests on a code (or a request shows a tooltip)' },
  { name: 'service-date', label: 'the date-of-service check', when: 'with the check on, at the first rest on a page with a table, form or <pre>, or a hover on a code where a date may be' },
  { name: 'marking', label: 'marking', when: 'with "mark codes" on, with the session from document_start' },
  { name: 'code-lists', label: 'the code lists', when: 'when the popup lists the codes on the page, or a selection is looked up' },
] as const;

export async function sizes(ctx: BenchContext): Promise<Figure[]> {
  const dist = join(ctx.root, 'dist/chrome');
  const files = filesUnder(dist);
  const total = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const tree: Zippable = {};
  for (const f of files) tree[f.slice(dist.length + 1)] = [readFileSync(f), { level: 9 }];
  const zipped = zipSync(tree).length;
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[]; css?: string[] }[] };
  const size = (list: string[]) => list.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
  // At load: the manifest's bootstrap and stylesheet; when the pointer first rests: the session the worker injects;
  // later, only where they are needed: the session's parts (src/common/content-parts.ts), each injected the same way.
  const atLoad = manifest.content_scripts.flatMap((c) => [...c.js, ...(c.css ?? [])]);
  const built = files.map((f) => f.slice(dist.length + 1));
  const onDemand = built.filter((f) => f === 'src/content/session.js');
  if (onDemand.length === 0) throw new Error('no session script in the build');
  const parts = PARTS.map((part) => ({ ...part, file: `src/content/parts/${part.name}-part.js` }));
  const missing = parts.filter((p) => !built.includes(p.file));
  if (missing.length > 0) throw new Error(`parts missing from the build: ${missing.map((p) => p.file).join(', ')}`);
  const unknown = built.filter((f) => f.startsWith('src/content/parts/') && !parts.some((p) => p.file === f));
  if (unknown.length > 0) throw new Error(`parts the bench does not describe: ${unknown.join(', ')}`);
  const byRest = size(atLoad) + size(onDemand);
  const partNote = parts.map((p) => `${p.label} +${(size([p.file]) / 1000).toFixed(1)} KB ${p.when}`).join('; ');
  const dataset = readFileSync(join(dist, 'data/hcpcs-dataset.tsv'));
  const suite = 'sizes';
  // A search index built at build time would ship beside the dataset.
  const indexes = files.filter((f) => /index/i.test(f.slice(dist.length)) && /\.(json|bin|idx)$/.test(f));
  const indexBytes = indexes.reduce((sum, f) => sum + statSync(f).size, 0);
  // The history's budget is per quarter of changes (issue 12 §4): the bundled part, by the quarter each change takes effect in.
  const changes = readFileSync(join(dist, 'data/hcpcs-changes.tsv'));
  const byQuarter = [...historyBytesByQuarter(changes.toString('utf8'))].sort(([a], [b]) => (a < b ? -1 : 1));
  const [largestQuarter, largestBytes] = byQuarter.reduce((max, q) => (q[1] > max[1] ? q : max), ['none', 0] as [string, number]);
  return [
    { suite, name: 'dist/chrome total', unit: 'bytes', value: total },
    { suite, name: 'packed zip (Chrome)', unit: 'bytes', value: zipped },
    { suite, name: 'injected into every page at load', unit: 'bytes', value: size(atLoad), note: atLoad.join(', ') },
    { suite, name: 'injected when the pointer first rests', unit: 'bytes', value: size(onDemand), note: onDemand.join(', ') },
    ...parts.map((p): Figure => ({ suite, name: `injected on demand: ${p.label}`, unit: 'bytes', value: size([p.file]), note: `${p.file}, ${p.when}` })),
    {
      suite,
      name: 'everything injected into a page',
      unit: 'bytes',
      value: byRest,
      budget: { stat: 'value', limit: 50_000 },
      note: `by the first rest: the bootstrap and the session; then only where needed: ${partNote}`,
    },
    { suite, name: 'everything a page can get, every part included', unit: 'bytes', value: byRest + size(parts.map((p) => p.file)), note: 'a page with codes in a dated table, hovered, with "mark codes" on, its codes listed in the popup' },
    { suite, name: 'dataset, raw', unit: 'bytes', value: dataset.length, budget: { stat: 'value', limit: 2_000_000 } },
    { suite, name: 'dataset, gzipped', unit: 'bytes', value: gzipSync(dataset, { level: 9 }).length, budget: { stat: 'value', limit: 400_000 } },
    {
      suite,
      name: 'history of changes, raw bytes of its largest quarter',
      unit: 'bytes',
      value: largestBytes,
      budget: { stat: 'value', limit: 100_000 },
      note: `${largestQuarter}; every quarter: ${byQuarter.map(([q, b]) => `${q} ${b}`).join(', ')}`,
    },
    { suite, name: 'history of changes (bundled part), gzipped', unit: 'bytes', value: gzipSync(changes, { level: 9 }).length },
    {
      suite,
      name: 'prebuilt search index',
      unit: 'bytes',
      value: indexBytes,
      note: indexes.length ? indexes.map((f) => f.slice(dist.length + 1)).join(', ') : 'none shipped: the worker builds it when the popup opens',
    },
  ];
}
