/**
 * The PDFs the viewer is tested on, generated (test/support/pdf-writer.ts):
 * the layouts billers open every day, each with what makes PDFs hard to
 * read: columns written to the file in another order than they are seen,
 * a code split over two runs by a font change, code and modifiers in
 * separate columns, two columns of prose side by side.
 */
import { readFileSync } from 'node:fs';
import { writePdf, type PdfPage, type TextRun } from './pdf-writer';

const row = (y: number, cells: [number, string | TextRun['text']][]): TextRun[] => cells.map(([x, text]) => ({ x, y, text }));

/**
 * A remittance advice: a claim-line table with the HCPCS code, two modifier
 * columns and a group/reason adjustment column. The file lists the table
 * column by column (as some report writers do), so pdf.js's runs come in
 * an order no reader sees; the first row's code is split "E13" + "92" by a
 * change of font.
 */
export const REMITTANCE_ROWS = [
  { claim: 'CLM-1001', dos: '10/01/2025', code: [{ text: 'E13' }, { text: '92', bold: true }], mods: ['RR', 'KX'], adj: 'CO 45', paid: '212.40' },
  { claim: 'CLM-1002', dos: '10/02/2025', code: 'J1100', mods: ['', ''], adj: '', paid: '18.75' },
  { claim: 'CLM-1003', dos: '10/03/2025', code: 'A4253', mods: ['NU', ''], adj: 'PR 1', paid: '31.10' },
  { claim: 'CLM-1004', dos: '10/04/2025', code: 'E0601', mods: ['RR', ''], adj: '', paid: '63.00' },
] as const;

export function remittancePdf(options: { userPassword?: string; rotate?: 90 } = {}): Uint8Array {
  const columns: [number, string, (r: (typeof REMITTANCE_ROWS)[number]) => TextRun['text']][] = [
    [40, 'Claim', (r) => r.claim],
    [120, 'DOS', (r) => r.dos],
    [200, 'HCPCS', (r) => (typeof r.code === 'string' ? r.code : r.code.map((part) => ({ ...part })))],
    [260, 'Mod 1', (r) => r.mods[0]],
    [305, 'Mod 2', (r) => r.mods[1]],
    [350, 'Adj', (r) => r.adj],
    [420, 'Paid', (r) => r.paid],
  ];
  const runs: TextRun[] = [
    { x: 40, y: 40, size: 16, text: 'REMITTANCE ADVICE' },
    { x: 40, y: 64, text: 'Payer: Example DME MAC    Check 000123    Paid 10/15/2025' },
  ];
  for (const [x, head, cell] of columns) {
    runs.push({ x, y: 100, text: [{ text: head, bold: true }] });
    REMITTANCE_ROWS.forEach((r, i) => {
      const text = cell(r);
      if (text.length) runs.push({ x, y: 120 + i * 18, text });
    });
  }
  // Turned, it is stored as a portrait page and shown as a landscape one.
  const page = options.rotate ? { runs, rotate: options.rotate, width: 612, height: 792 } : { runs };
  return writePdf([page], { userPassword: options.userPassword, title: 'remittance' });
}

/** A policy article in two columns of prose; the file holds the whole left column, then the right. */
export const POLICY_LEFT = [
  'Oxygen and oxygen equipment (E1390, E1392)',
  'are covered when the coverage criteria are',
  'met. Suppliers must append the KX modifier',
  'to E1390 only when the criteria are met and',
  'the documentation is on file.',
];
export const POLICY_RIGHT = [
  'Claims that do not meet the criteria must',
  'carry one of the modifiers GA, GY and GZ.',
  'Positive airway pressure devices (E0601)',
  'billed with modifier RR are paid as a rental.',
  'Supplies such as A4253 are billed monthly.',
];

export function policyPdf(): Uint8Array {
  const runs: TextRun[] = [{ x: 50, y: 40, size: 14, text: 'Local Coverage Article: Oxygen and PAP Devices' }];
  POLICY_LEFT.forEach((text, i) => runs.push({ x: 50, y: 80 + i * 15, text }));
  POLICY_RIGHT.forEach((text, i) => runs.push({ x: 320, y: 80 + i * 15, text }));
  return writePdf([{ runs }], { title: 'policy' });
}

/** A payer's fee schedule: code, modifier, description, fee, row by row. */
export const FEE_ROWS = [
  ['E1392', 'RR', 'Portable oxygen concentrator, rental', '180.00'],
  ['E1392', 'NU', 'Portable oxygen concentrator, new', '1,450.00'],
  ['K0001', 'RR', 'Standard wheelchair', '60.00'],
  ['L3000', '', 'Foot insert, removable, molded', '95.00'],
  ['A4253', '', 'Blood glucose test strips, per 50', '27.00'],
] as const;

export function feeSchedulePdf(): Uint8Array {
  const runs: TextRun[] = [{ x: 40, y: 40, size: 14, text: 'DMEPOS Fee Schedule 2026 Q1 (excerpt)' }];
  runs.push(...row(80, [[40, 'HCPCS'], [100, 'MOD'], [150, 'DESCRIPTION'], [430, 'FEE']]));
  FEE_ROWS.forEach(([code, mod, description, fee], i) => runs.push(...row(100 + i * 16, [[40, code], [100, mod], [150, description], [430, fee]]).filter((r) => r.text !== '')));
  return writePdf([{ runs }], { title: 'fees' });
}

/** What a CMS quarterly release says of a code or modifier: its action and when it takes effect. */
export interface CmsChange {
  code: string;
  action: string;
  effective: string;
  description: string;
}

const ACTIONS: Record<string, string> = { A: 'Added', C: 'Changed', D: 'Discontinued', P: 'Payment change', S: 'Short descriptor change', B: 'Changed', R: 'Reactivated' };

/**
 * The changes of the January 2026 quarter, in CMS's own words: the records of
 * the sample of CMS's January 2026 Alpha-Numeric HCPCS file (public domain,
 * test/fixtures/cms/sample-anweb.txt) whose action takes effect that quarter.
 */
export function cmsQuarterChanges(): CmsChange[] {
  const file = readFileSync(new URL('../fixtures/cms/sample-anweb.txt', import.meta.url), 'latin1');
  const out: CmsChange[] = [];
  for (const line of file.split(/\r?\n/)) {
    const recid = line[10];
    if (recid !== '3' && recid !== '7') continue;
    const action = line[292] ?? '';
    const effective = line.slice(276, 284);
    if (!ACTIONS[action] || effective !== '20260101') continue;
    out.push({ code: line.slice(0, 5).trim(), action: ACTIONS[action]!, effective: '01/01/2026', description: line.slice(91, 119).trim() });
  }
  return out;
}

/** A page laid out as CMS's quarterly update lists its changes: code, action, date, short descriptor. */
export function cmsChangesPdf(): Uint8Array {
  const runs: TextRun[] = [
    { x: 40, y: 40, size: 14, text: 'January 2026 Quarterly Update: HCPCS Level II Changes' },
    { x: 40, y: 62, text: 'Codes added, changed and discontinued effective January 1, 2026.' },
    ...row(90, [[40, [{ text: 'HCPCS', bold: true }]], [100, [{ text: 'Action', bold: true }]], [220, [{ text: 'Effective', bold: true }]], [300, [{ text: 'Short Descriptor', bold: true }]]]),
  ];
  cmsQuarterChanges().forEach((c, i) => runs.push(...row(110 + i * 16, [[40, c.code], [100, c.action], [220, c.effective], [300, c.description]])));
  return writePdf([{ runs }], { title: 'cms-changes' });
}

/** A scanned page: an image and no text layer at all. */
export function scannedPdf(): Uint8Array {
  return writePdf([{ scan: true }, { scan: true }], { title: 'scan' });
}

/** Pages of claim lines; the last page alone holds L3000, so finding it needs the whole file read. */
export function longPdf(pageCount: number, linesPerPage = 3): Uint8Array {
  const pages: PdfPage[] = Array.from({ length: pageCount }, (_, p) => ({
    runs: [
      { x: 40, y: 40, size: 12, text: `Claim detail, page ${p + 1} of ${pageCount}` },
      ...Array.from({ length: linesPerPage }, (_, i) => ({ x: 40, y: 70 + i * 16, text: `Line ${i + 1}   E1392   RR   KX   1   250.00` })),
      ...(p === pageCount - 1 ? [{ x: 40, y: 70 + linesPerPage * 16, text: 'Line final   L3000   1   95.00' }] : []),
    ],
  }));
  return writePdf(pages, { title: `long-${pageCount}` });
}

/** A PDF cut short halfway, as an interrupted download leaves it. */
export function truncatedPdf(): Uint8Array {
  const whole = remittancePdf();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A PDF whose body was overwritten (its header and trailer intact): no page can be found in it. */
export function damagedPdf(): Uint8Array {
  const bytes = new Uint8Array(remittancePdf());
  bytes.fill(0x20, 200, bytes.length - 200);
  return bytes;
}

/** Bytes that are no PDF at all, named as one. */
export function notAPdf(): Uint8Array {
  return new TextEncoder().encode('<html><body>Session expired. Please sign in again.</body></html>');
}

export const PASSWORD = 'lens-test';
