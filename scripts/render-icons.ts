/**
 * npm run icons: renders public/icons/icon.svg to the PNG sizes the manifest
 * names, each drawn at its own size (no down-scaling blur), in Chromium.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../test/e2e/support/chromium';

const ICONS = new URL('../public/icons/', import.meta.url).pathname;
const svg = readFileSync(`${ICONS}icon.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.screenshot({ path: `${ICONS}icon-${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log('public/icons/icon-{16,32,48,128}.png written');
