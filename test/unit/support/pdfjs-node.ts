/**
 * pdf.js (the viewer's own legacy build) in node, to read what the viewer
 * would: pdf.js 6 calls Promise.withResolvers, which node 20 lacks and every
 * browser the extension supports has, so it is filled in here for the test.
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function firstPage(data: Uint8Array): Promise<PDFPageProxy> {
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
  const pdf = await getDocument({ data, verbosity: 0 }).promise;
  return pdf.getPage(1);
}
