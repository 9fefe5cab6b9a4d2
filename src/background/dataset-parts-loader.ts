/**
 * The first answers of a cold worker, from part of the dataset. A worker
 * woken by one hover needs the header, the modifiers and one letter's codes:
 * an eighth of the 1.8 MB file, read with ranged fetches of the bundled file
 * at the byte ranges the build computed (hcpcs/dataset-parts.ts). Reading the
 * whole file took 11-15 ms of the cold start's ~50. Parts already read are
 * kept; once the full dataset has loaded (for search, or to check every
 * record soon after a partial answer) it answers everything.
 *
 * Anything unexpected (no byte ranges in this build, a browser that ignores
 * Range, a file other than the one the ranges came from) falls back to the
 * full load, whose errors say what is wrong. Once the full load has begun,
 * every lookup waits for it: a record found damaged then stops every answer,
 * as it did before.
 */
import type { DatasetParts, ByteRange } from '../hcpcs/dataset-parts';
import { lettersOf } from '../hcpcs/dataset-parts';
import { openDataset } from '../hcpcs/dataset-open';
import { HcpcsLookup } from '../hcpcs/lookup';

/** After a partial answer, the full dataset loads this much later (and its records are then checked). */
const FULL_LOAD_DELAY_MS = 1000;

export interface PartsLoaderDeps {
  url: string;
  /** Reads one part another way (a loaded release's parts are stored by name: common/release-store.ts). */
  readPart?(name: string, range: ByteRange): Promise<string>;
  parts: DatasetParts | undefined;
  /** The full load (dataset-loader.ts): shared promise, checks every record. */
  full(): Promise<HcpcsLookup>;
}

export function createPartsLoader({ url, parts, full, readPart }: PartsLoaderDeps): { lookupFor(codes: Iterable<string>): Promise<HcpcsLookup>; readHead(): void } {
  let fullStarted = false;
  let fullScheduled = false;
  const startFull = () => {
    fullStarted = true;
    return full();
  };
  const texts = new Map<string, Promise<string>>();
  const read = (name: string, [start, end]: ByteRange) => {
    let text = texts.get(name);
    if (!text) {
      text = readPart ? readPart(name, [start, end]) : fetch(url, { headers: { Range: `bytes=${start}-${end - 1}` } }).then(async (response) => {
        const bytes = await response.arrayBuffer();
        if (!response.ok || bytes.byteLength !== end - start) throw new Error('no byte ranges');
        return new TextDecoder().decode(bytes);
      });
      text.catch(() => texts.delete(name));
      texts.set(name, text);
    }
    return text;
  };
  return {
    /** Starts reading the header and modifiers: every lookup needs them. */
    readHead() {
      if (parts) read('head', parts.head).catch(() => undefined);
    },
    async lookupFor(codes) {
      if (fullStarted || !parts) return startFull();
      try {
        const letters = [...lettersOf(codes)].filter((l) => l in parts.letters).sort((a, b) => parts.letters[a]![0] - parts.letters[b]![0]);
        const [head, ...bodies] = await Promise.all([read('head', parts.head), ...letters.map((l) => read(l, parts.letters[l]!))]);
        const lookup = new HcpcsLookup(openDataset(head + bodies.join(''), { partial: true }));
        if (!fullScheduled) {
          fullScheduled = true;
          setTimeout(() => void startFull().catch(() => undefined), FULL_LOAD_DELAY_MS);
        }
        return lookup;
      } catch {
        return startFull();
      }
    },
  };
}
