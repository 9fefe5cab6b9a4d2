import { createContext } from '../test/bench/context';
import { writeSettings, waitForQuiet } from '../test/bench/mark-runs';
import { ediFile } from '../test/bench/pages';
import { prepareJumps, jumpRun } from '../test/bench/jump-runs';
page0: 0;
const ctx = createContext('/work/wt-robust', true);
const ext = await ctx.browser();
const server = await ctx.server({ '/e.html': ediFile(20000) });
for (const on of [false, true]) {
  await writeSettings(ext, { markCodes: on });
  const page = await ext.context.newPage(); page.on('console', (m) => m.text().startsWith('spanNear') && console.log(m.text()));
  await page.goto(server.url('e.html'));
  await page.waitForTimeout(1500);
  await prepareJumps(page, { pre: 'pre' });
  for (const f of [0.25, 0.5, 0.75, 1, 0]) {
    await page.waitForTimeout(1300);
    await waitForQuiet(page);
    const frame = await page.evaluate(async (f) => {
      const el = document.scrollingElement!;
      const t0 = performance.now();
      el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
      await new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(null); }));
      const t1 = performance.now() - t0;
      const h = [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
      return { t1, h };
    }, f);
    const back = f < 0.5 ? f + 0.25 : f - 0.25;
    await jumpRun(page, back); await page.waitForTimeout(1300); await waitForQuiet(page);
    const j = on ? await jumpRun(page, f) : NaN;
    console.log(on, f, frame, j);
  }
  await page.close();
}
await ctx.close();
