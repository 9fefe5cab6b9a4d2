/** Field positions and every code table come from CMS's record layout file. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEntries, parseRecordLayout } from '../../../data/converter/record-layout';
import { TABLE_NAMES } from '../../../src/hcpcs/code-tables';
import { CMS_FIXTURES } from '../support/sample-release';

const layout = parseRecordLayout('HCPC2026_recordlayout.txt', readFileSync(`${CMS_FIXTURES}sample-recordlayout.txt`, 'latin1'));

describe('record layout', () => {
  it('reads field positions and repeat counts', () => {
    expect(layout.recordLength).toBe(320);
    expect(layout.fields.code).toEqual({ key: 'code', begin: 1, width: 5, occurs: 1 });
    expect(layout.fields.recordId).toMatchObject({ begin: 11, width: 1 });
    expect(layout.fields.long).toMatchObject({ begin: 12, width: 80 });
    expect(layout.fields.pricing).toEqual({ key: 'pricing', begin: 120, width: 2, occurs: 4 });
    expect(layout.fields.labCertification).toEqual({ key: 'labCertification', begin: 181, width: 3, occurs: 8 });
    expect(layout.fields.typeOfService).toEqual({ key: 'typeOfService', begin: 261, width: 1, occurs: 5 });
    expect(layout.fields.action).toMatchObject({ begin: 293, width: 1 });
  });

  it('has every code table, non-empty', () => {
    for (const name of TABLE_NAMES) expect(Object.keys(layout.tables[name]).length, name).toBeGreaterThan(0);
  });

  it('reads pricing indicators with their fee-schedule heading, over two underlined lines', () => {
    expect(layout.tables.pricing['00']).toEqual({
      meaning: 'Service not separately priced by part B (e.G., services not covered, bundled, used by part a only, etc.)',
    });
    expect(layout.tables.pricing['11']!.group).toBe('Physician Fee Schedule And Non-Physician Practitioners Linked To The Physician Fee Schedule');
    expect(layout.tables.pricing['21']!.group).toBe('Clinical Lab Fee Schedule');
    expect(layout.tables.pricing['40']!.meaning).toBe('Lymphedema Compression Treatment Items (eff 1/1/2024)');
    expect(layout.tables.pricing['99']).toEqual({ meaning: 'Value not established', group: 'Other' });
  });

  it('reads lab certification sub-codes under their category', () => {
    expect(layout.tables.labCertification['100']).toEqual({ meaning: 'Microbiology' });
    expect(layout.tables.labCertification['110']).toEqual({ meaning: 'Bacteriology', parent: '100' });
    expect(layout.tables.labCertification['900']).toEqual({ meaning: 'Clinical cytogenetics' });
  });

  it('reads the appendix tables, the coverage, action, record id, ASC and MOG tables', () => {
    expect(Object.keys(layout.tables.betos)).toHaveLength(107);
    expect(layout.tables.betos.O1L!.meaning).toBe('Lymphedema Compression Treatment Items (eff 1/1/2024)');
    expect(layout.tables.betos.M3!.meaning).toBe('Emergency room visit');
    expect(layout.tables.typeOfService['0']!.meaning).toBe('Whole blood only eff 01/96, whole blood or packed red cells before 01/96');
    expect(Object.keys(layout.tables.coverage).sort()).toEqual(['C', 'D', 'I', 'M', 'S']);
    expect(Object.keys(layout.tables.action).sort()).toEqual(['A', 'B', 'C', 'D', 'F', 'N', 'P', 'R', 'S', 'T']);
    expect(layout.tables.multiplePricing['9']!.meaning).toBe(
      "Not applicable as HCPCS not priced separately by part B (pricing indicator is 00) or value is not established (pricing indicator is '99')",
    );
    expect(layout.tables.recordId['8']!.meaning).toMatch(/^Second, third, fourth, etc\., Description of modifier record/);
    expect(layout.tables.ascGroup.YY!.meaning).toMatch(/approved to be performed in an ambulatory surgical center/);
    expect(layout.tables.ascGroup['']!.meaning).toBe('Not Approved For ASC');
    expect(layout.tables.mogPolicy['9']!.meaning).toBe('ASC payment not applicable');
    expect(layout.tables.mogGroup['269']).toEqual({ meaning: 'Closed treatment fracture/dislocation/except finger/toe/trunk', group: 'Musculoskeletal' });
  });

  it('keeps the layout’s explanation of each field', () => {
    expect(layout.help.pricing).toMatch(/^Code used to identify the appropriate methodology for developing unique pricing amounts under part B/);
    expect(layout.help.coverage).toBe('A code denoting Medicare coverage status.');
  });

  it('parses entry lists: continuation, sub-codes, headings', () => {
    const table = parseEntries([
      '   A = First meaning',
      '       continued here',
      '   Heading',
      '   -------',
      '   B = Second',
      '       C1 = Child of B',
    ]);
    expect(table).toEqual({
      A: { meaning: 'First meaning continued here' },
      B: { meaning: 'Second', group: 'Heading' },
      C1: { meaning: 'Child of B', group: 'Heading', parent: 'B' },
    });
  });
});
