/**
 * pdf.js, configured for files from anywhere (a remittance from a portal, an
 * attachment from a stranger): its worker, CMaps, standard fonts and image
 * decoders all come from the extension package (scripts/pdf-viewer-assets.ts),
 * so reading a PDF fetches nothing from outside.
 *
 * - No string evaluation: pdf.js 6 has no `new Function` path left (the
 *   glyph compiler behind CVE-2024-4367 and its `isEvalSupported` option are
 *   gone); test/e2e/build-output.e2e.ts checks the bundle for it.
 * - No scripting: the viewer loads neither pdf.js's scripting sandbox nor its
 *   annotation layer, so a PDF's JavaScript and forms never run.
 * - No XFA, no WebAssembly (the extension CSP has no 'wasm-unsafe-eval'): the
 *   JavaScript decoders are used instead.
 *
 * pdf.js's "legacy" build, not its default one: the default build calls
 * what only the newest browsers have (Map.prototype.getOrInsertComputed,
 * Math.sumPrecise, Promise.try, URL.parse) without a fallback, and the
 * extension supports Chrome 123 and Firefox 140; the legacy build carries
 * those fallbacks. Everything of pdf.js the viewer uses comes through this
 * file, so the bundle holds one copy of it.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import PdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs?worker';

/** Where the build puts pdf.js's data files in the package. */
const PDFJS_ASSETS = '/pdfjs/';

let workerStarted = false;

/**
 * Starts pdf.js's worker (1.2 MB of script to compile): called as the viewer
 * loads, so it is ready by the time the user has picked a file.
 */
export function startWorker(): void {
  if (workerStarted) return;
  GlobalWorkerOptions.workerPort = new PdfWorker();
  workerStarted = true;
}

/** Opens a PDF from its bytes (pdf.js takes ownership of the buffer). */
export function openPdf(data: Uint8Array): PDFDocumentLoadingTask {
  startWorker();
  const asset = (folder: string) => new URL(`${PDFJS_ASSETS}${folder}/`, location.href).href;
  return getDocument({
    data,
    cMapUrl: asset('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: asset('standard_fonts'),
    wasmUrl: asset('wasm'),
    useWasm: false,
    // The packaged standard fonts, not whatever this machine has installed: the same page everywhere.
    useSystemFonts: false,
    enableXfa: false,
    // The bytes are all here: no range requests, no streaming from anywhere.
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    // Quiet: warnings about a damaged file become our own message, not console noise.
    verbosity: 0,
  });
}

export { InvalidPDFException, PasswordException, PasswordResponses, TextLayer, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
export type { PageViewport, PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
