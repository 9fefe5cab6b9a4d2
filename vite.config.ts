/**
 * Builds the extension for one browser: `vite build` for Chrome and Edge
 * (dist/chrome), `vite build --mode firefox` for Firefox (dist/firefox).
 * Each gets its own manifest, so neither browser warns about the other's keys.
 */
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { datasetParts } from './src/hcpcs/dataset-parts';
import { pdfViewerAssets } from './scripts/pdf-viewer-assets';
import { pdfjsWithoutEval } from './scripts/pdfjs-without-eval';

type Browser = 'chrome' | 'firefox';

const CONTENT_SCRIPT = 'src/content/index.ts';
/** The content script's session, injected by the worker (src/common/session-script.ts). */
const SESSION_SCRIPT = 'src/content/session.ts';
const DATASET = 'data/hcpcs-dataset.tsv';
/** The PDF viewer: an extension page no manifest key names, so an entry of its own. */
const PDF_VIEWER = 'src/pdf-viewer/index.html';

/** Firefox-only keys; AMO requires an id and a data-collection declaration of new add-ons. */
function manifestFor(browser: Browser): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown> & typeof baseManifest;
  if (browser === 'firefox') {
    delete (manifest as Record<string, unknown>).minimum_chrome_version;
    manifest.background = { scripts: [manifest.background.service_worker], type: 'module' } as never;
    manifest.browser_specific_settings = {
      gecko: {
        id: 'hcpcs-lens@hcpcs-lens.example',
        // 140 is the ESR that introduced data_collection_permissions.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
    // Firefox injects content scripts into open tabs by itself and has no
    // match_origin_as_fallback; about:blank frames are covered by match_about_blank.
    for (const script of manifest.content_scripts) delete (script as Record<string, unknown>).match_origin_as_fallback;
  }
  return manifest as ManifestV3Export;
}

/**
 * The worker fetches the dataset by a fixed path. crxjs lists content-script
 * chunks as web_accessible_resources for every site, which lets any page probe
 * for the extension; the content scripts are self-contained files, injected
 * by the manifest or by scripting.executeScript (neither needs the list), so
 * it is dropped. After crxjs's own plugins ('post'), which add the session
 * script to the list.
 */
function extensionFiles(): Plugin {
  return {
    name: 'hcpcs-lens:extension-files',
    enforce: 'post',
    generateBundle(_options, bundle) {
      this.emitFile({ type: 'asset', fileName: DATASET, source: readFileSync(DATASET) });
      // crxjs also emits an ES-module copy of a script imported with ?script&iife, unused: only the IIFE file is injected.
      for (const [name, chunk] of Object.entries(bundle)) {
        if (chunk.type === 'chunk' && chunk.facadeModuleId?.endsWith(SESSION_SCRIPT) && chunk.isEntry) delete bundle[name];
      }
    },
    renderCrxManifest(manifest: Record<string, unknown>) {
      delete manifest.web_accessible_resources;
      return manifest;
    },
  } as Plugin;
}

export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    // Byte ranges of the dataset's parts: a cold worker reads only those it needs (background/dataset-parts-loader.ts).
    define: { __DATASET_PARTS__: JSON.stringify(datasetParts(readFileSync(DATASET))) },
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      // The oldest versions the manifests allow (minimum_chrome_version, strict_min_version): CSS such as
      // light-dark() is then shipped as written, not lowered to a longer fallback.
      target: browser === 'firefox' ? 'firefox140' : 'chrome123',
      // No source maps in the store packages: reviewers read the source archive (npm run package).
      sourcemap: false,
      chunkSizeWarningLimit: 2048,
      // No content hashes in file names: an extension's files are replaced together on
      // update, so they bust no cache, and crxjs's ?script import puts a hash of the
      // absolute source path into them, so a build elsewhere (AMO's source review)
      // would name the same files differently.
      rollupOptions: { input: { 'pdf-viewer': PDF_VIEWER }, output: { entryFileNames: 'assets/[name].js', chunkFileNames: 'assets/[name].js', assetFileNames: 'assets/[name][extname]' } },
    },
    plugins: [
      crx({ manifest: manifestFor(browser), browser, contentScripts: { standaloneFiles: [CONTENT_SCRIPT] } }),
      extensionFiles(),
      pdfViewerAssets(),
      pdfjsWithoutEval(),
    ],
    // pdf.js's worker is an ES module (it imports its image decoders when WebAssembly is off), built with the same rewrite.
    worker: {
      format: 'es',
      plugins: () => [pdfjsWithoutEval()],
      rollupOptions: { output: { entryFileNames: 'assets/[name].js', chunkFileNames: 'assets/[name].js' } },
    },
  };
});
