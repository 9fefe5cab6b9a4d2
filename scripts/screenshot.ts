/**
 * `npm run screenshot`: the README's picture of the tooltip. Loads the built
 * extension in headless Chromium, rests the pointer on E1392 in the demo
 * page's claims table and saves the tooltip with the table around it to
 * test/screenshots/tooltip.png. Run `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { launchExtension } from '../test/e2e/support/chromium';
import { startFixtureServer } from '../test/e2e/support/fixture-server';
import { hoverText, tooltipOf } from '../test/e2e/support/page-tools';

const OUT = new URL('../test/screenshots/tooltip.png', import.meta.url).pathname;

const [ext, server] = await Promise.all([launchExtension({ deviceScaleFactor: 2 }), startFixtureServer()]);
try {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1180, height: 1100 });
  await page.goto(server.url('demo/index.html'));
  await page.bringToFront();
  await hoverText(page, page.locator('#row1 .code'), 'E1392', 2);
  const tip = tooltipOf(page);
  await tip.waitFor({ state: 'visible' });
  // Past the tooltip's fade-in.
  await page.waitForTimeout(300);
  const table = (await page.locator('#lines').boundingBox())!;
  const box = (await tip.boundingBox())!;
  const x = Math.max(0, table.x - 12);
  const y = Math.max(0, table.y - 12);
  const right = Math.max(box.x + box.width, table.x + table.width) + 12;
  const clip = { x, y, width: right - x, height: box.y + box.height + 16 - y };
  mkdirSync(new URL('../test/screenshots/', import.meta.url).pathname, { recursive: true });
  await page.screenshot({ path: OUT, clip });
  console.log(`Wrote ${OUT}`);
} finally {
  await ext.close();
  await server.close();
}
