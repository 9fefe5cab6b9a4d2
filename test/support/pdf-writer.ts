/**
 * A small PDF writer for test fixtures: pages of text in Helvetica (and
 * Helvetica-Bold, so a run can change font mid-word the way real PDFs split
 * "E13" + "92"), pages that are only an image (a scan without a text layer),
 * tagged pages (a structure tree whose elements own marked content by MCID,
 * as a tagged report writer makes: ISO 32000-1, 14.7), and the standard security handler (RC4, revision 2: the oldest password
 * protection every reader opens), so a password-protected file can be made.
 * Written here rather than taken from npm: pdf-lib, the usual choice, cannot
 * encrypt, and this needs little more than an xref table.
 */
import { createHash } from 'node:crypto';
import { structureOf } from './pdf-structure';

export interface TextPart {
  text: string;
  bold?: boolean;
}

export interface TextRun {
  /** Left edge and top of the text, in points from the page's top-left corner. */
  x: number;
  y: number;
  size?: number;
  /** One string, or parts shown one after the other in the same line (a font change splits pdf.js's runs). */
  text: string | TextPart[];
  /** Marked content of a tagged page: the run is written inside `/Tag <</MCID n>> BDC … EMC`. */
  mcid?: number;
}

/** An element of a tagged page's structure tree (Table, TR, TH, TD …); a number is an MCID of the page's runs. */
export interface StructElement {
  role: string;
  kids: (StructElement | number)[];
  /** The page (0-based) its MCIDs are on, when not its parent's: a table running over pages. */
  page?: number;
}

export interface PdfPage {
  width?: number;
  height?: number;
  runs?: TextRun[];
  /** A grey image over the whole page, as a scanner makes. */
  scan?: boolean;
  /**
   * Shown turned a quarter clockwise (/Rotate 90), as landscape reports are
   * often stored: `width`/`height` are then the page as stored, and runs are
   * placed (and read) on the page as shown, which is `height` wide.
   */
  rotate?: 90;
  /** The page's structure tree elements (their MCIDs name its runs): the file is then tagged. A page whose runs only elements of another page's tree own has `[]`. */
  structure?: StructElement[];
}

export interface PdfOptions {
  /** Encrypts the file: it opens only with this password. */
  userPassword?: string;
  title?: string;
}

const LETTER = { width: 612, height: 792 };

function escapeText(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
}

function contentOf(page: PdfPage, tagOf: (mcid: number) => string): Buffer {
  const height = page.height ?? LETTER.height;
  const width = page.width ?? LETTER.width;
  const ops: string[] = [];
  if (page.scan) ops.push(`q ${width} 0 0 ${height} 0 0 cm /Im1 Do Q`);
  for (const run of page.runs ?? []) {
    const size = run.size ?? 10;
    const parts = typeof run.text === 'string' ? [{ text: run.text }] : run.text;
    const shown = parts.map((p) => `/${p.bold ? 'F2' : 'F1'} ${size} Tf (${escapeText(p.text)}) Tj`).join(' ');
    // The baseline: the top of the text plus the font's ascent (~0.8 em for Helvetica).
    const baseline = run.y + size * 0.8;
    // Turned a quarter: shown x is stored y, shown y is stored x, and the text runs up the stored page.
    const text = page.rotate === 90 ? `BT 0 1 -1 0 ${baseline.toFixed(2)} ${run.x} Tm ${shown} ET` : `BT ${run.x} ${(height - baseline).toFixed(2)} Td ${shown} ET`;
    ops.push(run.mcid === undefined ? text : `/${tagOf(run.mcid)} <</MCID ${run.mcid}>> BDC ${text} EMC`);
  }
  return Buffer.from(ops.join('\n'), 'latin1');
}

/** RC4, for the standard security handler. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

interface Security {
  key: Buffer;
  dictionary: string;
}

/** ISO 32000-1, 7.6.3 (algorithms 2, 3 and 4), revision 2 with 40-bit keys. */
function security(userPassword: string, id: Buffer): Security {
  const owner = rc4(md5(padded(`${userPassword}-owner`)).subarray(0, 5), padded(userPassword));
  const permissions = -4;
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(padded(userPassword), owner, p, id).subarray(0, 5);
  const user = rc4(key, PAD);
  return { key, dictionary: `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P ${permissions} >>` };
}

function objectKey(key: Buffer, num: number): Buffer {
  const suffix = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]);
  return md5(key, suffix).subarray(0, Math.min(key.length + 5, 16));
}

export function writePdf(pages: readonly PdfPage[], options: PdfOptions = {}): Uint8Array {
  const objects: (string | { dict: string; stream: Buffer })[] = [];
  const add = (o: (typeof objects)[number]) => objects.push(o);
  // 1: catalog, 2: pages, 3: Helvetica, 4: Helvetica-Bold, 5: the scan image; then a page and its content per page; then a tagged file's structure tree.
  const structure = structureOf(pages, (i) => 6 + i * 2, 6 + pages.length * 2);
  add(`<< /Type /Catalog /Pages 2 0 R${structure?.catalog ?? ''} >>`);
  const kids = pages.map((_, i) => `${6 + i * 2} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const pixels = Buffer.alloc(64 * 64);
  for (let i = 0; i < pixels.length; i++) pixels[i] = 200 + ((i * 7919) % 40);
  add({ dict: '/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8', stream: pixels });
  pages.forEach((page, i) => {
    const w = page.width ?? LETTER.width;
    const h = page.height ?? LETTER.height;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}]${page.rotate ? ` /Rotate ${page.rotate}` : ''} /Resources << /Font << /F1 3 0 R /F2 4 0 R >> /XObject << /Im1 5 0 R >> >> /Contents ${7 + i * 2} 0 R${structure?.pageEntry(i) ?? ''} >>`);
    add({ dict: '', stream: contentOf(page, (mcid) => structure?.tagOf(i, mcid) ?? 'Span') });
  });
  structure?.objects.forEach(add);
  const id = md5(Buffer.from(`${options.title ?? 'fixture'}:${pages.length}`));
  const sec = options.userPassword === undefined ? undefined : security(options.userPassword, id);

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  const push = (b: Buffer) => {
    chunks.push(b);
    length += b.length;
  };
  objects.forEach((o, i) => {
    const num = i + 1;
    offsets.push(length);
    if (typeof o === 'string') {
      push(Buffer.from(`${num} 0 obj\n${o}\nendobj\n`, 'latin1'));
    } else {
      const data = sec ? rc4(objectKey(sec.key, num), o.stream) : o.stream;
      push(Buffer.from(`${num} 0 obj\n<< ${o.dict} /Length ${data.length} >>\nstream\n`, 'latin1'));
      push(data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  let encrypt = '';
  if (sec) {
    offsets.push(length);
    const num = objects.length + 1;
    push(Buffer.from(`${num} 0 obj\n${sec.dictionary}\nendobj\n`, 'latin1'));
    encrypt = ` /Encrypt ${num} 0 R`;
  }
  const xref = length;
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(Buffer.from(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${rows}`, 'latin1'));
  push(Buffer.from(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
