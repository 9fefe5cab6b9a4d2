/**
 * The content script's tooltip cache: an answer is reused only while what it
 * depends on holds (model-key.ts). A tab left open past midnight must ask
 * the worker again, since status and "New in" are worked out for the day.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LookupClient as Client, LookupScope } from '../../../src/content/lookup-client';
import type { TooltipModel } from '../../../src/hcpcs/tooltip-model';
import { decodeCodeSet, encodeCodeSet } from '../../../src/hcpcs/code-set';

/** Every lookupCodes request the fake worker answered. */
const asked: unknown[] = [];
/** Every other request, by type. */
const otherRequests: string[] = [];
/** The release the fake worker serves: its codes. */
let releaseCodes = ['E1392', 'RR'];
let LookupClient: typeof Client;

beforeAll(async () => {
  // The extension API as the content script finds it: a global `chrome`.
  Object.assign(globalThis, {
    chrome: {
      runtime: {
        sendMessage: async (message: { type: string; params: { codes?: string[] } }) => {
          if (message.type === 'listKnownCodes') otherRequests.push(message.type);
          if (message.type === 'listKnownCodes') return { result: encodeCodeSet(releaseCodes) };
          if (message.type === 'findKnownCodes') otherRequests.push(`${message.type} ${message.params.codes!.join(' ')}`);
          if (message.type === 'findKnownCodes') return { result: { known: message.params.codes!.filter((c) => releaseCodes.includes(c)) } };
          asked.push(message.params);
          return { result: { release: `answer ${asked.length}` } as unknown as TooltipModel };
        },
      },
    },
  });
  ({ LookupClient } = await import('../../../src/content/lookup-client'));
});

const items = [{ code: 'E1392', modifiers: [] }];

describe('LookupClient.model', () => {
  it('reuses an answer the same day and asks again once the day changes', async () => {
    asked.length = 0;
    let now = new Date(2026, 2, 31, 23, 59, 0);
    const client = new LookupClient(() => now);
    const first = await client.model(items, 'standard');
    expect(await client.model(items, 'standard')).toBe(first);
    expect(asked).toHaveLength(1);
    now = new Date(2026, 3, 1, 0, 0, 1);
    const next = await client.model(items, 'standard');
    expect(asked).toHaveLength(2);
    expect(next).not.toBe(first);
    expect(await client.model(items, 'standard')).toBe(next);
    expect(asked).toHaveLength(2);
  });

  it('asks again when the release or the date of service changes, and passes the date on', async () => {
    asked.length = 0;
    let scope: ReturnType<LookupScope> = { release: '2026-q1' };
    const client = new LookupClient(() => new Date(2026, 0, 15), () => scope);
    await client.model(items, 'brief');
    await client.model(items, 'brief');
    scope = { release: '2026-q2' };
    await client.model(items, 'brief');
    scope = { release: '2026-q2', asOf: '2025-12-01' };
    await client.model(items, 'brief');
    await client.model(items, 'brief');
    expect(asked).toEqual([
      { items, level: 'brief' },
      { items, level: 'brief' },
      { items, level: 'brief', asOf: '2025-12-01' },
    ]);
  });

  it('keys the detail level', async () => {
    asked.length = 0;
    const client = new LookupClient(() => new Date(2026, 0, 15));
    await client.model(items, 'brief');
    await client.model(items, 'full');
    expect(asked).toHaveLength(2);
  });
});

describe('LookupClient.known', () => {
  it('asks about tokens until the set of every code has come, then answers without asking, until the release changes', async () => {
    otherRequests.length = 0;
    releaseCodes = ['E1392', 'RR'];
    const client = new LookupClient();
    expect(['E1392', 'E1390'].map(await client.known(['E1392', 'E1390']))).toEqual([true, false]);
    await Promise.all([client.loadCodeSet(decodeCodeSet), client.loadCodeSet(decodeCodeSet)]);
    expect(['RR', 'A4253', 'E1392'].map(await client.known(['RR', 'A4253', 'E1392']))).toEqual([true, false, true]);
    expect(otherRequests).toEqual(['findKnownCodes E1392 E1390', 'listKnownCodes']);
    // Another release: the set goes with everything else learnt from the one before.
    releaseCodes = ['A4253'];
    client.forgetAll();
    expect(['A4253', 'E1392'].map(await client.known(['A4253', 'E1392']))).toEqual([true, false]);
    await client.loadCodeSet(decodeCodeSet);
    expect(['A4253', 'E1392'].map(await client.known(['A4253', 'E1392']))).toEqual([true, false]);
    expect(otherRequests).toEqual(['findKnownCodes E1392 E1390', 'listKnownCodes', 'findKnownCodes A4253 E1392', 'listKnownCodes']);
  });
});
