/**
 * The converter's entry for a file a user picks in the options page (run in
 * a browser worker there) gives the same dataset as `npm run data:build` on
 * the same CMS files, picks the same file CMS's naming says is current, and
 * refuses what is not a release with the file and the reason.
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convertFile } from '../../../data/converter/convert-file';
import { convertRelease, latin1, type KnownAids } from '../../../data/converter/convert-release';
import { layoutFrom, positionsOf } from '../../../data/converter/layout-positions';
import { parseRecordLayout } from '../../../data/converter/record-layout';
import { ReleaseError } from '../../../data/converter/release-error';
import { MAX_FILE_BYTES } from '../../../data/converter/release-pick';
import { encodeDataset } from '../../../src/hcpcs/dataset-format';
import { CMS_FIXTURES, convertSample, sampleFiles } from '../support/sample-release';

const fixture = (name: string) => new Uint8Array(readFileSync(CMS_FIXTURES + name));
const TXT = fixture('sample-anweb.txt');
const XLSX = fixture('sample-anweb.xlsx');
const LAYOUT = fixture('sample-recordlayout.txt');
const NOTES = fixture('sample-proc-notes.txt');
const BUNDLED_LAYOUT = JSON.parse(readFileSync(new URL('../../../data/hcpcs-layout.json', import.meta.url), 'utf8')) as unknown;

async function known(): Promise<KnownAids> {
  const { dataset } = await convertSample('txt');
  return { layout: layoutFrom(BUNDLED_LAYOUT, dataset), notes: { file: 'proc_notes_JAN2026.txt', notes: dataset.notes } };
}

/** CMS's quarterly zip: both editions, the layout, the notes and the workbooks that are not the release. */
function cmsZip(extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    'HCPC2026_JAN_ANWEB_01122026.txt': TXT,
    'HCPC2026_JAN_ANWEB_01122026.xlsx': XLSX,
    'HCPC2026_recordlayout.txt': LAYOUT,
    'proc_notes_JAN2026.txt': NOTES,
    'NOC codes_JAN2026.xlsx': XLSX,
    'HCPC2026_JAN_ANWEB_Corrections_01122026.xlsx': XLSX,
    'HCPC2026_JAN_ANWEB_Transaction Report_12292025.xlsx': XLSX,
    ...extra,
  });
}

async function refusal(promise: Promise<unknown>): Promise<ReleaseError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ReleaseError);
  return error as ReleaseError;
}

describe('a CMS zip as published', () => {
  it('converts to the very dataset data:build makes of the same files, naming what it ignored', async () => {
    const result = await convertFile('january-2026-alpha-numeric-hcpcs-file.zip', cmsZip(), await known());
    const node = await convertRelease({ ...sampleFiles('txt'), data: { name: 'HCPC2026_JAN_ANWEB_01122026.txt', origin: '', bytes: TXT } });
    expect(encodeDataset(result.dataset)).toBe(encodeDataset(node.dataset));
    expect(result.warnings).toEqual(node.warnings);
    expect(result.used).toEqual({ data: 'HCPC2026_JAN_ANWEB_01122026.txt', layout: 'HCPC2026_recordlayout.txt', notes: 'proc_notes_JAN2026.txt' });
    expect(result.aidsFromExtension).toBe(false);
    expect(result.ignored.sort()).toEqual(['HCPC2026_JAN_ANWEB_01122026.xlsx', 'HCPC2026_JAN_ANWEB_Corrections_01122026.xlsx', 'HCPC2026_JAN_ANWEB_Transaction Report_12292025.xlsx', 'NOC codes_JAN2026.xlsx']);
    expect(result.otherQuarters).toEqual([]);
  });

  it('takes a re-issue (_v2) over the first issue, and the later date stamp of two issues', async () => {
    const v2 = await convertFile('r.zip', cmsZip({ 'HCPC2026_JAN_ANWEB_v2.txt': TXT }), await known());
    expect(v2.used.data).toBe('HCPC2026_JAN_ANWEB_v2.txt');
    expect(v2.ignored).toContain('HCPC2026_JAN_ANWEB_01122026.txt');
    const later = await convertFile('r.zip', cmsZip({ 'HCPC2026_JAN_ANWEB_01282026.txt': TXT }), await known());
    expect(later.used.data).toBe('HCPC2026_JAN_ANWEB_01282026.txt');
  });

  it('takes the newest of two quarters and says which others it held', async () => {
    const result = await convertFile('two.zip', cmsZip({ 'HCPC2025_OCT_ANWEB.xlsx': XLSX }), await known());
    expect(result.dataset.release).toMatchObject({ year: 2026, quarter: 1 });
    expect(result.otherQuarters).toEqual(['HCPC2025_OCT_ANWEB.xlsx']);
  });
});

describe('a release file alone', () => {
  it('uses the layout and notes the extension has, and says so', async () => {
    const result = await convertFile('HCPC2026_JAN_ANWEB_01122026.txt', TXT, await known());
    const node = await convertSample('txt');
    expect(result.aidsFromExtension).toBe(true);
    expect(result.used).toEqual({ data: 'HCPC2026_JAN_ANWEB_01122026.txt', layout: 'HCPC2026_recordlayout.txt', notes: 'proc_notes_JAN2026.txt' });
    expect(result.dataset.records).toEqual(node.dataset.records);
    expect(result.dataset.notes).toEqual(node.dataset.notes);
  });

  it('reads the Excel edition alone', async () => {
    const result = await convertFile('HCPC2025_OCT_ANWEB.xlsx', XLSX, await known());
    expect(result.dataset.release).toMatchObject({ year: 2025, quarter: 4 });
    expect(result.dataset.records).toEqual((await convertSample('xlsx')).dataset.records);
  });

  it('the layout the extension has is where the 2026 layout puts every field', () => {
    expect(BUNDLED_LAYOUT).toEqual(positionsOf(parseRecordLayout('HCPC2026_recordlayout.txt', latin1(LAYOUT))));
  });
});

describe('refused, naming the file', () => {
  it('a zip with no HCPCS release in it', async () => {
    const e = await refusal(convertFile('layout-only.zip', zipSync({ 'HCPC2026_recordlayout.txt': LAYOUT, 'NOC codes_JAN2026.xlsx': XLSX }), await known()));
    expect(e.message).toMatch(/^layout-only\.zip: no CMS Alpha-Numeric HCPCS file found/);
  });

  it('a truncated zip', async () => {
    const zip = cmsZip();
    const e = await refusal(convertFile('cut.zip', zip.subarray(0, zip.length - 4000), await known()));
    expect(e.message).toMatch(/^cut\.zip: not a readable zip file: it is truncated or corrupt/);
  });

  it('a PDF renamed .zip, and a file of another kind', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj');
    expect((await refusal(convertFile('october-2026-alpha-numeric-hcpcs-file.zip', pdf, await known()))).message).toBe('october-2026-alpha-numeric-hcpcs-file.zip: not a zip file (a PDF document)');
    expect((await refusal(convertFile('notes.pdf', pdf, await known()))).message).toMatch(/^notes\.pdf: is not a CMS release: expected the quarterly zip.*\(this one is a PDF document\)$/);
  });

  it('a zip entry that declares more than 50 MB, before inflating it', async () => {
    const zip = zipSync({ 'HCPC2026_JAN_ANWEB.txt': TXT });
    // The central directory's uncompressed size (offset 24 of its header) claims 60 MB.
    const view = new DataView(zip.buffer, zip.byteOffset);
    let central = zip.length - 4;
    while (view.getUint32(central, true) !== 0x02014b50) central--;
    view.setUint32(central + 24, 60 * 1024 * 1024, true);
    const e = await refusal(convertFile('bomb.zip', zip, await known()));
    expect(e.message).toBe('bomb.zip, HCPC2026_JAN_ANWEB.txt: would inflate to 60 MB, past the 50 MB a CMS release file can be');
  });

  it('a release file without a single record', async () => {
    const e = await refusal(convertFile('HCPC2026_APR_ANWEB.txt', new TextEncoder().encode('\r\n'.repeat(10)), await known()));
    expect(e.message).toBe('HCPC2026_APR_ANWEB.txt: holds no HCPCS records');
  });

  it('a file over 50 MB', async () => {
    const e = await refusal(convertFile('huge.zip', new Uint8Array(MAX_FILE_BYTES + 1), await known()));
    expect(e.message).toBe('huge.zip: is 50 MB, past the 50 MB a CMS release can be');
  });

  it('a broken fixed-width record, with its line and field (every converter error reaches the user as data:build words it)', async () => {
    const cut = latin1(TXT).split('\r\n');
    const at = cut.findIndex((l) => l.startsWith('E1392'));
    cut[at] = cut[at]!.slice(0, 100);
    const e = await refusal(convertFile('HCPC2026_JAN_ANWEB.txt', new TextEncoder().encode(cut.join('\r\n')), await known()));
    expect(e.message).toBe(`HCPC2026_JAN_ANWEB.txt, line ${at + 1}: line is 100 columns, too short for its fields (short, columns 92-119, is cut off)`);
  });
});
