/**
 * An option changed in the options page → visible in a tab already open:
 * "mark codes" ticked (the codes on screen marked) and the theme switched
 * (the tooltip on screen redrawn dark or light). From the click in the
 * options page to the end of the first frame showing it in the tab.
 */
import type { Page } from 'playwright-core';
import { setSettings } from '../../e2e/support/extension-page';
import type { BenchContext } from '../context';
import type { Figure } from '../figure';
import { codeSpots, hoverCode, installHoverProbe } from '../hover-driver';
import { tooltipPart } from '../../e2e/support/closed-tooltip';
import { afterNextPaint, armed, armInPage } from '../page-script';
import { summarise } from '../stats';

/** Clicks an option as the user does; returns when (epoch ms). */
function click(options: Page, selector: string): Promise<number> {
  return options.evaluate((s) => {
    const at = performance.timeOrigin + performance.now();
    (document.querySelector(s) as HTMLInputElement).click();
    return at;
  }, selector);
}

/** In the tab: resolves at the end of the first frame where the marks are there (or gone). */
function whenShown(kind: { marks: boolean }): Promise<number> {
  const paint = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
        channel.port2.postMessage(null);
      }),
    );
  return new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const ready = () => {
      let n = 0;
      for (const h of CSS.highlights.values()) n += h.size;
      return kind.marks ? n > 0 : n === 0;
    };
    const poll = () => {
      if (ready()) void paint().then(resolve);
      else if (performance.now() - started > 5000) reject(new Error(`not shown: ${JSON.stringify(kind)}`));
      else setTimeout(poll, 1);
    };
    poll();
  });
}

/**
 * The tooltip's theme is inside its closed shadow root, which page script
 * cannot read: it is read through the DevTools protocol (closed-tooltip.ts),
 * polled from here, then the end of the tab's next frame is taken. The
 * protocol's round trips (a few ms) count in the figure: an upper bound.
 */
async function themeShown(tab: Page, theme: string): Promise<number> {
  const tip = tooltipPart(tab);
  const started = Date.now();
  while ((await tip.getAttribute('data-theme')) !== theme) {
    if (Date.now() - started > 5000) throw new Error(`not shown: theme ${theme}`);
  }
  return tab.evaluate(afterNextPaint);
}

export async function settingsLive(ctx: BenchContext): Promise<Figure[]> {
  const ext = await ctx.browser();
  await setSettings(ext, { markCodes: false, theme: 'light', hoverDelayMs: 50 });
  const server = await ctx.server();
  const tab = await ext.context.newPage();
  await installHoverProbe(tab);
  await tab.goto(server.url('claims-table.html'));
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('src/options/index.html'));
  await options.locator('#preview .hl-card').waitFor();

  const marks: number[] = [];
  for (let i = 0; i < ctx.runs(10) * 2; i++) {
    const on = i % 2 === 0;
    await armInPage(tab, whenShown, { marks: on });
    const clicked = await click(options, 'input[name="markCodes"]');
    const shown = await armed<number>(tab);
    if (on) marks.push(shown - clicked);
  }
  // A tooltip on screen (the pointer stays on its code), then the theme switched back and forth.
  const [spot] = await codeSpots(tab, 'td');
  await hoverCode(tab, spot!);
  const theme: number[] = [];
  for (let i = 0; i < ctx.runs(10); i++) {
    const next = i % 2 === 0 ? 'dark' : 'light';
    const clicked = await click(options, `input[name="theme"][value="${next}"]`);
    theme.push((await themeShown(tab, next)) - clicked);
  }
  await options.close();
  await tab.close();
  await setSettings(ext, {});
  const suite = 'settings';
  return [
    { suite, name: 'option ticked (mark codes) → codes marked in an open tab', unit: 'ms', summary: summarise(marks), budget: { stat: 'max', limit: 200 } },
    { suite, name: 'option chosen (theme) → tooltip redrawn in an open tab', unit: 'ms', summary: summarise(theme), budget: { stat: 'max', limit: 200 } },
  ];
}
