/** What the tooltip says of a code's history at each level, on the sample's real October 2025 → January 2026 changes. */
import { describe, expect, it } from 'vitest';
import { buildTooltipModel } from '../../../src/hcpcs/tooltip-model';
import { sampleHistory, sampleLookup } from '../support/sample-release';

const TODAY = '2026-02-10';

async function card(code: string, level: 'brief' | 'standard' | 'full', today = TODAY) {
  const model = buildTooltipModel(await sampleLookup(), [{ code }], level, today, await sampleHistory());
  return { model, card: model.cards[0]! };
}

describe('history in the tooltip', () => {
  it('standard: a changed description says what it was, and each other field before → after', async () => {
    const { card: a2001 } = await card('A2001', 'standard');
    expect(a2001.changes?.map((c) => c.text)).toEqual([
      'Long description changed in 2026 Q1 — was: Innovamatrix ac, per square centimeter',
      'Pricing indicator 13 → 11 in 2026 Q1',
      'ASC payment group (blank) → YY in 2026 Q1',
      'ASC payment group effective (blank) → 2026-01-01 in 2026 Q1',
    ]);
    expect(a2001.title).toMatch(/\(add-on, list separately/);
  });

  it('standard: terminated, added and a short description changed', async () => {
    expect((await card('C5271', 'standard')).card.changes?.[0]).toEqual({ kind: 'terminated', date: '2026-01-01', text: 'Terminated 2025-12-31' });
    expect((await card('A4295', 'standard')).card.changes).toEqual([{ kind: 'added', date: '2026-01-01', text: 'Added in 2026 Q1' }]);
    expect((await card('J0759', 'standard')).card.changes?.map((c) => c.text)).toEqual(['Short description changed in 2026 Q1 — was: Inj, clevidepine, 1 mg']);
  });

  it('full: the same lines beside every field', async () => {
    const { card: a2001 } = await card('A2001', 'full');
    expect(a2001.changes?.[0]?.text).toBe('Long description changed in 2026 Q1 — was: Innovamatrix ac, per square centimeter');
    expect(a2001.blank).toBeDefined();
  });

  it('brief: only the badge, no lines', async () => {
    const { card: a2001 } = await card('A2001', 'brief');
    expect(a2001.changes).toBeUndefined();
    expect(a2001.status.map((s) => s.kind)).toEqual(['active', 'changed']);
  });

  it('an unchanged code has no history lines', async () => {
    expect((await card('E1392', 'standard')).card.changes).toBeUndefined();
  });

  it('a code removed from the file is named as removed, not only as unknown', async () => {
    const { card: c9088 } = await card('C9088', 'standard');
    expect(c9088.kind).toBe('unknown');
    expect(c9088.changes?.map((c) => c.text)).toEqual(['Removed from the CMS file in 2026 Q1']);
  });

  it('before the release takes effect, the tooltip keeps the previous description and status, and says what is coming', async () => {
    const { model, card: a2001 } = await card('A2001', 'standard', '2025-12-15');
    expect(a2001.title).toBe('Innovamatrix ac, per square centimeter');
    expect(a2001.facts.find((f) => f.label === 'Pricing')?.value).toBe('13');
    expect(a2001.status).toEqual([{ kind: 'active', label: 'Active' }]);
    expect(a2001.changes?.[0]).toEqual({
      kind: 'long',
      date: '2026-01-01',
      upcoming: true,
      text: 'Long description changes 2026-01-01 — will be: Innovamatrix ac, per square centimeter (add-on, list separately in addition to primary procedure)',
    });
    expect(a2001.changes?.[1]?.text).toBe('Pricing indicator 13 → 11 from 2026-01-01');
    expect(model.release).toBe('CMS HCPCS 2026 Q1 (effective Jan 1, 2026)');
    // C5271's discontinuation is not yet the record (no "Discontinued in" badge), but its last valid date is
    // known and not yet past: billable until Dec 31, and the badge says so rather than "Active".
    const c5271 = (await card('C5271', 'standard', '2025-12-15')).card;
    expect(c5271.status).toEqual([{ kind: 'terminating', label: 'Terminating: last valid date Dec 31, 2025' }]);
    expect(c5271.changes?.map((c) => c.text)).toContain('Terminating: last valid date 2025-12-31');
    expect((await card('C5271', 'standard', '2025-12-31')).card.status.map((s) => s.kind)).toEqual(['terminating']);
    expect((await card('C5271', 'standard', '2026-01-02')).card.status.map((s) => s.label)).toEqual(['Terminated Dec 31, 2025', 'Discontinued in 2026 Q1']);
  });

  it('without a history, a tooltip is what it was', async () => {
    const model = buildTooltipModel(await sampleLookup(), [{ code: 'A2001' }], 'standard', TODAY);
    expect(model.cards[0]!.changes).toBeUndefined();
  });

  it('full, with a date of service before a change: the description in force that day beside today’s', async () => {
    const lookup = await sampleLookup();
    const history = await sampleHistory();
    const at = (date: string, level: 'standard' | 'full') =>
      buildTooltipModel(lookup, [{ code: 'A2001', service: { source: 'dos-column', from: date } }], level, TODAY, history).cards[0]!.service;
    expect((await at('2025-12-15', 'full'))?.then).toBe('Described on 12/15/2025 as: Innovamatrix ac, per square centimeter');
    // Not at the standard level, and not for a day the description already held.
    expect((await at('2025-12-15', 'standard'))?.then).toBeUndefined();
    expect((await at('2026-01-15', 'full'))?.then).toBeUndefined();
  });
});

