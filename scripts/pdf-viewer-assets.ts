/**
 * The files pdf.js fetches while it reads a PDF, packaged with the extension
 * so the viewer fetches nothing from outside (src/pdf-viewer/pdf-engine.ts):
 * the CMaps (CJK and other non-Latin text), the standard fonts (the 14
 * base fonts a PDF may use without embedding them) and the JavaScript image
 * decoders for JPEG 2000 and JBIG2 that pdf.js imports when WebAssembly is
 * off (the default extension CSP has no 'wasm-unsafe-eval'). The .wasm
 * files themselves are not shipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const PDFJS = 'node_modules/pdfjs-dist';
/** Where the viewer finds them in the package: PDFJS_ASSETS in src/pdf-viewer/pdf-engine.ts. */
const OUT = 'pdfjs';

const FOLDERS: { from: string; keep: (name: string) => boolean }[] = [
  { from: 'cmaps', keep: (name) => name.endsWith('.bcmap') },
  { from: 'standard_fonts', keep: (name) => /\.(?:pfb|ttf)$/.test(name) },
  { from: 'wasm', keep: (name) => name.endsWith('_nowasm_fallback.js') },
];

export function pdfViewerAssets(): Plugin {
  return {
    name: 'hcpcs-lens:pdf-viewer-assets',
    generateBundle() {
      for (const { from, keep } of FOLDERS) {
        for (const name of readdirSync(join(PDFJS, from)).filter(keep)) {
          this.emitFile({ type: 'asset', fileName: `${OUT}/${from}/${name}`, source: readFileSync(join(PDFJS, from, name)) });
        }
      }
    },
  };
}
