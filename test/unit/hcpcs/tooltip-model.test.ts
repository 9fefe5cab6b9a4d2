/** What the tooltip says at each detail level, built from the sample release. */
import { describe, expect, it } from 'vitest';
import { buildTooltipModel } from '../../../src/hcpcs/tooltip-model';
import { sampleLookup } from '../support/sample-release';

const TODAY = '2026-02-10';

describe('tooltip model', () => {
  it('brief: code, short description, status, and a short release footer', async () => {
    const model = buildTooltipModel(await sampleLookup(), [{ code: 'E1392', modifiers: ['RR'] }], 'brief', TODAY);
    expect(model).toEqual({
      level: 'brief',
      release: 'CMS 2026 Q1',
      cards: [
        {
          code: 'E1392',
          kind: 'code',
          title: 'Portable oxygen concentrator',
          status: [{ kind: 'active', label: 'Active' }],
          facts: [],
          modifiers: [{ code: 'RR', kind: 'modifier', title: 'Rental (dme)', status: [{ kind: 'active', label: 'Active' }], facts: [], modifiers: [] }],
        },
      ],
    });
  });

  it('standard: long description, dates, coverage, pricing, BETOS, type of service, modifier meanings', async () => {
    const model = buildTooltipModel(await sampleLookup(), [{ code: 'E1392', modifiers: ['RR'] }], 'standard', TODAY);
    expect(model.release).toBe('CMS HCPCS 2026 Q1');
    const [card] = model.cards;
    expect(card!.title).toBe('Portable oxygen concentrator, rental');
    expect(card!.facts).toEqual([
      { label: 'Added', value: 'Jan 1, 2006' },
      { label: 'Last action', value: 'Jan 1, 2006', meaning: 'No maintenance for this code' },
      { label: 'Coverage', value: 'D', meaning: 'Special coverage instructions apply' },
      {
        label: 'Pricing',
        value: '33',
        meaning: 'Oxygen and oxygen equipment (price subject to floors and ceilings)',
        group: 'Durable Medical Equipment, Prosthetics, Orthotics, Supplies And Surgical Dressings',
      },
      { label: 'BETOS', value: 'D1C', meaning: 'Oxygen and supplies' },
      { label: 'Type of service', value: 'R', meaning: 'Rental of DME' },
    ]);
    expect(card!.modifiers[0]!.title).toBe("Rental (use the 'rr' modifier when dme is to be rented)");
  });

  it('full: every non-blank field with its label, decoded meaning and the layout’s explanation', async () => {
    const [card] = buildTooltipModel(await sampleLookup(), [{ code: 'E1392' }], 'full', TODAY).cards;
    const byLabel = Object.fromEntries(card!.facts.map((f) => [f.label, f]));
    expect(Object.keys(byLabel)).toEqual([
      'Long description',
      'Short description',
      'Pricing indicator #1',
      'Multiple pricing indicator',
      'Coverage Issues Manual section',
      'Coverage',
      'ASC payment group',
      'BETOS category',
      'Type of service #1',
      'Anesthesia base units',
      'Code added',
      'Action effective',
      'Action',
    ]);
    expect(byLabel['Multiple pricing indicator']).toMatchObject({ value: 'A', meaning: 'Not applicable as HCPCS priced under one methodology' });
    expect(byLabel['Coverage Issues Manual section']).toMatchObject({ value: '60-4' });
    expect(byLabel['ASC payment group']).toMatchObject({ value: '(blank)', meaning: 'Not Approved For ASC' });
    expect(byLabel['Anesthesia base units']).toMatchObject({ value: '0' });
    expect(byLabel['Action']).toMatchObject({ value: 'N', meaning: 'No maintenance for this code' });
    expect(byLabel['Coverage']!.help).toBe('A code denoting Medicare coverage status.');
    expect(card!.blank).toEqual([
      'Medicare Carriers Manual section',
      'Statute',
      'Lab certification',
      'Cross-reference code',
      'ASC payment group effective',
      'MOG payment group',
      'MOG payment policy indicator',
      'MOG effective date',
      'Processing note',
      'Termination date',
    ]);
  });

  it('full: processing notes and cross-references are decoded', async () => {
    const [card] = buildTooltipModel(await sampleLookup(), [{ code: 'A4466' }], 'full', TODAY).cards;
    expect(card!.facts.find((f) => f.label === 'Processing note')).toMatchObject({ value: '0196', meaning: 'PUB. 100-4, CH.21, SEC 10.1.3.' });
    expect(card!.facts.find((f) => f.label === 'Cross-reference code')).toMatchObject({ value: 'A4467' });
  });

  it('says "terminated" with its date at every level', async () => {
    const lookup = await sampleLookup();
    for (const level of ['brief', 'standard', 'full'] as const) {
      const [card] = buildTooltipModel(lookup, [{ code: 'C5271' }], level, TODAY).cards;
      expect(card!.status[0], level).toEqual({ kind: 'terminated', label: 'Terminated Dec 31, 2025' });
    }
  });

  it('names CPT codes and numeric modifiers without describing them', async () => {
    const [card] = buildTooltipModel(await sampleLookup(), [{ code: '99213', modifiers: ['25'] }], 'standard', TODAY).cards;
    expect(card).toMatchObject({ code: '99213', kind: 'cpt-code', title: 'CPT® code (HCPCS Level I)', notice: 'Description not included (AMA-licensed).' });
    expect(card!.modifiers[0]).toMatchObject({ code: '25', kind: 'cpt-modifier', notice: 'Description not included (AMA-licensed).' });
  });

  it('says plainly when a code is not in the release', async () => {
    const [card] = buildTooltipModel(await sampleLookup(), [{ code: 'E9999' }], 'brief', TODAY).cards;
    expect(card).toMatchObject({ kind: 'unknown', notice: 'E9999 is not in CMS HCPCS 2026 Q1: it may be newer than this release, retired long ago, or mistyped.' });
  });

  it('warns at every level once newer CMS data exists', async () => {
    const lookup = await sampleLookup();
    expect(buildTooltipModel(lookup, [{ code: 'E1392' }], 'brief', '2026-03-31').stale).toBeUndefined();
    for (const level of ['brief', 'standard', 'full'] as const) {
      expect(buildTooltipModel(lookup, [{ code: 'E1392' }], level, '2026-11-27').stale).toMatch(/^Newer CMS data exists: this is the 2026 Q1 release/);
    }
  });
});
