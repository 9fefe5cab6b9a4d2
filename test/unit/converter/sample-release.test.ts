/**
 * The committed sample (real CMS records in CMS's own formats) converts to
 * exactly what CMS publishes: E1392 field by field, and every field of every
 * sample record against an independent reading of the raw files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CMS_FIXTURES, convertSample } from '../support/sample-release';
import { differences, readRawExcel, readRawText } from '../support/raw-release';

describe('fixed-width sample (January 2026 text edition)', () => {
  it('reads E1392 exactly as CMS publishes it', async () => {
    const { dataset } = await convertSample('txt');
    const e1392 = dataset.records.find((r) => r.code === 'E1392');
    expect(e1392).toEqual({
      code: 'E1392',
      kind: 'code',
      long: 'Portable oxygen concentrator, rental',
      short: 'Portable oxygen concentrator',
      pricing: ['33'],
      multiplePricing: 'A',
      cim: ['60-4'],
      mcm: [],
      statute: '',
      labCertification: [],
      crossReference: [],
      coverage: 'D',
      ascGroup: '',
      ascDate: '',
      mogGroup: '',
      mogPolicy: '',
      mogDate: '',
      processingNote: '',
      betos: 'D1C',
      typeOfService: ['R'],
      anesthesiaBaseUnits: 0,
      added: '2006-01-01',
      actionEffective: '2006-01-01',
      termination: '',
      action: 'N',
    });
  });

  it('decodes E1392 with the layout tables', async () => {
    const { tables } = (await convertSample('txt')).dataset;
    expect(tables.pricing['33']).toEqual({
      meaning: 'Oxygen and oxygen equipment (price subject to floors and ceilings)',
      group: 'Durable Medical Equipment, Prosthetics, Orthotics, Supplies And Surgical Dressings',
    });
    expect(tables.multiplePricing.A!.meaning).toBe('Not applicable as HCPCS priced under one methodology');
    expect(tables.coverage.D!.meaning).toBe('Special coverage instructions apply');
    expect(tables.betos.D1C!.meaning).toBe('Oxygen and supplies');
    expect(tables.typeOfService.R!.meaning).toBe('Rental of DME');
    expect(tables.action.N!.meaning).toBe('No maintenance for this code');
  });

  it('joins continuation lines in sequence order, for codes and modifiers', async () => {
    const { records } = (await convertSample('txt')).dataset;
    const byCode = new Map(records.map((r) => [r.code, r]));
    // C9754: four lines; CMS cuts at word boundaries, so the pieces join with one blank.
    expect(byCode.get('C9754')!.long).toBe(
      'Creation of arteriovenous fistula,  percutaneous; direct, any site, including all imaging and radiologic supervision and interpretation, when performed and secondary procedures to redirect blood flow (e.g., transluminal balloon angioplasty, coil embolization, when performed)',
    );
    expect(byCode.get('AB')!.long).toBe(
      'Audiology service furnished personally by an audiologist without a physician/npp order for non-acute hearing assessment unrelated to disequilibrium, or hearing aids, or examinations for the purpose of prescribing, fitting, or changing hearing aids; service may be performed once every 12 months, per beneficiary',
    );
    expect(byCode.get('AB')!.kind).toBe('modifier');
  });

  it('keeps modifiers, repeating fields, terminated and changed codes as CMS wrote them', async () => {
    const { records } = (await convertSample('txt')).dataset;
    const r = (code: string) => records.find((x) => x.code === code)!;
    expect(r('RR')).toMatchObject({ kind: 'modifier', long: "Rental (use the 'rr' modifier when dme is to be rented)", short: 'Rental (dme)', coverage: 'C', anesthesiaBaseUnits: null });
    expect(r('AM')).toMatchObject({ mcm: ['4105.7'], crossReference: ['QM'], processingNote: '0069' });
    expect(r('AH').mcm).toEqual(['2150', '5112']);
    expect(r('G0124')).toMatchObject({ pricing: ['11', '21'], multiplePricing: 'C', cim: ['50-20'], labCertification: ['630'] });
    expect(r('G0328').labCertification).toEqual(['310', '400']);
    expect(r('A4215').typeOfService).toEqual(['L', 'S']);
    expect(r('A4252')).toMatchObject({ statute: '1861(n)', coverage: 'S' });
    expect(r('A2001')).toMatchObject({ ascGroup: 'YY', ascDate: '2026-01-01', action: 'C' });
    expect(r('C5271')).toMatchObject({ action: 'D', termination: '2025-12-31', actionEffective: '2026-01-01' });
    expect(r('A4466')).toMatchObject({ termination: '2016-12-31', crossReference: ['A4467'], processingNote: '0196' });
    expect(r('A4295')).toMatchObject({ action: 'A', added: '2026-01-01' });
    expect(r('G9871').short).toBe('Bhv couns dm prev, onln 60 m'); // its first line is 546 columns, blank past 320
  });

  it('carries the processing notes the records refer to', async () => {
    const { notes } = (await convertSample('txt')).dataset;
    expect(notes['0069']).toBe('FOR ASSISTANT SURGEON SERVICES MODIFIERS 80, 81, 82, AK, AL, AM, AN, AS, AU, AV, AW, AY, QB, QU SEE MCM SECTION 15044.');
    expect(notes['0218']).toBe('MEDICARE DOES NOT COVER THIS SERVICE INDEPENDENTLY AS A SEPARATE IDENTIFIABLE SERVICE.');
  });

  it('matches an independent reading of the raw file in every field of every record', async () => {
    const { dataset, warnings } = await convertSample('txt');
    const raw = readRawText(readFileSync(`${CMS_FIXTURES}sample-anweb.txt`, 'latin1'));
    expect(dataset.records).toHaveLength(45);
    expect(differences(raw, dataset.records)).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe('Excel sample (October 2025 edition)', () => {
  it('reads every cell as text: numeric cells, empty cells, modifiers padded with blanks', async () => {
    const { dataset } = await convertSample('xlsx');
    const raw = await readRawExcel(readFileSync(`${CMS_FIXTURES}sample-anweb.xlsx`));
    // The sample keeps every row whose cells Excel stored as numbers (dates, a type of service).
    const rawByCode = new Map([...raw].map(([code, record]) => [code.trim(), record]));
    expect(differences(rawByCode, dataset.records)).toEqual([]);
    const rr = dataset.records.find((r) => r.code === 'RR')!;
    expect(rr.kind).toBe('modifier');
  });

  it('gives E1392 the same record as the text edition', async () => {
    const fromText = (await convertSample('txt')).dataset.records.find((r) => r.code === 'E1392');
    const fromExcel = (await convertSample('xlsx')).dataset.records.find((r) => r.code === 'E1392');
    expect(fromExcel).toEqual(fromText);
  });
});
