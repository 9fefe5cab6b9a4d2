import { createContext } from '../test/bench/context';
import { writeSettings } from '../test/bench/mark-runs';
import { claimsTable } from '../test/bench/pages';
const ctx = createContext('/work/wt-robust', true);
const ext = await ctx.browser();
await writeSettings(ext, { markCodes: false });
const server = await ctx.server({ '/t.html': claimsTable(20000) });
const variants = [':root::highlight(x)', '.nobody-has-this::highlight(x)', 'td::highlight(x)', 'table::highlight(x)', '::highlight(x)', ':root::highlight(x) /*style*/', '@property'];
for (let round = 0; round < 2; round++) for (const v of variants) {
  const page = await ext.context.newPage();
  await page.goto(server.url('t.html'));
  await page.waitForTimeout(500);
  const ms = await page.evaluate(async (v) => {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    document.documentElement.offsetHeight;
    const h = new Highlight();
    CSS.highlights.set('x', h);
    const t0 = performance.now();
    if (v.includes('/*style*/')) { const s = document.createElement('style'); s.textContent = `${v} { background-color: yellow; }`; document.head.append(s); }
    else if (v === '@property') { /* control: no rule at all */ }
    else { const sheet = new CSSStyleSheet(); sheet.replaceSync(`${v} { background-color: yellow; }`); document.adoptedStyleSheets = [sheet]; }
    document.documentElement.offsetHeight;
    return performance.now() - t0;
  }, v);
  console.log(round, v, ms.toFixed(1));
  await page.close();
}
await ctx.close();
