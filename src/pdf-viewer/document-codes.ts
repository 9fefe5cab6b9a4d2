/**
 * "Codes in this PDF": every HCPCS code of every page, with how often it
 * appears and where first, found by the same detector as a hover (the
 * pipeline's findCodes on the visual lines) and confirmed by the worker's
 * dataset, as the popup's "codes on this page" does. Only code tokens are
 * sent to the worker; the PDF's text stays in this page.
 */
import { findCodes, mayHoldCodes, resolveCandidate, tokensToCheck, type CodeCandidate } from '../hcpcs/code-pipeline';
import type { LookupClient } from '../content/lookup-client';
import type { DocumentText } from './document-text';

export interface DocumentCode {
  code: string;
  count: number;
  /** Where it first appears: the page, and which occurrence of the code's text on that page it is (0 = the first). */
  first: { page: number; nth: number };
}

export interface DocumentScan {
  codes: DocumentCode[];
  /** Characters of text the PDF holds (not counting spaces): 0 for a scanned PDF without a text layer. */
  textLength: number;
}

export async function scanDocumentCodes(text: DocumentText, client: LookupClient, onProgress?: (page: number) => void, signal?: AbortSignal): Promise<DocumentScan> {
  const found: { candidate: CodeCandidate; page: number; nth: number }[] = [];
  let textLength = 0;
  for (let page = 1; page <= text.pageCount; page++) {
    if (signal?.aborted) break;
    const { lines } = await text.page(page);
    const seen = new Map<string, number>();
    for (const line of lines) {
      textLength += line.replace(/\s+/g, '').length;
      if (!mayHoldCodes(line)) continue;
      for (const candidate of findCodes(line)) {
        if (candidate.kind !== 'hcpcs') continue;
        const nth = seen.get(candidate.code) ?? 0;
        seen.set(candidate.code, nth + 1);
        found.push({ candidate, page, nth });
      }
    }
    onProgress?.(page);
  }
  const known = await client.known(found.flatMap((f) => tokensToCheck(f.candidate).slice(0, 1)));
  const codes = new Map<string, DocumentCode>();
  for (const f of found) {
    const code = resolveCandidate({ ...f.candidate, modifiers: [] }, known)?.item.code;
    if (!code) continue;
    const entry = codes.get(code);
    if (entry) entry.count++;
    else codes.set(code, { code, count: 1, first: { page: f.page, nth: f.nth } });
  }
  return { codes: [...codes.values()].sort((a, b) => a.code.localeCompare(b.code)), textLength };
}
