/**
 * Writes the README's screenshots of the built extension:
 * test/screenshots/popup.png and test/screenshots/options.png.
 * Run `npm run build` first; then `npm run screenshots`. Lives with the tests:
 * it drives the built extension through their Chromium harness.
 */
import { launchExtension } from '../e2e/support/chromium';
import { startFixtureServer } from '../e2e/support/fixture-server';
import { openOptions, openPopup, openTab } from '../e2e/support/extension-pages';

const OUT = new URL('./', import.meta.url).pathname;

// A portal-like host name for the popup's "this site" line, served locally.
const ext = await launchExtension({ args: ['--host-resolver-rules=MAP portal.example-billing.com 127.0.0.1', '--force-prefers-reduced-motion'] });
const server = await startFixtureServer();
try {
  const port = new URL(server.origin).port;
  const { tabId } = await openTab(ext, `http://portal.example-billing.com:${port}/popup/claims.html`);

  const popup = await openPopup(ext, { tabId });
  await popup.keyboard.type('oxygen concentrator');
  await popup.locator('#results [data-code="E1392"]').waitFor();
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown');
  await popup.click('[data-code="E1392"] .row-main');
  await popup.locator('[data-code="E1392"] .hl-detail').waitFor();
  await popup.screenshot({ path: `${OUT}popup.png` });

  const options = await openOptions(ext);
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.screenshot({ path: `${OUT}options.png`, fullPage: true });
  console.log(`wrote ${OUT}popup.png and ${OUT}options.png`);
} finally {
  await ext.close();
  await server.close();
}
