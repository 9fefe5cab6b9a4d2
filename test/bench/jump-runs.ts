/**
 * "Jump scroll → codes on screen marked": a page already marked jumps to
 * another part of itself (scrollTo, the scrollbar, Ctrl+End, a "go to line"
 * link) and the time until every code on screen is marked is read in the
 * page, from the jump to the end of the first frame that shows them all.
 *
 * The codes to expect are listed once before any jump (the text node and
 * offsets of each, in document order, which is top-to-bottom in these pages);
 * after a jump those on screen are found by bisection, so the check costs
 * the same at any position and any length, and forces no layout (a scroll
 * dirties none).
 */
import type { Page } from 'playwright-core';
import { inPage } from './page-script';

/** How a page lists the codes it expects marked: a CSS selector of the elements whose text is a code, or 'pre' for every code-shaped token of the one <pre>. */
export type Expected = { cells: string } | { pre: string };

/** Lists the expected codes in the page (window.__expected) and names the scroller (window.__scroller, a selector or '' for the page). */
export async function prepareJumps(page: Page, expected: Expected, scroller = ''): Promise<number> {
  return inPage(
    page,
    ({ expected, scroller }) => {
      const items: [Text, number, number][] = [];
      if ('cells' in expected) {
        for (const el of document.querySelectorAll(expected.cells)) {
          const t = el.firstChild;
          if (t instanceof Text) items.push([t, 0, t.length]);
        }
      } else {
        const t = document.querySelector(expected.pre)!.firstChild as Text;
        for (const m of t.data.matchAll(/(?<=HC>)[A-V]\d{4}(?=[>*])/g)) items.push([t, m.index, m.index + 5]);
      }
      Object.assign(window, { __expected: items, __scroller: scroller });
      return items.length;
    },
    { expected, scroller },
  );
}

/**
 * Jumps to `fraction` of the scroller's height and resolves with the ms until
 * the end of the first frame where every expected code on screen is marked
 * (NaN after 10 s). Checked after each frame, so a figure is at worst one
 * frame late. With `floor`, the extension is off and the page marks the
 * codes itself, the least the browser needs: ranges made before the jump,
 * added to a highlight in the same task as the jump (prepareFloor first).
 */
export async function jumpRun(page: Page, fraction: number, floor = false): Promise<number> {
  return inPage(
    page,
    ({ fraction, floor }) =>
      new Promise<number>((resolve) => {
        const w = window as unknown as { __expected: [Text, number, number][]; __scroller: string };
        const items = w.__expected;
        const el = w.__scroller ? document.querySelector(w.__scroller)! : document.scrollingElement!;
        const view = el === document.scrollingElement ? { top: 0, bottom: innerHeight } : el.getBoundingClientRect();
        const range = document.createRange();
        const rectOf = (i: number) => {
          const [t, s, e] = items[i]!;
          range.setStart(t, s);
          range.setEnd(t, e);
          return range.getBoundingClientRect();
        };
        /** First item whose bottom is below `y`. */
        const firstBelow = (y: number) => {
          let lo = 0;
          let hi = items.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (rectOf(mid).bottom <= y) lo = mid + 1;
            else hi = mid;
          }
          return lo;
        };
        const allMarked = () => {
          const top = Math.max(0, view.top);
          const bottom = Math.min(innerHeight, view.bottom);
          const byNode = new Map<Node, Set<number>>();
          for (const h of CSS.highlights.values()) {
            for (const r of h) {
              let set = byNode.get(r.startContainer);
              if (!set) byNode.set(r.startContainer, (set = new Set()));
              set.add(r.startOffset);
            }
          }
          let seen = 0;
          for (let i = firstBelow(top); i < items.length; i++) {
            const r = rectOf(i);
            if (r.top >= bottom) break;
            if (r.height === 0) continue;
            seen++;
            if (!byNode.get(items[i]![0])?.has(items[i]![1])) return false;
          }
          return seen > 0;
        };
        const target = (el.scrollHeight - el.clientHeight) * fraction;
        // The floor: the ranges from a screen above the target to a screen below, made before the clock starts.
        let ready: StaticRange[] = [];
        let floorHighlight: Highlight | undefined;
        if (floor) {
          floorHighlight = CSS.highlights.get('bench-floor')!;
          floorHighlight.clear();
          const screen = view.bottom - view.top;
          const shift = target - el.scrollTop;
          const from = firstBelow(view.top - screen + shift);
          for (let i = from; i < items.length; i++) {
            if (rectOf(i).top - shift >= view.bottom + screen) break;
            const [t, s, e] = items[i]!;
            ready.push(new StaticRange({ startContainer: t, startOffset: s, endContainer: t, endOffset: e }));
          }
        }
        const started = performance.now();
        el.scrollTop = target;
        for (const r of ready) floorHighlight!.add(r);
        ready = [];
        const afterFrame = () =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              if (allMarked()) resolve(performance.now() - started);
              else if (performance.now() - started > 10_000) resolve(NaN);
              else afterFrame();
            };
            channel.port2.postMessage(null);
          });
        afterFrame();
      }),
    { fraction, floor },
  );
}

/**
 * Sets a page up for floor runs (the setting off, so the extension marks
 * nothing): a highlight of its own and its rule, added before any timing so
 * their one-time restyle is not counted.
 */
export async function prepareFloor(page: Page): Promise<void> {
  await inPage(page, () => {
    CSS.highlights.set('bench-floor', new Highlight());
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':root::highlight(bench-floor) { background-color: rgb(255 200 0 / 0.35); color: rgb(10 50 110); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
}
