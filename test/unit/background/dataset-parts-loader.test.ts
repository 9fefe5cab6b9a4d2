/** A cold worker's first answers come from ranged reads of the parts it needs; anything odd falls back to the full load. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPartsLoader } from '../../../src/background/dataset-parts-loader';
import { datasetParts } from '../../../src/hcpcs/dataset-parts';
import { openDataset } from '../../../src/hcpcs/dataset-open';
import { HcpcsLookup } from '../../../src/hcpcs/lookup';

const bytes = readFileSync(new URL('../../../data/hcpcs-dataset.tsv', import.meta.url));
const parts = datasetParts(bytes);
const URL_ = 'chrome-extension://x/data/hcpcs-dataset.tsv';

/** Serves the dataset, honouring Range (or not), and records what was asked. */
function serve(ranges = true) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (_url: string, init?: { headers?: Record<string, string> }) => {
    const range = init?.headers?.Range;
    asked.push(range ?? 'all');
    const m = range && ranges ? /bytes=(\d+)-(\d+)/.exec(range) : null;
    return new Response(m ? bytes.subarray(Number(m[1]), Number(m[2]) + 1) : bytes);
  });
  return asked;
}

const fullLookup = () => new HcpcsLookup(openDataset(bytes.toString('utf8')));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('createPartsLoader', () => {
  it('answers a lookup from the head and the one letter it needs, then loads the whole dataset a moment later', async () => {
    vi.useFakeTimers();
    const asked = serve();
    const full = vi.fn(async () => fullLookup());
    const loader = createPartsLoader({ url: URL_, parts, full });
    loader.readHead();
    const lookup = await loader.lookupFor(['E1392', 'RR']);
    expect(lookup.code('E1392')?.short).toBe('Portable oxygen concentrator');
    expect(lookup.modifier('RR')).toBeDefined();
    expect(asked).toEqual([`bytes=0-${parts.head[1] - 1}`, `bytes=${parts.letters.E![0]}-${parts.letters.E![1] - 1}`]);
    expect(full).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(full).toHaveBeenCalledTimes(1);
    // From then on the full dataset answers (and its check of every record counts).
    await loader.lookupFor(['J1100']);
    expect(asked).toHaveLength(2);
  });

  it('falls back to the full load where ranges are not honoured, or the build has none', async () => {
    serve(false);
    const full = vi.fn(async () => fullLookup());
    expect((await createPartsLoader({ url: URL_, parts, full }).lookupFor(['E1392'])).size).toBe(fullLookup().size);
    expect(full).toHaveBeenCalledTimes(1);
    await createPartsLoader({ url: URL_, parts: undefined, full }).lookupFor(['E1392']);
    expect(full).toHaveBeenCalledTimes(2);
  });

  it('reads a loaded release’s parts by name (as stored in IndexedDB), never the bundled file', async () => {
    const asked = serve();
    const stored = new Map(Object.entries({ head: parts.head, ...parts.letters }).map(([name, [start, end]]) => [name, bytes.subarray(start, end).toString('utf8')]));
    const read: string[] = [];
    const full = vi.fn(async () => fullLookup());
    const loader = createPartsLoader({ url: '', parts, full, readPart: async (name) => (read.push(name), stored.get(name)!) });
    const lookup = await loader.lookupFor(['J1100', 'KX']);
    expect(lookup.code('J1100')?.short).toBe('Dexamethasone sodium phos');
    expect(lookup.modifier('KX')).toBeDefined();
    expect(read).toEqual(['head', 'J']);
    expect(asked).toEqual([]);
    expect(full).not.toHaveBeenCalled();
  });

  it('sends a lookup to the full load when a stored part cannot be read', async () => {
    const full = vi.fn(async () => fullLookup());
    const loader = createPartsLoader({ url: '', parts, full, readPart: async () => Promise.reject(new Error('the stored part E is damaged')) });
    expect((await loader.lookupFor(['E1392'])).size).toBe(fullLookup().size);
    expect(full).toHaveBeenCalledTimes(1);
  });
});
