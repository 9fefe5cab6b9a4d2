/**
 * A malformed release is refused with the file, the line or row, and the
 * field at fault; a value the layout does not explain is kept with a warning.
 * Each case is a small file written by the test from a real CMS line.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convertRelease } from '../../../data/converter/convert-release';
import { ReleaseError } from '../../../data/converter/release-error';
import { CMS_FIXTURES, fixtureFile, sampleFiles } from '../support/sample-release';

const SAMPLE = readFileSync(`${CMS_FIXTURES}sample-anweb.txt`, 'latin1').split('\r\n');
const line = (code: string, recordId = '3') => SAMPLE.find((l) => l.slice(0, 5).trim() === code && l[10] === recordId)!;
const E1392 = line('E1392');

/** Replaces columns from..to (1-based) of a line. */
function put(text: string, from: number, value: string): string {
  return text.slice(0, from - 1) + value + text.slice(from - 1 + value.length);
}

function convertText(lines: string[]) {
  const files = sampleFiles('txt');
  const bytes = Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
  return convertRelease({ ...files, data: { name: 'HCPC2026_JAN_ANWEB_bad.txt', origin: 'test', bytes }, notes: undefined });
}

async function refusal(promise: Promise<unknown>): Promise<ReleaseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReleaseError);
  return error as ReleaseError;
}

describe('fixed-width file refused', () => {
  it('a line too short for its fields', async () => {
    const e = await refusal(convertText([line('E1390'), E1392.slice(0, 280)]));
    expect(e.message).toBe('HCPC2026_JAN_ANWEB_bad.txt, line 2: line is 280 columns, too short for its fields (actionEffective, columns 277-284, is cut off)');
  });

  it('text past column 320', async () => {
    const e = await refusal(convertText([E1392.padEnd(340) + 'X']));
    expect(e.message).toBe('HCPC2026_JAN_ANWEB_bad.txt, line 1: text past column 320 ("X")');
  });

  it('but not blanks past column 320 (G9871 in January 2026 is 546 columns)', async () => {
    const { dataset } = await convertText([E1392.padEnd(546)]);
    expect(dataset.records.map((r) => r.code)).toEqual(['E1392']);
  });

  it('an unknown record id', async () => {
    const e = await refusal(convertText([put(E1392, 11, '5')]));
    expect(e.message).toBe('HCPC2026_JAN_ANWEB_bad.txt, line 1: unknown record id "5" (expected 3, 4, 7 or 8)');
  });

  it('a continuation line without its first line', async () => {
    const continuation = line('C9754', '4');
    const e = await refusal(convertText([E1392, continuation]));
    expect(e.message).toBe('HCPC2026_JAN_ANWEB_bad.txt, line 2: continuation line (record id 4) for C9754 without its first line');
  });

  it('a modifier continuation (8) after a code first line (3)', async () => {
    const e = await refusal(convertText([line('C9754'), put(line('C9754', '4'), 11, '8')]));
    expect(e.problem).toMatch(/continuation line \(record id 8\) for C9754 without its first line/);
  });

  it('a repeated sequence number', async () => {
    const first = SAMPLE.filter((l) => l.startsWith('C9754'));
    const e = await refusal(convertText([first[0]!, first[1]!, first[1]!]));
    expect(e.message).toBe('HCPC2026_JAN_ANWEB_bad.txt, line 3: sequence number 200 of C9754 repeats or precedes its first line');
  });

  it('a duplicate code', async () => {
    const e = await refusal(convertText([E1392, E1392]));
    expect(e.message).toBe('HCPC2026_JAN_ANWEB_bad.txt, line 2: duplicate code E1392 (first at line 1)');
  });

  it('an impossible date, naming the field', async () => {
    const e = await refusal(convertText([put(E1392, 269, '20060231')]));
    expect(e.message).toBe('HCPC2026_JAN_ANWEB_bad.txt, line 1 (E1392): added "20060231" is not a real date (YYYYMMDD)');
    const t = await refusal(convertText([put(E1392, 285, '2025133')]));
    expect(t.problem).toBe('termination "2025133" is not a real date (YYYYMMDD)');
  });

  it('a code that is not a code for its record id', async () => {
    const e = await refusal(convertText([put(E1392, 1, 'E13X2')]));
    expect(e.problem).toBe('code "E13X2" is not a valid HCPCS code for record id 3');
  });

  it('anesthesia base units that are not a number', async () => {
    const e = await refusal(convertText([put(E1392, 266, ' x0')]));
    expect(e.problem).toBe('anesthesia base units "x0" is not a whole number');
  });
});

describe('values the layout does not explain', () => {
  it('are kept and reported as warnings', async () => {
    const { dataset, warnings } = await convertText([put(put(E1392, 257, 'ZZ9'), 230, 'Q')]);
    expect(dataset.records[0]).toMatchObject({ betos: 'ZZ9', coverage: 'Q' });
    expect(warnings).toEqual([
      { where: 'line 1 (E1392)', message: 'coverage "Q" is not in the layout\'s coverage table' },
      { where: 'line 1 (E1392)', message: 'betos "ZZ9" is not in the layout\'s betos table' },
    ]);
  });
});

describe('Excel file refused', () => {
  function convertWorkbook(bytes: Uint8Array) {
    return convertRelease({ ...sampleFiles('xlsx'), data: { name: 'HCPC2025_OCT_ANWEB_bad.xlsx', origin: 'test', bytes } });
  }

  it('a missing column', async () => {
    const parts = unzipSync(fixtureFile('sample-anweb.xlsx').bytes);
    const strings = strFromU8(parts['xl/sharedStrings.xml']!);
    expect(strings).toContain('<t>COV</t>');
    parts['xl/sharedStrings.xml'] = strToU8(strings.replace('<t>COV</t>', '<t>COVERAGE</t>'));
    const e = await refusal(convertWorkbook(zipSync(parts)));
    expect(e.message).toBe('HCPC2025_OCT_ANWEB_bad.xlsx, row 1: missing column "COV"');
  });

  it('a file that is not a workbook', async () => {
    const e = await refusal(convertWorkbook(Buffer.from('not a zip at all')));
    expect(e.message).toMatch(/^HCPC2025_OCT_ANWEB_bad\.xlsx: not a readable Excel file/);
  });

  it('an impossible date in a row, naming the row and field', async () => {
    const parts = unzipSync(fixtureFile('sample-anweb.xlsx').bytes);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    const strings = strFromU8(parts['xl/sharedStrings.xml']!);
    // Row 2's added date is a shared string; point it at a new, impossible one.
    const index = (strings.match(/<si>/g) ?? []).length;
    parts['xl/sharedStrings.xml'] = strToU8(strings.replace('</sst>', '<si><t>20021399</t></si></sst>'));
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace(/(<c r="AS2"[^>]*t="s"[^>]*><v>)\d+(<\/v>)/, `$1${index}$2`));
    const e = await refusal(convertWorkbook(zipSync(parts)));
    expect(e.message).toBe('HCPC2025_OCT_ANWEB_bad.xlsx, row 2 (AA): added "20021399" is not a real date (YYYYMMDD)');
  });
});
