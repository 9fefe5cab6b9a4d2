/**
 * The bad inputs of issue 12 §5, each as a user could pick it, with the
 * message the options page must give (naming the file, and the line or row
 * and the field where the converter finds them).
 */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CMS_FIXTURES, type NewerRelease } from './newer-release';

export interface BadInput {
  name: string;
  bytes: Uint8Array;
  message: RegExp;
}

export function badInputs(newer: NewerRelease): BadInput[] {
  const layout = new Uint8Array(readFileSync(CMS_FIXTURES + 'sample-recordlayout.txt'));
  const workbook = unzipSync(new Uint8Array(readFileSync(CMS_FIXTURES + 'sample-anweb.xlsx')));
  workbook['xl/sharedStrings.xml'] = strToU8(strFromU8(workbook['xl/sharedStrings.xml']!).replace('<t>COV</t>', '<t>COVERAGE</t>'));
  const text = new TextDecoder('latin1').decode(unzipSync(newer.zip)['HCPC2026_APR_ANWEB_v2.txt']!).split('\r\n');
  const at = text.findIndex((l) => l.startsWith('E1392'));
  text[at] = text[at]!.slice(0, 100);
  return [
    { name: 'layout-only.zip', bytes: zipSync({ 'HCPC2026_recordlayout.txt': layout }), message: /^Not loaded: layout-only\.zip: no CMS Alpha-Numeric HCPCS file found/ },
    { name: 'cut-short.zip', bytes: newer.zip.subarray(0, Math.floor(newer.zip.length / 2)), message: /^Not loaded: cut-short\.zip: not a readable zip file: it is truncated or corrupt/ },
    { name: 'july-2026-alpha-numeric-hcpcs-file.zip', bytes: strToU8('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n'), message: /^Not loaded: july-2026-alpha-numeric-hcpcs-file\.zip: not a zip file \(a PDF document\)/ },
    { name: 'HCPC2026_APR_ANWEB.xlsx', bytes: zipSync(workbook), message: /^Not loaded: HCPC2026_APR_ANWEB\.xlsx, row 1: missing column "COV"/ },
    { name: 'HCPC2026_APR_ANWEB.txt', bytes: strToU8(text.join('\r\n'), true), message: new RegExp(`^Not loaded: HCPC2026_APR_ANWEB\\.txt, line ${at + 1}: line is 100 columns, too short for its fields \\(short, columns 92-119, is cut off\\)`) },
    { name: 'huge.zip', bytes: new Uint8Array(50 * 1024 * 1024 + 1), message: /^Not loaded: huge\.zip: is 50 MB, past the 50 MB a CMS release can be/ },
  ];
}
