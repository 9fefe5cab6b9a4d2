/** The worker's answers with the bundled history of changes (October 2025 → January 2026), in node on the real files. */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { createHistoryLoader } from '../../../src/background/history-loader';
import { DEFAULT_SETTINGS } from '../../../src/common/settings';
import { ChangeHistory } from '../../../src/hcpcs/change-history';
import { bundledLookup } from '../../support/dataset';

const CHANGES = readFileSync(new URL('../../../data/hcpcs-changes.tsv', import.meta.url), 'utf8');

function handlers(history: ChangeHistory | (() => Promise<ChangeHistory>), historyFailed = vi.fn()) {
  return createHandlers({
    getLookup: async () => bundledLookup(),
    getSettings: async () => DEFAULT_SETTINGS,
    sendToFrame: vi.fn(),
    startSession: vi.fn(),
    getHistory: typeof history === 'function' ? history : async () => history,
    historyFailed,
    today: () => '2026-02-01',
  });
}

describe('lookupCodes with the bundled history', () => {
  it('a code whose description changed from October 2025 says what it was, at the standard level', async () => {
    const model = await handlers(ChangeHistory.fromText(CHANGES)).lookupCodes({ items: [{ code: 'A2001' }], level: 'standard' }, {});
    expect(model.cards[0]!.changes?.map((c) => c.text)).toContain('Long description changed in 2026 Q1 — was: Innovamatrix ac, per square centimeter');
    expect(model.cards[0]!.changes?.map((c) => c.text)).toContain('Pricing indicator 13 → 11 in 2026 Q1');
  });

  it('brief: the badge and no lines', async () => {
    const model = await handlers(ChangeHistory.fromText(CHANGES)).lookupCodes({ items: [{ code: 'A2001' }], level: 'brief' }, {});
    expect(model.cards[0]!.changes).toBeUndefined();
    expect(model.cards[0]!.status.map((s) => s.kind)).toContain('changed');
  });

  it('a damaged line costs the lines, never the tooltip, and is reported once', async () => {
    const damaged = CHANGES.replace(/^A2001\t2026-01-01\tlong\t/m, 'A2001\t2026-01-99\tlong\t');
    const failed = vi.fn();
    const model = await handlers(ChangeHistory.fromText(damaged), failed).lookupCodes({ items: [{ code: 'A2001' }], level: 'standard' }, {});
    expect(model.cards[0]!.title).toMatch(/^Innovamatrix ac, per square centimeter \(add-on/);
    expect(model.cards[0]!.changes).toBeUndefined();
    expect(failed).toHaveBeenCalledTimes(1);
  });
});

describe('searchCodes, changed in this release', () => {
  it('an empty query lists every code that changed, in code order, terminated ones included', async () => {
    const { hits, release } = await handlers(ChangeHistory.fromText(CHANGES)).searchCodes({ query: '', changed: true, limit: 500 }, {});
    expect(release).toBe('CMS HCPCS 2026 Q1');
    expect(hits.length).toBe(500);
    const a2001 = hits.find((h) => h.code === 'A2001');
    expect(a2001?.changes).toEqual(['long', 'other']);
    expect(hits.find((h) => h.code === 'A4295')?.changes).toEqual(['added']);
    expect(hits.find((h) => h.code === 'C5271')?.changes).toContain('terminated');
    expect(hits.every((h) => h.changes && h.changes.length > 0)).toBe(true);
    expect(hits.filter((h) => h.kind === 'code').map((h) => h.code)).toEqual(hits.filter((h) => h.kind === 'code').map((h) => h.code).sort());
  });

  it('a query narrows the changed codes; an unchanged match is left out', async () => {
    const h = handlers(ChangeHistory.fromText(CHANGES));
    const { hits } = await h.searchCodes({ query: 'E1392', changed: true }, {});
    expect(hits).toEqual([]);
    expect((await h.searchCodes({ query: 'A200', changed: true }, {})).hits.map((x) => x.code).slice(0, 3)).toEqual(['A2001', 'A2002', 'A2005']);
  });

  it('without a history, nothing is listed as changed', async () => {
    expect((await handlers(ChangeHistory.EMPTY).searchCodes({ query: '', changed: true }, {})).hits).toEqual([]);
  });
});

describe('a release before its effective date', () => {
  it('the popup footer and search name the date it takes effect; tooltips keep the record it replaces', async () => {
    const h = createHandlers({
      getLookup: async () => bundledLookup(),
      getSettings: async () => DEFAULT_SETTINGS,
      sendToFrame: vi.fn(),
      startSession: vi.fn(),
      getHistory: async () => ChangeHistory.fromText(CHANGES),
      today: () => '2025-12-20',
    });
    expect((await h.getDatasetInfo({}, {})).label).toBe('CMS HCPCS 2026 Q1 (effective Jan 1, 2026)');
    expect((await h.searchCodes({ query: 'E1392' }, {})).release).toBe('CMS HCPCS 2026 Q1 (effective Jan 1, 2026)');
    const card = (await h.lookupCodes({ items: [{ code: 'A2001' }], level: 'standard' }, {})).cards[0]!;
    expect(card.title).toBe('Innovamatrix ac, per square centimeter');
    expect(card.changes?.[0]?.text).toMatch(/^Long description changes 2026-01-01 — will be: Innovamatrix ac, per square centimeter \(add-on/);
    // The popup's search hit reads as the tooltip does: the record in force, no "Changed in" badge yet.
    const [hit] = (await h.searchCodes({ query: 'A2001' }, {})).hits;
    expect(hit).toMatchObject({ code: 'A2001', long: card.title, status: [{ kind: 'active', label: 'Active' }] });
  });
});

describe('history loader', () => {
  it('reads the source once, and a source that fails gives an empty history, not a failed tooltip', async () => {
    const read = vi.fn(async () => CHANGES);
    const loader = createHistoryLoader(read);
    expect((await loader.get()).steps).toHaveLength(1);
    await loader.get();
    expect(read).toHaveBeenCalledTimes(1);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await createHistoryLoader(async () => Promise.reject(new Error('HTTP 404'))).get()).toBe(ChangeHistory.EMPTY);
    expect(await createHistoryLoader(async () => 'not a history').get()).toBe(ChangeHistory.EMPTY);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
