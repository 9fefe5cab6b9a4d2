/**
 * Builds the extension for one browser: `vite build` for Chrome and Edge
 * (dist/chrome), `vite build --mode firefox` for Firefox (dist/firefox).
 * Each gets its own manifest, so neither browser warns about the other's keys.
 */
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

type Browser = 'chrome' | 'firefox';

const CONTENT_SCRIPT = 'src/content/index.ts';
const DATASET = 'data/hcpcs-dataset.tsv';

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
 * for the extension; the content script is one self-contained file, so the
 * list is dropped.
 */
function extensionFiles(): Plugin {
  return {
    name: 'hcpcs-lens:extension-files',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: DATASET, source: readFileSync(DATASET) });
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
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox140' : 'chrome120',
      // Readable stack traces in bug reports cost nothing at run time.
      sourcemap: false,
      chunkSizeWarningLimit: 2048,
    },
    plugins: [
      crx({ manifest: manifestFor(browser), browser, contentScripts: { standaloneFiles: [CONTENT_SCRIPT] } }),
      extensionFiles(),
    ],
  };
});
