/** The worker's lookup handler on the real dataset, warm: the work a hover asks of it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHandlers } from '../../../src/background/handlers';
import { DEFAULT_SETTINGS } from '../../../src/common/settings';
import { openDataset } from '../../../src/hcpcs/dataset-open';
import { HcpcsLookup } from '../../../src/hcpcs/lookup';
import type { BenchContext } from '../context';
import type { Figure } from '../figure';
import { summarise } from '../stats';

export async function workerLookup(ctx: BenchContext): Promise<Figure[]> {
  const lookup = new HcpcsLookup(openDataset(readFileSync(join(ctx.root, 'data/hcpcs-dataset.tsv'), 'utf8')));
  const handlers = createHandlers({
    getLookup: async () => lookup,
    getSettings: async () => DEFAULT_SETTINGS,
    sendToFrame: () => Promise.reject(new Error('no frames in this benchmark')),
    startSession: () => Promise.reject(new Error('no frames in this benchmark')),
  });
  const codes = lookup.codeList;
  // 50 different codes per request, spread over the whole release, each with a modifier.
  const batch = (round: number) => Array.from({ length: 50 }, (_, i) => ({ code: codes[(round * 977 + i * 173) % codes.length]!, modifiers: ['RR'] }));
  for (let round = 0; round < 20; round++) await handlers.lookupCodes({ items: batch(round), level: 'standard' }, {});
  const samples: number[] = [];
  for (let round = 0; round < ctx.runs(200); round++) {
    const items = batch(round);
    const started = performance.now();
    await handlers.lookupCodes({ items, level: 'standard' }, {});
    samples.push(performance.now() - started);
  }
  return [
    {
      suite: 'worker',
      name: 'warm lookupCodes of 50 codes, inside the handler (node, same V8)',
      unit: 'ms',
      summary: summarise(samples),
      budget: { stat: 'median', limit: 1 },
    },
  ];
}
