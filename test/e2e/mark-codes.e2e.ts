/**
 * "Mark codes on the page": every recognised code underlined through the
 * CSS Custom Highlight API (the page's DOM untouched), kept current as rows
 * arrive, gone when turned off; on a 20,000-row table, every code on screen
 * marked wherever the user scrolls.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAST, setSettings } from './support/extension-page';
import { useExtension } from './support/extension-session';
import { highlightPaint } from './support/in-page';

const BIG_ROWS = 20_000;
const BIG_CODES = ['E1392', 'E0431', 'J1100', 'A4253', 'K0001'];

function bigTable(count = BIG_ROWS): string {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    rows.push(`<tr><td>CLM-${String(i).padStart(6, '0')}</td><td class="c">${BIG_CODES[i % BIG_CODES.length]}</td><td>RR</td><td>J449</td><td>1</td><td>$${i % 300}.00</td></tr>`);
  }
  return `<!doctype html><title>big</title><link rel="stylesheet" href="/portal.css"><table class="grid"><thead><tr><th>Claim</th><th>HCPCS</th><th>Mod</th><th>Dx</th><th>Units</th><th>Charge</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** An old portal's layout table: a long menu in one cell of a tall row, the claims in the next (longer still). */
function layoutTable(): string {
  const menu = Array.from({ length: 3000 }, (_, i) => `<div>Menu entry ${i}</div>`).join('');
  const rows = Array.from({ length: 4000 }, (_, i) => `<tr><td>CLM-${i}</td><td class="c">${BIG_CODES[i % BIG_CODES.length]}</td></tr>`).join('');
  return `<!doctype html><title>layout</title><table width="100%"><tr><td style="vertical-align:top;width:20%">${menu}</td><td style="vertical-align:top"><table class="grid" width="100%"><tbody>${rows}</tbody></table></td></tr></table>`;
}

/** A long claims table with a panel beside it that stays on screen, whose codes come after every row in document order. */
function tableWithSidePanel(): string {
  const rows = Array.from({ length: BIG_ROWS }, (_, i) => `<tr><td>CLM-${i}</td><td class="c">${BIG_CODES[i % BIG_CODES.length]}</td></tr>`).join('');
  const recent = ['G0439', 'A4253', 'J1100'].map((c) => `<li class="c">${c}</li>`).join('');
  return `<!doctype html><title>panel</title><div style="display:flex;align-items:flex-start"><table class="grid" style="width:60%"><tbody>${rows}</tbody></table><aside style="position:sticky;top:0;margin-left:auto;width:30%"><h2>Recently viewed</h2><ul>${recent}</ul></aside></div>`;
}

/** A raw 837P of 20,000 service lines in one <pre>, as a portal's EDI viewer shows it: scrolled with the page, or in a box of its own. */
function ediPre(style = ''): string {
  const lines = Array.from({ length: 20_000 }, (_, i) => `LX*${i + 1}~\nSV1*HC:${BIG_CODES[i % BIG_CODES.length]}:RR*250*UN*1***1~`).join('\n');
  return `<!doctype html><title>837P</title><h1>Raw 837P</h1><pre style="${style}">ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *260105*1200*^*00501*000000001*0*P*:~\n${lines}\nSE*40003*0001~</pre>`;
}

const e2e = useExtension({
  settings: { ...FAST, markCodes: true },
  pages: {
    '/generated/big-table.html': bigTable(),
    '/generated/huge-table.html': bigTable(50_000),
    '/generated/layout-table.html': layoutTable(),
    '/generated/side-panel.html': tableWithSidePanel(),
    '/generated/edi-pre.html': ediPre(),
    '/generated/edi-box.html': ediPre('height: 60vh; overflow: auto; padding: 12px 8px; border: 3px solid; font: 15px/1.6 monospace'),
  },
});
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
});

/** The marked text of every highlight range in the page (a code with its modifiers may span nodes: `<span>E1392</span><span>-</span><span>RR</span>`), with the id of its row. */
function marked(): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const highlight of CSS.highlights.values()) {
      for (const r of highlight) {
        const node = r.startContainer as Text;
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        out.push(`${live.toString()}@${node.parentElement?.closest('tr')?.id ?? node.parentElement?.id ?? ''}`);
      }
    }
    return out.sort();
  });
}

/**
 * The code elements (`.c`) on screen whose code is not marked, or -1 if none
 * is on screen. Each group of `.c` elements (a table's cells, a panel's list)
 * runs top to bottom, so those on screen are found by bisection.
 */
function unmarkedCodesOnScreen(groups: string[]): Promise<number> {
  return page.evaluate((groups) => {
    const marked = new Set<Node>();
    for (const h of CSS.highlights.values()) for (const r of h) marked.add(r.startContainer);
    let seen = 0;
    let unmarked = 0;
    for (const selector of groups) {
      const items = [...document.querySelectorAll(selector)];
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (items[mid]!.getBoundingClientRect().bottom <= 0) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < items.length && items[i]!.getBoundingClientRect().top < innerHeight; i++, seen++) if (!marked.has(items[i]!.firstChild!)) unmarked++;
    }
    return seen === 0 ? -1 : unmarked;
  }, groups);
}

async function markedCount(): Promise<number> {
  return page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
}

/**
 * The codes of the EDI file's <pre> on screen (inside the <pre>'s box and
 * the viewport) that are not marked, or -1 if none is on screen. Codes run
 * top to bottom in the one text, so those on screen are found by bisection.
 */
function unmarkedInPre(): Promise<number> {
  return page.evaluate(() => {
    const pre = document.querySelector('pre')!;
    const text = pre.firstChild as Text;
    const codes = [...text.data.matchAll(/(?<=HC:)[A-Z]\d{4}/g)].map((m) => m.index);
    const marked = new Set<number>();
    for (const h of CSS.highlights.values()) for (const r of h) if (r.startContainer === text) marked.add(r.startOffset);
    const box = pre.getBoundingClientRect();
    const [top, bottom] = [Math.max(0, box.top), Math.min(innerHeight, box.bottom)];
    const range = document.createRange();
    const rectOf = (i: number) => {
      range.setStart(text, codes[i]!);
      range.setEnd(text, codes[i]! + 5);
      return range.getBoundingClientRect();
    };
    let lo = 0;
    let hi = codes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rectOf(mid).bottom <= top) lo = mid + 1;
      else hi = mid;
    }
    let seen = 0;
    let unmarked = 0;
    for (let i = lo; i < codes.length && rectOf(i).top < bottom; i++, seen++) if (!marked.has(codes[i]!)) unmarked++;
    return seen === 0 ? -1 : unmarked;
  });
}

/** Whether every mark of the big tables is in their HCPCS or Mod column (a hover explains RR there), never in Dx. */
function marksOnlyCodeColumns(): Promise<boolean> {
  return page.evaluate(() => [...CSS.highlights.values()].every((h) => [...h].every((r) => [1, 2].includes((r.startContainer.parentElement as HTMLTableCellElement).cellIndex))));
}

describe('mark codes', () => {
  it('marks exactly the codes a hover would explain, and changes no DOM node', async () => {
    await setSettings(e2e.ext, { ...FAST, markCodes: false });
    await page.goto(e2e.server.url('claims-table.html'));
    await page.bringToFront();
    await page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations.splice(0));
    await setSettings(e2e.ext, { ...FAST, markCodes: true });
    // Every token a hover explains (pipeline-pages.e2e.ts holds this token for token):
    // codes with the modifiers written with them, CPT under a HCPCS header, modifiers in Mod columns.
    await expect.poll(markedCount).toBe(9);
    expect(await marked()).toEqual(['25@row5', '99213@row5', 'E0431-RR@row4', 'E1390RR@row3', 'E1392@row1', 'GA@row6', 'J1100@row2', 'KX@row1', 'RR@row1']);
    // Painted, not only registered: the highlight's rule reaches the code's cell.
    expect(await page.evaluate(highlightPaint, '#row1 .code')).toEqual(['rgba(255, 200, 0, 0.35)']);
    expect(await page.evaluate(() => (window as unknown as { __foreignMutations(): string[] }).__foreignMutations())).toEqual([]);
  });

  it('marks rows added after load', async () => {
    await page.goto(e2e.server.url('spa-rows.html'));
    await page.bringToFront();
    await expect.poll(marked).toEqual(['E0470-RR@r2', 'E1392-RR@r1']);
    await page.locator('#more').click();
    await expect.poll(marked).toEqual(['E0470-RR@r2', 'E1392-RR@r1', 'J7613@r3']);
    // A row's text replaced by the page: its old mark goes, the new code is marked.
    await page.evaluate(() => ((document.querySelector('#r1 td:nth-child(2) span') as HTMLElement).firstChild as Text).replaceData(0, 5, 'A4253'));
    await expect.poll(marked).toEqual(['A4253-RR@r1', 'E0470-RR@r2', 'J7613@r3']);
  });

  it('unmarks everything when turned off, without a reload', async () => {
    await page.goto(e2e.server.url('claims-table.html'));
    await expect.poll(markedCount).toBe(9);
    await setSettings(e2e.ext, { ...FAST, markCodes: false });
    await expect.poll(markedCount).toBe(0);
    await setSettings(e2e.ext, { ...FAST, markCodes: true });
    await expect.poll(markedCount).toBe(9);
  });

  it('on a 20,000-row table, marks every code on screen wherever the user scrolls, and not the Dx column', async () => {
    await page.goto(e2e.server.url('generated/big-table.html'));
    await page.bringToFront();
    for (const fraction of [0, 0.37, 0.81, 1]) {
      await page.evaluate((f) => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * f), fraction);
      // Every code cell on screen, as the user sees it.
      await expect.poll(() => unmarkedCodesOnScreen(['tbody .c'])).toBe(0);
      expect(await marksOnlyCodeColumns()).toBe(true);
    }
    // Lazy: what is marked stays near the screen, not the whole table.
    expect(await markedCount()).toBeLessThan(2000);
  });

  it('at the end of a 50,000-row table, marks the codes on screen after each jump (scrollTo, a jump back, a row scrolled into view)', async () => {
    await page.goto(e2e.server.url('generated/huge-table.html'));
    await page.bringToFront();
    await expect.poll(() => unmarkedCodesOnScreen(['tbody .c'])).toBe(0);
    const jumps: [string, () => Promise<unknown>][] = [
      ['scrollTo the end', () => page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))],
      ['a screen and a half up', () => page.evaluate(() => window.scrollBy(0, -1.5 * innerHeight))],
      ['far up, to 97 %', () => page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * 0.97))],
      // As a "go to line" link does.
      ['the last row scrolled into view', () => page.evaluate(() => document.querySelector('tbody tr:last-child')!.scrollIntoView())],
    ];
    for (const [how, jump] of jumps) {
      await jump();
      await expect.poll(() => unmarkedCodesOnScreen(['tbody .c']), { message: how }).toBe(0);
      expect(await marksOnlyCodeColumns()).toBe(true);
    }
    expect(await markedCount()).toBeLessThan(2000);
  }, 120_000);

  it('in a 20,000-line EDI file in one <pre>, scrolled with the page or in a box of its own, marks the codes on screen after each jump', async () => {
    for (const url of ['generated/edi-pre.html', 'generated/edi-box.html']) {
      await page.goto(e2e.server.url(url));
      await page.bringToFront();
      await expect.poll(unmarkedInPre, { message: url }).toBe(0);
      for (const fraction of [0.5, 1, 0.03]) {
        await page.evaluate((f) => {
          const pre = document.querySelector('pre')!;
          const el = pre.scrollHeight > pre.clientHeight ? pre : document.scrollingElement!;
          el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
        }, fraction);
        await expect.poll(unmarkedInPre, { message: `${url} at ${fraction * 100} %` }).toBe(0);
      }
    }
  }, 120_000);

  it('after a jump, marks the codes of every column on screen: a layout table beside its long menu, a panel beside a long table', async () => {
    for (const [url, groups] of [
      ['generated/layout-table.html', ['.c']],
      ['generated/side-panel.html', ['table .c', 'aside .c']],
    ] as const) {
      await page.goto(e2e.server.url(url));
      await page.bringToFront();
      await expect.poll(() => unmarkedCodesOnScreen([...groups]), { message: url }).toBe(0);
      // Jumps to where the menu is still beside the claims.
      for (const fraction of [0.2, 0.4]) {
        await page.evaluate((f) => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * f), fraction);
        await expect.poll(() => unmarkedCodesOnScreen([...groups]), { message: `${url} at ${fraction * 100} %` }).toBe(0);
      }
    }
  }, 120_000);
});
