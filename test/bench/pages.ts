/**
 * The pages the bench measures on, generated: claims tables of any size
 * (codes from the real dataset, modifiers in their own column, a Dx column of
 * code-shaped diagnoses to leave alone) and a large code-free text page. No
 * page runs a script of its own, so every script run in them is the
 * extension's (or the baseline's), which is how trace.ts attributes work.
 */
import { bundledLookup } from '../support/dataset';

/** Codes spread over the whole release, every one of them real. */
export function sampleCodes(count: number): string[] {
  const codes = bundledLookup().codeList;
  const step = Math.max(1, Math.floor(codes.length / count));
  return Array.from({ length: count }, (_, i) => codes[(i * step) % codes.length]!);
}

const MODIFIERS = ['RR', 'NU', 'KX', 'LT', 'RT', 'GA'];

export function claimsTable(rows: number, title = `${rows} claim lines`): string {
  const codes = sampleCodes(400);
  const body: string[] = [];
  for (let i = 0; i < rows; i++) {
    body.push(
      `<tr><td>CLM-${String(i).padStart(7, '0')}</td><td>2026-01-${String((i % 28) + 1).padStart(2, '0')}</td><td>${codes[i % codes.length]}</td><td>${MODIFIERS[i % MODIFIERS.length]}</td><td>J${String(1000 + (i % 900))}</td><td>${(i % 4) + 1}</td><td>$${(i % 997) + 10}.00</td></tr>`,
    );
  }
  return `<!doctype html><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/portal.css">
<main><h1>${title}</h1><table class="grid"><thead><tr><th>Claim</th><th>Date of service</th><th>HCPCS</th><th>Mod</th><th>Dx</th><th>Units</th><th>Charge</th></tr></thead><tbody>${body.join('\n')}</tbody></table></main>`;
}

/** About `bytes` of prose with nothing code-shaped in it, in paragraphs. */
export function codeFreeText(bytes: number): string {
  const paragraph =
    '<p>The claim was received on the first business day of the month and routed to the review queue. Coverage was confirmed against the member plan, the provider network status was verified, and the payment was released after the standard adjustment period without further correspondence.</p>\n';
  const count = Math.ceil(bytes / paragraph.length);
  return `<!doctype html><meta charset="utf-8"><title>Correspondence archive</title><main>${paragraph.repeat(count)}</main>`;
}

/** A raw 837P file of `lines` service lines in one <pre>, as a portal's EDI viewer shows it (one text node). */
export function ediFile(lines: number): string {
  const codes = sampleCodes(400);
  const body: string[] = ['ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *260105*1200*^*00501*000000001*0*P*&gt;~', 'GS*HC*SUBMITTER*RECEIVER*20260105*1200*1*X*005010X222A1~', 'ST*837*0001*005010X222A1~', 'CLM*CLM-0001*500***12:B:1*Y*A*Y*I~', 'HI*ABK&gt;J1100~'];
  for (let i = 0; i < lines; i++) body.push(`LX*${i + 1}~`, `SV1*HC&gt;${codes[i % codes.length]}&gt;${MODIFIERS[i % MODIFIERS.length]}*250*UN*1***1~`);
  body.push(`SE*${lines * 2 + 5}*0001~`);
  return `<!doctype html><meta charset="utf-8"><title>837P, ${lines} lines</title><link rel="stylesheet" href="/portal.css"><main><h1>Raw 837P</h1><pre class="edi">${body.join('\n')}</pre></main>`;
}

/** A claims table inside a scrolling panel (a portal's grid with its own scrollbar). */
export function scrollingPanel(rows: number): string {
  return claimsTable(rows, `${rows} claim lines in a panel`).replace('<main>', '<main style="display:block;height:80vh;overflow:auto" id="panel">');
}
