/**
 * npm run screenshots: the README's pictures of the built extension (run
 * `npm run build` first), through the end-to-end tests' Chromium harness:
 *   tooltip.png  the pointer resting on E1392 in the demo page's claims table
 *   popup.png    a word search with E1392 expanded
 *   options.png  the options page
 *   pdf-viewer.png  a remittance PDF in the viewer: a tooltip, codes marked, the code list
 */
import { launchExtension } from '../e2e/support/chromium';
import { startFixtureServer } from '../e2e/support/fixture-server';
import { openOptions, openPopup, openTab } from '../e2e/support/extension-pages';
import { hoverText, tooltipOf } from '../e2e/support/page-tools';
import { listedCodes, openViewer, pickFile, textLayerOf } from '../e2e/support/pdf-viewer';
import { remittancePdf } from '../support/pdf-fixtures';

const OUT = new URL('./', import.meta.url).pathname;

// A portal-like host name for the popup's "this site" line, served locally.
const ext = await launchExtension({
  deviceScaleFactor: 2,
  args: ['--host-resolver-rules=MAP portal.example-billing.com 127.0.0.1', '--force-prefers-reduced-motion'],
});
const server = await startFixtureServer();
try {
  const port = new URL(server.origin).port;

  const demo = await ext.context.newPage();
  await demo.setViewportSize({ width: 1180, height: 1100 });
  await demo.goto(`http://portal.example-billing.com:${port}/demo/index.html`);
  await demo.bringToFront();
  await hoverText(demo, demo.locator('#row1 .code'), 'E1392', 2);
  const tip = tooltipOf(demo);
  await tip.waitFor({ state: 'visible' });
  const table = (await demo.locator('#lines').boundingBox())!;
  const box = (await tip.boundingBox())!;
  const x = Math.max(0, table.x - 12);
  const y = Math.max(0, table.y - 12);
  const right = Math.max(box.x + box.width, table.x + table.width) + 12;
  await demo.screenshot({ path: `${OUT}tooltip.png`, clip: { x, y, width: right - x, height: box.y + box.height + 16 - y } });

  const { tabId } = await openTab(ext, `http://portal.example-billing.com:${port}/popup/claims.html`);
  const popup = await openPopup(ext, { tabId });
  await popup.keyboard.type('oxygen concentrator');
  await popup.locator('#results [data-code="E1392"]').waitFor();
  await popup.click('[data-code="E1392"] .row-main');
  await popup.locator('[data-code="E1392"] .hl-detail').waitFor();
  await popup.screenshot({ path: `${OUT}popup.png` });

  const options = await openOptions(ext);
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.screenshot({ path: `${OUT}options.png`, fullPage: true, scale: 'css' });
  const viewer = await openViewer(ext);
  await viewer.setViewportSize({ width: 1180, height: 720 });
  await pickFile(viewer, 'remittance-2025-10.pdf', remittancePdf());
  await listedCodes(viewer);
  await viewer.check('#mark-codes');
  await hoverText(viewer, await textLayerOf(viewer), 'J1100', 2);
  await tooltipOf(viewer).waitFor({ state: 'visible' });
  await viewer.screenshot({ path: `${OUT}pdf-viewer.png` });
  console.log(`wrote ${OUT}{tooltip,popup,options,pdf-viewer}.png`);
} finally {
  await ext.close();
  await server.close();
}
