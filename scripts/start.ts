/**
 * `npm start`: builds the extension and opens Chromium with it loaded on a
 * demo page of billing-portal content served from 127.0.0.1, so a newcomer
 * sees it work with one command. Without a display or a browser, says so and
 * explains how to load the build by hand.
 */
import { execFileSync } from 'node:child_process';
import { platform } from 'node:os';
import { CHROME_DIST, chromiumPath, launchExtension } from '../test/e2e/support/chromium';
import { startFixtureServer } from '../test/e2e/support/fixture-server';

const BY_HAND = `Load the extension by hand:
  Chrome / Chromium / Edge: open chrome://extensions, turn on Developer mode,
    choose "Load unpacked" and pick ${CHROME_DIST}
  Firefox: open about:debugging#/runtime/this-firefox, choose
    "Load Temporary Add-on…" and pick dist/firefox/manifest.json
Then try it on any page with HCPCS codes, or open test/fixtures/demo/index.html
through a local web server (content scripts do not run on file:// pages unless
you allow file access for the extension).`;

function hasDisplay(): boolean {
  return platform() !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  let browserFound = true;
  try {
    chromiumPath();
  } catch (error) {
    browserFound = false;
    console.log(`\n${(error as Error).message}`);
  }
  if (!hasDisplay()) console.log('\nNo display here (neither DISPLAY nor WAYLAND_DISPLAY is set): no browser window can open.');
  if (!browserFound || !hasDisplay()) {
    console.log(`\nThe build is ready in ${CHROME_DIST} (and dist/firefox).\n${BY_HAND}`);
    return;
  }
  const ext = await launchExtension({ headless: false, args: ['--start-maximized'] });
  const server = await startFixtureServer();
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  await page.goto(server.url('demo/index.html'));
  console.log(`\nHCPCS Lens is loaded in Chromium, showing ${server.url('demo/index.html')}.`);
  console.log('Rest the mouse on a code. Close the browser window to stop.');
  await new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
  await Promise.all([ext.close().catch(() => undefined), server.close()]);
}

main().catch((error: unknown) => {
  console.error(`\nCould not open Chromium: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  console.log(`\n${BY_HAND}`);
  process.exitCode = 1;
});
