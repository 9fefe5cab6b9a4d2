/**
 * Every error a page's console shows, from every world of the page and its
 * same-process frames: the page's own scripts and the extension's content
 * script (an isolated world) alike. Each is labelled with where it came from,
 * so a failing test says whether the extension threw into the page.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string };
}

interface StackTrace {
  callFrames: { url: string }[];
}

export interface ConsoleErrors {
  /** Every error and warning so far, each prefixed "[extension]" or "[page]". */
  all(): string[];
  /** Those thrown or logged by the extension's content script. */
  fromExtension(): string[];
  /** Forgets what was seen so far. */
  clear(): void;
  cdp: CDPSession;
}

/** Requests the browser makes by itself, not the page or the extension. */
const BROWSER_NOISE = /\/favicon\.ico$/;

export async function watchConsole(context: BrowserContext, page: Page): Promise<ConsoleErrors> {
  const cdp = await context.newCDPSession(page);
  const contexts = new Map<number, ExecutionContext>();
  const seen: { text: string; extension: boolean }[] = [];
  const isExtension = (contextId: number | undefined, stack: StackTrace | undefined, url?: string) => {
    const ctx = contextId === undefined ? undefined : contexts.get(contextId);
    return (
      ctx?.origin.startsWith('chrome-extension://') === true ||
      ctx?.auxData?.type === 'isolated' ||
      (stack?.callFrames ?? []).some((f) => f.url.startsWith('chrome-extension://')) ||
      url?.startsWith('chrome-extension://') === true
    );
  };
  const add = (text: string, extension: boolean) => seen.push({ text: `[${extension ? 'extension' : 'page'}] ${text}`, extension });
  cdp.on('Runtime.executionContextCreated', (e) => contexts.set(e.context.id, e.context as ExecutionContext));
  cdp.on('Runtime.exceptionThrown', (e) => {
    const d = e.exceptionDetails;
    add(`exception: ${d.exception?.description ?? d.text}`, isExtension(d.executionContextId, d.stackTrace, d.url));
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type !== 'error' && e.type !== 'warning' && e.type !== 'assert') return;
    add(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description).join(' ')}`, isExtension(e.executionContextId, e.stackTrace));
  });
  cdp.on('Log.entryAdded', (e) => {
    if (e.entry.level !== 'error' || BROWSER_NOISE.test(e.entry.url ?? '')) return;
    add(`log: ${e.entry.text} ${e.entry.url ?? ''}`.trim(), isExtension(undefined, e.entry.stackTrace, e.entry.url));
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return {
    all: () => seen.map((s) => s.text),
    fromExtension: () => seen.filter((s) => s.extension).map((s) => s.text),
    clear: () => void seen.splice(0),
    cdp,
  };
}
