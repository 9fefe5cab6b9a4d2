/**
 * pdf.js (the viewer's own legacy build) in node, to read what the viewer
 * would: pdf.js 6 calls Promise.withResolvers, which node 20 lacks and every
 * browser the extension supports has, so it is filled in here for the test.
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Page `n` (1 = the first) of the PDF, as the viewer's pdf.js reads it. */
export async function pageOf(data: Uint8Array, n = 1): Promise<PDFPageProxy> {
  const p = Promise as unknown as { withResolvers?: () => unknown };
  p.withResolvers ??= () => {
    let resolve!: (v: unknown) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise((a, b) => {
      resolve = a;
      reject = b;
    });
    return { promise, resolve, reject };
  };
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // A copy: pdf.js takes the buffer it is given, and a test may open the same bytes twice.
  const pdf = await getDocument({ data: data.slice(), verbosity: 0 }).promise;
  return pdf.getPage(n);
}
