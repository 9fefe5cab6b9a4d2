/**
 * The pipeline (src/hcpcs/code-pipeline.ts): what counts as a code, and
 * which context silences or confirms one, each rule with the CMS or X12 fact
 * behind it. Answers are checked against the real bundled dataset.
 */
import { describe, expect, it } from 'vitest';
import { READ_AROUND, codeAt, findCodes, readTypedCodes, resolveCandidate, type CodeCandidate, type TextContext } from '../../../src/hcpcs/code-pipeline';
import { bundledLookup, inDataset } from '../../support/dataset';

const meaning = (code: string) => {
  const r = bundledLookup().modifier(code);
  return r && { long: r.long, short: r.short };
};

/** What a tooltip would show for every token of the text, as "E1392+RR". */
function shown(text: string, context: TextContext = {}): string[] {
  return findCodes(text, context)
    .map((c) => resolveCandidate(c, inDataset, meaning)?.item)
    .filter((i) => i !== undefined)
    .map((i) => [i.code, ...(i.modifiers ?? [])].join('+'));
}

/** What a hover on the first character of `at` would show. */
function hover(text: string, at: string, context: TextContext = {}): string | undefined {
  const c = codeAt(text, text.indexOf(at), context);
  const item = c && resolveCandidate(c, inDataset, meaning)?.item;
  return item && [item.code, ...(item.modifiers ?? [])].join('+');
}

describe('codes', () => {
  it('reads HCPCS Level II as a letter A–V and four digits (CMS record layout: HCPC, 5 characters)', () => {
    expect(shown('Bill E1392 and J1100; W1234 and e1392 are not codes.')).toEqual(['E1392', 'J1100']);
  });

  it('names a CPT code only where the page calls it CPT or a procedure code (CPT is the AMA’s; a bare five-digit number is a zip or an id)', () => {
    expect(shown('CPT 99213-25, zip 30303')).toEqual(['99213+25']);
    expect(shown('99213', { role: 'code' })).toEqual(['99213']);
  });

  it('reads a code glued into a longer token as no code: claim numbers, serials, ids', () => {
    expect(shown('CLM-E1392-0001 XE1392 E1392X E13925 E1392.5')).toEqual([]);
  });

  it('reads a range as its two end codes (LCDs list "E0100-E0105")', () => {
    expect(shown('E0100-E0105')).toEqual(['E0100', 'E0105']);
  });

  it('keeps at most four modifiers: the CMS-1500 (item 24D) and the 837P (SV101-3 to -6) have four places', () => {
    expect(shown('E1392-RR-KX-GA-GY-GZ')).toEqual(['E1392+RR+KX+GA+GY']);
  });
});

describe('context that silences a code', () => {
  it('reads codes after a Dx / ICD / diagnosis label, and the list that follows it, as ICD-10-CM diagnoses (J1100 is J11.00)', () => {
    expect(shown('Dx: J1100, E1100 and J449; procedure E1392')).toEqual(['E1392']);
    expect(shown('ICD-10-CM J1100')).toEqual([]);
    expect(shown('Diagnosis code #2: E1100')).toEqual([]);
  });

  it('reads a Dx column or field as diagnoses', () => {
    expect(shown('J1100', { role: 'diagnosis' })).toEqual([]);
  });

  it('reads an X12 HI segment as diagnoses, and only the HC-qualified SV1 composite as a procedure (837P, 005010X222A1)', () => {
    expect(shown('HI*ABK:J1100*ABF:E1100~SV1*HC:E1390:RR:KX*250*UN*1***1~')).toEqual(['E1390+RR+KX']);
  });

  it('reads a CARC group code before a reason (X12 CAS01: CO, PR, OA, PI, CR) as no modifier', () => {
    expect(shown('E1392 CO 45 $12.00')).toEqual(['E1392']);
    expect(shown('Line 1 adjusted CO 45: charges exceed the fee schedule. PR-1 deductible.')).toEqual([]);
  });
});

describe('standalone modifiers', () => {
  const list = (leadIn: string, line: string) => shown(line, { leadIn });

  it('explains the items of a list headed as modifiers (policy articles list "GA – Waiver of liability …")', () => {
    expect(list('Modifiers', 'GA – Waiver of liability statement issued as required by payer policy')).toEqual(['GA']);
    expect(list('Capped rental modifiers', '• KH – DMEPOS item, initial claim, purchase or first month rental')).toEqual(['KH']);
    expect(list('Informational modifiers:', '1. QW: CLIA waived test')).toEqual(['QW']);
    expect(list('Functional level modifiers', 'K3\tLower extremity prosthesis functional level 3')).toEqual(['K3']);
  });

  it('reads a row’s first cell or a term with the next cell or its definition', () => {
    expect(shown('RB', { leadIn: 'Table 3.2 — Modifiers', itemRest: 'Replacement of a part of a DME item furnished as part of a repair' })).toEqual(['RB']);
  });

  it('allows CMS’s abbreviations: the short description says "No md order" for "No physician … order"', () => {
    expect(list('Modifiers', 'EY: No md order for item/service')).toEqual(['EY']);
  });

  it('names a numeric CPT modifier as the item of a modifier list (its description is the AMA’s, not bundled)', () => {
    expect(list('Distinct procedural service modifiers', '59 – Distinct procedural service')).toEqual(['59']);
    expect(shown('59 – Distinct procedural service')).toEqual([]);
  });

  it('explains a modifier followed by its own CMS description anywhere: the page confirms itself', () => {
    expect(shown('Report FX X-ray taken using film on the line.')).toEqual(['FX']);
    expect(shown('RT Right side of the body')).toEqual(['RT']);
  });

  it('stays silent on list items whose text is not the modifier’s meaning', () => {
    expect(list('Modifiers', 'CA – California office')).toEqual([]);
    expect(list('Regional offices', 'GA – Atlanta regional office, covering Georgia')).toEqual([]);
    expect(list('Abbreviations', 'TC – Total cholesterol')).toEqual([]);
    expect(list('Abbreviations', 'MA – Medical assistant')).toEqual([]);
  });

  it('stays silent on state abbreviations in addresses, acronyms and group codes', () => {
    for (const text of ['Atlanta, GA 30303', 'Harrisburg, PA 17101', 'SARS-CoV-2 RT-PCR: not detected', 'PA required before delivery', 'Status OK.', 'The TC reviewed the file.', 'NU-Med Supply', 'GA RT NU and KX']) {
      expect(shown(text), text).toEqual([]);
    }
  });

  it('keeps today’s columns and prose: "Mod 1" columns, "the KX modifier", "modifiers GA, GY and GZ"', () => {
    expect(shown('RR, KX', { role: 'modifier' })).toEqual(['RR', 'KX']);
    expect(shown('Append the KX modifier; modifiers GA, GY and GZ describe liability.')).toEqual(['KX', 'GA', 'GY', 'GZ']);
  });
});

/** A candidate found in a window, with its indexes moved to the whole text's. */
const shift = (c: CodeCandidate, by: number): CodeCandidate => ({
  ...c,
  start: c.start + by,
  end: c.end + by,
  chainEnd: c.chainEnd + by,
  modifiers: c.modifiers.map((m) => ({ ...m, start: m.start + by })),
});

describe('one window for every caller', () => {
  /** A long line mixing every context, with labels further back than the window. */
  const long = [
    'The member asked twice about delivery. '.repeat(4),
    'Dx: J1100, E1100 and J449 were recorded. ',
    'Notes about the schedule follow. '.repeat(4),
    'Rental E1392-RR billed; J1100 given; CPT 99213-25; Atlanta, GA 30303; the KX modifier; CLM-E1392-0001; HI*ABK:J1100~SV1*HC:E1390:RR*250~ ',
    'GA – Waiver of liability statement issued as required by payer policy. E0100-E0105. CO 45. ',
  ].join('');

  it('a hover reading READ_AROUND either side of the point gets the answer a scan of the whole text gets, for every token', () => {
    const whole = new Map(findCodes(long).map((c) => [c.start, c]));
    const tokens = [...long.matchAll(/(?<![A-Za-z0-9_])(?:[A-V]\d{4}|\d{4}[\dFTU]|[A-Z0-9]{2})(?![A-Za-z0-9_])/g)];
    expect(tokens.length).toBeGreaterThan(20);
    for (const t of tokens) {
      const from = Math.max(0, t.index - READ_AROUND);
      const window = long.slice(from, t.index + READ_AROUND);
      const atPoint = codeAt(window, t.index - from);
      const fromScan = [...whole.values()].find((c) => c.start <= t.index && t.index < c.chainEnd);
      expect(atPoint && shift(atPoint, from), `${t[0]} at ${t.index}`).toEqual(fromScan);
    }
  });
});

describe('what a user typed', () => {
  it('takes typed codes as codes: no page-context rule (state, Dx label) silences them', () => {
    expect(readTypedCodes('GA').entries).toEqual([{ code: 'GA', modifiers: [] }]);
    expect(readTypedCodes('Dx: J1100').entries).toEqual([{ code: 'J1100', modifiers: [] }]);
    expect(readTypedCodes('Atlanta, GA 30303').entries.map((e) => e.code)).toEqual(['GA', '30303']);
  });
});
