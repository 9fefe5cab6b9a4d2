/**
 * One measured run of "mark codes on the page", traced: with the setting on
 * while the page loads, turned on in a page already loaded, scrolling the
 * whole page once marked; and the baseline, mark.js marking the same page.
 *
 * A main-world probe (installed before the page loads) notices when the
 * highlight registry first holds ranges, without forcing style or layout,
 * and leaves a user-timing mark in the trace at the end of the next frame.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { settingsPage } from '../e2e/support/extension-page';
import type { ExtensionBrowser } from '../e2e/support/chromium';
import type { Settings } from '../../src/common/settings';
import { KEEP_NAMES_SHIM, inPage } from './page-script';
import { MainThread, markTime, scriptWork, startTrace, windowWork, type Owner, type TraceEvent } from './trace';

/** Quiet time after the last change, to catch the frames and idle work it causes. */
const SETTLE_MS = 300;

function marksProbe(): void {
  const probe = {
    /** Polls the highlight registry (cheap: no style, no layout) until it holds ranges. */
    watch(timeoutMs: number) {
      const started = performance.now();
      const poll = () => {
        let ranges = 0;
        for (const h of CSS.highlights.values()) ranges += h.size;
        if (ranges > 0) {
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => performance.mark('bench:marked');
            channel.port2.postMessage(null);
          });
        } else if (performance.now() - started < timeoutMs) setTimeout(poll, 2);
        else performance.mark('bench:timeout');
      };
      poll();
    },
  };
  Object.assign(window, { __marksProbe: probe });
  // ?watch: watch from the document's start (the setting is on at load).
  if (location.search.includes('watch')) probe.watch(60_000);
}

export async function installMarksProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: `${KEEP_NAMES_SHIM}\n(${marksProbe.toString()})();` });
}

/** Writes settings as the options page does, returning the time of the write (epoch ms). */
export async function writeSettings(ext: ExtensionBrowser, changed: Partial<Settings>): Promise<number> {
  const page = await settingsPage(ext);
  return page.evaluate(async (c) => {
    const at = performance.timeOrigin + performance.now();
    await chrome.storage.local.set({ settings: { version: 1, changed: c } });
    return at;
  }, changed);
}

/**
 * Waits until the worker has registered the session to start with every
 * page, as it does once "mark codes" is on, with the date-of-service part or
 * without it (as the check is on or off).
 */
export async function waitForSessionRegistered(ext: ExtensionBrowser, withDates = true): Promise<void> {
  const page = await settingsPage(ext);
  await page.waitForFunction(
    async (withDates) => {
      const js = (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.js ?? []);
      return js.length > 0 && js.some((file) => file.endsWith('/service-date-part.js')) === withDates;
    },
    withDates,
    { polling: 20 },
  );
}

/**
 * Waits until the page has been idle for a while (three idle periods of
 * nearly 50 ms in a row): a big table keeps the main thread busy for a
 * moment after its load event, and that is the page's work, not the
 * extension's.
 */
export async function waitForQuiet(page: Page): Promise<void> {
  await inPage(
    page,
    () =>
      new Promise<void>((resolve) => {
        let calm = 0;
        const started = performance.now();
        const check = (deadline: IdleDeadline) => {
          calm = deadline.timeRemaining() >= 45 ? calm + 1 : 0;
          if (calm >= 3 || performance.now() - started > 10_000) resolve();
          else requestIdleCallback(check);
        };
        requestIdleCallback(check);
      }),
  );
}

/**
 * Waits until the probe's mark (or its timeout) is in the page's performance
 * timeline. (Not with Playwright's waitForFunction: its injected script makes
 * the next frame pre-paint the whole page, 30 ms on a 20,000-row table.)
 */
async function waitForMarked(page: Page): Promise<void> {
  const outcome = await inPage(
    page,
    () =>
      new Promise<string>((resolve) => {
        const seen = () => ['bench:marked', 'bench:timeout'].find((name) => performance.getEntriesByName(name).length > 0);
        const found = seen();
        if (found) return resolve(found);
        new PerformanceObserver((list, observer) => {
          const mark = list.getEntries().find((e) => e.name === 'bench:marked' || e.name === 'bench:timeout');
          if (!mark) return;
          observer.disconnect();
          resolve(mark.name);
        }).observe({ type: 'mark' });
      }),
  );
  if (outcome === 'bench:timeout') throw new Error(`no code was marked in ${page.url()}`);
}

/** Every code cell on screen (HCPCS column) is marked, and no Dx cell is: checked after the timed part. */
export async function checkVisibleMarked(page: Page): Promise<void> {
  const problem = await inPage(page, () => {
    const marked = new Set<Node>();
    for (const h of CSS.highlights.values()) for (const r of h) marked.add(r.startContainer);
    const cells = [...document.querySelectorAll('tbody tr')].filter((tr) => {
      const r = tr.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    if (cells.length === 0) return 'no rows on screen';
    for (const tr of cells) {
      const code = (tr as HTMLTableRowElement).cells[2]!.firstChild!;
      const dx = (tr as HTMLTableRowElement).cells[4]!.firstChild!;
      if (!marked.has(code)) return `row ${(tr as HTMLTableRowElement).rowIndex} is on screen, unmarked`;
      if (marked.has(dx)) return `the Dx of row ${(tr as HTMLTableRowElement).rowIndex} is marked`;
    }
    return '';
  });
  if (problem) throw new Error(`mark codes: ${problem}`);
}

export interface MarkRun {
  /** Main-thread time, ms. */
  total: number;
  longest: number;
  /** Until the codes on screen are marked, ms (see each run for the start). */
  visible: number;
}

/** The setting is on; the page loads. The extension's own script work (with what it forces); the page's loading is the page's. */
export async function loadRun(page: Page, url: string, owner: Owner): Promise<MarkRun> {
  const session = await page.context().newCDPSession(page);
  const stop = await startTrace(session);
  await page.goto(`${url}?watch`);
  await waitForMarked(page);
  await page.waitForTimeout(SETTLE_MS);
  const events = await stop();
  await session.detach();
  const thread = new MainThread(events, url);
  const work = scriptWork(thread, owner);
  // From when the page first showed text to the end of the first frame with codes marked.
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === thread.pid)?.ts;
  const marked = markTime(events, 'bench:marked')!;
  return { total: work.total, longest: work.longest, visible: fcp === undefined ? NaN : Math.max(0, (marked - fcp) / 1000) };
}

/** The page is loaded with the setting off; the user turns it on. Everything the main thread does from then on (the page is idle). */
export async function turnOnRun(ext: ExtensionBrowser, page: Page, url: string, owner: Owner): Promise<MarkRun> {
  await writeSettings(ext, { markCodes: false });
  await page.goto(url);
  await waitForQuiet(page);
  const session = await page.context().newCDPSession(page);
  const stop = await startTrace(session);
  await page.evaluate(() => {
    performance.mark('bench:start');
    (window as unknown as { __marksProbe: { watch(ms: number): void } }).__marksProbe.watch(20_000);
  });
  const written = await writeSettings(ext, { markCodes: true });
  await waitForMarked(page);
  const markedEpoch = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('bench:marked')[0]!.startTime);
  await page.waitForTimeout(SETTLE_MS);
  const events = await stop();
  await session.detach();
  const thread = new MainThread(events, url);
  const work = windowWork(thread, markTime(events, 'bench:start')!, markTime(events, 'bench:marked')! + SETTLE_MS * 1000, owner);
  return { total: work.total, longest: work.longest, visible: markedEpoch - written };
}

export interface ScrollRun {
  /** The extension's main-thread time per screen scrolled into view, one sample per screen. */
  perScreen: number[];
  longest: number;
  /** Screens in the whole page. */
  screens: number;
}

/**
 * Scrolling a marked page: at `spots` places spread from top to bottom, the
 * page jumps there (not counted: the jump marks three screens at once, and
 * the marker looks again once scrolling has rested, so the run waits that
 * out), then scrolls on a screen per frame, `steps` times; each step's work
 * is the cost of one screen scrolled into view. Scrolling through the whole table is that
 * times its screens: on this machine a frame of a 50,000-row table takes a
 * quarter of a second to raster, too slow to scroll all of it in the bench.
 */
export async function scrollRun(page: Page, url: string, owner: Owner, spots: number, steps = 4, restMs = 1200): Promise<ScrollRun> {
  await page.evaluate(() => scrollTo(0, 0));
  await waitForQuiet(page);
  const session = await page.context().newCDPSession(page);
  const stop = await startTrace(session);
  // Callbacks, no promises until the end: a microtask checkpoint meanwhile is the extension's.
  const screens = await inPage(
    page,
    ({ spots, steps, restMs }) =>
      new Promise<number>((done) => {
        const height = document.documentElement.scrollHeight;
        /** Each action runs in its own frame; 'rest' waits instead. */
        const plan: ((() => void) | 'rest')[] = [];
        for (let s = 0; s < spots; s++) {
          const top = ((height - innerHeight * (steps + 2)) * s) / Math.max(1, spots - 1);
          plan.push(() => scrollTo(0, top), 'rest');
          for (let i = 0; i < steps; i++) plan.push(() => (performance.mark(`bench:step`), scrollBy(0, innerHeight)));
          plan.push(() => performance.mark('bench:step'), () => undefined);
        }
        const next = () => {
          const action = plan.shift();
          if (!action) return done(Math.round(height / innerHeight));
          if (action === 'rest') return void setTimeout(() => requestAnimationFrame(next), restMs);
          action();
          requestAnimationFrame(next);
        };
        requestAnimationFrame(next);
      }),
    { spots, steps, restMs },
  );
  await page.waitForTimeout(SETTLE_MS);
  const events = await stop();
  await session.detach();
  const thread = new MainThread(events, url);
  const marks = events.filter((e) => e.name === 'bench:step').map((e) => e.ts).sort((a, b) => a - b);
  const perScreen: number[] = [];
  let longest = 0;
  // Marks come in runs of steps + 1 per spot; the work between two marks of a run is one screen's.
  for (let s = 0; s < spots; s++) {
    const run = marks.slice(s * (steps + 1), (s + 1) * (steps + 1));
    for (let i = 0; i + 1 < run.length; i++) {
      const work = scriptWork(thread, owner, run[i]!, run[i + 1]!);
      perScreen.push(work.total);
      longest = Math.max(longest, work.longest);
    }
  }
  return { perScreen, longest, screens };
}

const MARK_JS = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');

/** mark.js marks every code-shaped token of the loaded page (the setting is off): everything the main thread does until the next frame is painted. */
export async function markJsRun(ext: ExtensionBrowser, page: Page, url: string, owner: Owner): Promise<MarkRun & { marks: number }> {
  await writeSettings(ext, { markCodes: false });
  await page.goto(url);
  await page.addScriptTag({ path: MARK_JS });
  await waitForQuiet(page);
  const session = await page.context().newCDPSession(page);
  const stop = await startTrace(session);
  const result = await page.evaluate(
    (source) =>
      new Promise<{ marks: number; ms: number }>((resolve) => {
        performance.mark('bench:start');
        const started = performance.now();
        const Mark = (window as unknown as { Mark: new (el: Element) => { markRegExp(re: RegExp, o?: object): void } }).Mark;
        new Mark(document.querySelector('main')!).markRegExp(new RegExp(source, 'g'));
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            performance.mark('bench:marked');
            resolve({ marks: document.querySelectorAll('main mark').length, ms: performance.now() - started });
          };
          channel.port2.postMessage(null);
        });
      }),
    HCPCS_TOKEN.source,
  );
  await page.waitForTimeout(SETTLE_MS);
  const events: TraceEvent[] = await stop();
  await session.detach();
  const work = windowWork(new MainThread(events, url), markTime(events, 'bench:start')!, markTime(events, 'bench:marked')! + SETTLE_MS * 1000, owner, 'none');
  return { total: work.total, longest: work.longest, visible: result.ms, marks: result.marks };
}

/** The code pattern both mark: a letter A–V and four digits, as a whole token. */
export const HCPCS_TOKEN = /\b[A-V]\d{4}\b/;
