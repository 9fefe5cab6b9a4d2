/**
 * Builds the extension for one browser: `vite build` for Chrome and Edge
 * (dist/chrome), `vite build --mode firefox` for Firefox (dist/firefox).
 * Each gets its own manifest, so neither browser warns about the other's keys.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { DEV_EXTENSION_KEY } from './scripts/dev-extension-key';
import { managedSchema } from './src/common/policy-schema';
import { datasetParts } from './src/hcpcs/dataset-parts';
import { pdfViewerAssets } from './scripts/pdf-viewer-assets';
import { pdfjsWithoutEval } from './scripts/pdfjs-without-eval';

type Browser = 'chrome' | 'firefox';

const CONTENT_SCRIPT = 'src/content/index.ts';
/** The content script's session, injected by the worker (src/common/session-script.ts). */
const SESSION_SCRIPT = 'src/content/session.ts';
/** The session's parts, injected by the worker when the session asks (src/common/content-parts.ts). */
const PART_SCRIPTS = ['src/content/parts/tooltip-part.ts', 'src/content/parts/service-date-part.ts', 'src/content/parts/marking-part.ts', 'src/content/parts/code-lists-part.ts'];
const DATASET = 'data/hcpcs-dataset.tsv';
/** The policies IT may set (src/common/policy-schema.ts), for Chrome and Edge; Firefox reads no schema. */
const MANAGED_SCHEMA = 'managed-schema.json';
/** What changed from the release before the bundled one (data/converter/changes-cli.ts). */
const CHANGES = 'data/hcpcs-changes.tsv';
/** The PDF viewer: an extension page no manifest key names, so an entry of its own. */
const PDF_VIEWER = 'src/pdf-viewer/index.html';

/**
 * Chrome-only keys: the managed-storage schema, and the development key that
 * fixes the unpacked extension's id (scripts/dev-extension-key.ts; the store
 * packages drop it). Firefox-only keys; AMO requires an id and a
 * data-collection declaration of new add-ons.
 */
function manifestFor(browser: Browser): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown> & typeof baseManifest;
  if (browser === 'chrome') {
    manifest.storage = { managed_schema: MANAGED_SCHEMA };
    manifest.key = DEV_EXTENSION_KEY;
  }
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
 * The worker fetches the dataset and the changes part by fixed paths. crxjs lists content-script
 * chunks as web_accessible_resources for every site, which lets any page probe
 * for the extension; the content scripts are self-contained files, injected
 * by the manifest or by scripting.executeScript (neither needs the list), so
 * it is dropped. After crxjs's own plugins ('post'), which add the session
 * script to the list.
 */
function extensionFiles(browser: Browser): Plugin {
  return {
    name: 'hcpcs-lens:extension-files',
    enforce: 'post',
    generateBundle(_options, bundle) {
      this.emitFile({ type: 'asset', fileName: DATASET, source: readFileSync(DATASET) });
      if (browser === 'chrome') this.emitFile({ type: 'asset', fileName: MANAGED_SCHEMA, source: `${JSON.stringify(managedSchema(), null, 2)}\n` });
      this.emitFile({ type: 'asset', fileName: CHANGES, source: readFileSync(CHANGES) });
      // crxjs also emits an ES-module copy of a script imported with ?script&iife, unused: only the IIFE file is injected.
      const injected = [SESSION_SCRIPT, ...PART_SCRIPTS];
      for (const [name, chunk] of Object.entries(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && injected.some((script) => chunk.facadeModuleId?.endsWith(script))) delete bundle[name];
      }
    },
    renderCrxManifest(manifest: Record<string, unknown>) {
      delete manifest.web_accessible_resources;
      return manifest;
    },
  } as Plugin;
}

/**
 * read-excel-file's universal entry unzips with fflate's async `unzip`, which
 * starts blob: workers the extension's CSP refuses; in the import worker it
 * gets a synchronous one instead (src/options/release-import/fflate-sync.ts).
 */
function syncUnzipForExcel(): Plugin {
  const shim = fileURLToPath(new URL('./src/options/release-import/fflate-sync.ts', import.meta.url));
  return {
    name: 'hcpcs-lens:sync-unzip-for-excel',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'fflate' && importer?.includes('/node_modules/read-excel-file/') ? shim : null;
    },
  };
}

/** The release line of the bundled dataset's header (hcpcs/dataset-format.ts). */
function bundledRelease(): unknown {
  const text = readFileSync(DATASET, 'utf8');
  const line = text.slice(text.indexOf('\n') + 2, text.indexOf('\n', text.indexOf('\n') + 1));
  return (JSON.parse(line) as { release: unknown }).release;
}

/**
 * Modules that two or more entries share (src/common, src/hcpcs, the popup's
 * clipboard the PDF viewer reuses) go in one chunk, shared.js. Each chunk is
 * one more request to the extension's resource loader before the worker can
 * answer or the popup's script can run: by default the worker loaded 11 files
 * and the popup 11; now 2 each. Each entry then parses some shared code it
 * does not run (lazily, cheaper than a request).
 */
const SHARED_CHUNKS = { groups: [{ name: 'shared', test: /\/src\/(common|hcpcs|popup)\//, minShareCount: 2 }] };

export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    // Byte ranges of the dataset's parts: a cold worker reads only those it needs (background/dataset-parts-loader.ts).
    define: {
      __DATASET_PARTS__: JSON.stringify(datasetParts(readFileSync(DATASET))),
      __BUNDLED_RELEASE__: JSON.stringify(bundledRelease()),
    },
    // Module workers: the options page's import worker (src/options/release-import/), and pdf.js's
    // (it imports its image decoders when WebAssembly is off), built with the same eval-free rewrite.
    worker: { format: 'es', plugins: () => [syncUnzipForExcel(), pdfjsWithoutEval()], rollupOptions: { output: { entryFileNames: 'assets/[name].js', chunkFileNames: 'assets/[name].js' } } },
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      // The oldest versions the manifests allow (minimum_chrome_version, strict_min_version): CSS such as
      // light-dark() is then shipped as written, not lowered to a longer fallback.
      target: browser === 'firefox' ? 'firefox140' : 'chrome123',
      // No source maps in the store packages: reviewers read the source archive (npm run package).
      sourcemap: false,
      chunkSizeWarningLimit: 2048,
      // Every browser the manifests allow supports modulepreload: no polyfill (it would land in the shared chunk, which the worker loads too).
      modulePreload: { polyfill: false },
      // No content hashes in file names: an extension's files are replaced together on
      // update, so they bust no cache, and crxjs's ?script import puts a hash of the
      // absolute source path into them, so a build elsewhere (AMO's source review)
      // would name the same files differently.
      rollupOptions: { input: { 'pdf-viewer': PDF_VIEWER }, output: { entryFileNames: 'assets/[name].js', chunkFileNames: 'assets/[name].js', assetFileNames: 'assets/[name][extname]', codeSplitting: SHARED_CHUNKS } },
    },
    plugins: [
      crx({ manifest: manifestFor(browser), browser, contentScripts: { standaloneFiles: [CONTENT_SCRIPT] } }),
      extensionFiles(browser),
      pdfViewerAssets(),
      pdfjsWithoutEval(),
    ],
  };
});
