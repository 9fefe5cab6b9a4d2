import { describe, expect, it } from 'vitest';
import { parseDatedList } from '../../../src/hcpcs/paste-dates';

const TODAY = '2026-12-07';
const read = (text: string) => parseDatedList(text, TODAY)?.entries;

describe('parseDatedList', () => {
  it('reads code<TAB>date and code,date, with modifiers', () => {
    expect(read('C5271\t02/01/2026\nA4295-RR\t1/15/26')).toEqual([
      { code: 'C5271', modifiers: [], service: { source: 'pasted', from: '2026-02-01' } },
      { code: 'A4295', modifiers: ['RR'], service: { source: 'pasted', from: '2026-01-15' } },
    ]);
    expect(read('C5271,2026-02-01\nE1392 RR,12/20/2025 - 01/10/2026')).toEqual([
      { code: 'C5271', modifiers: [], service: { source: 'pasted', from: '2026-02-01' } },
      { code: 'E1392', modifiers: ['RR'], service: { source: 'pasted', from: '2025-12-20', to: '2026-01-10' } },
    ]);
  });

  it('reads a spreadsheet range by its header: code, Mod and DOS columns, or From/To', () => {
    const sheet = 'Line\tHCPCS\tMod 1\tPaid Date\tDOS\n1\tE1392\tJG\t02/10/2026\t01/15/2026\n2\tC5271\t\t02/10/2026\tN/A';
    expect(read(sheet)).toEqual([
      { code: 'E1392', modifiers: ['JG'], service: { source: 'pasted', from: '2026-01-15' } },
      { code: 'C5271', modifiers: [] },
    ]);
    expect(read('Code,From,To\nC5271,12/20/2025,01/10/2026\nA4295,01/02/2026,')).toEqual([
      { code: 'C5271', modifiers: [], service: { source: 'pasted', from: '2025-12-20', to: '2026-01-10' } },
      { code: 'A4295', modifiers: [], service: { source: 'pasted', from: '2026-01-02' } },
    ]);
  });

  it('keeps a date not understood as such, never as a date', () => {
    expect(read('C5271\t02/30/2026\nA4295\t01/15/2026')?.[0]).toEqual({ code: 'C5271', modifiers: [], service: { source: 'pasted', unreadable: true } });
  });

  it('finds no date column in plain lists, in paid-date-only sheets, or in two unnamed date columns', () => {
    expect(parseDatedList('E1392, J1100, A4253', TODAY)).toBeUndefined();
    expect(parseDatedList('E1392\nJ1100', TODAY)).toBeUndefined();
    expect(parseDatedList('HCPCS\tPaid Date\nE1392\t02/01/2026', TODAY)).toBeUndefined();
    expect(parseDatedList('E1392\t01/01/2026\t02/01/2026', TODAY)).toBeUndefined();
    expect(parseDatedList('E1392\tRR\tKX', TODAY)).toBeUndefined();
  });
});
