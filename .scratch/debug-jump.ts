import { createContext } from '../test/bench/context';
import { writeSettings } from '../test/bench/mark-runs';
import { claimsTable } from '../test/bench/pages';
import { prepareJumps, jumpRun } from '../test/bench/jump-runs';
const rows = Number(process.argv[2] ?? 2000);
const ctx = createContext('/work/wt-robust', true);
const ext = await ctx.browser();
const server = await ctx.server({ '/t.html': claimsTable(rows) });
await writeSettings(ext, { markCodes: true });
const page = await ext.context.newPage();
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(server.url('t.html'));
await prepareJumps(page, { cells: 'tbody td:nth-child(3)' });
console.log('first', await jumpRun(page, 0));
for (const f of [0.25, 0.5, 0.75, 1, 0]) {
  await page.waitForTimeout(1300);
  const t = await page.evaluate(async (f) => {
    const el = document.scrollingElement!;
    el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 150));
    const marked = new Set<Node>();
    for (const h of CSS.highlights.values()) for (const r of h) marked.add(r.startContainer);
    const rows = [...document.querySelectorAll('tbody tr')].filter((tr) => { const r = tr.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
    const un = rows.filter((tr) => !marked.has((tr as HTMLTableRowElement).cells[2]!.firstChild!)).map((tr) => (tr as HTMLTableRowElement).rowIndex);
    return { f, total: marked.size, visible: rows.map((tr) => (tr as HTMLTableRowElement).rowIndex).join(','), un: un.join(',') };
  }, f);
  console.log(t);
}
await ctx.close();
