/**
 * Firefox's side of closed-tooltip.ts: the tooltip's closed shadow root
 * reached through WebDriver BiDi, whose node serialization lists a host's
 * shadow root whatever its mode (`includeShadowTree: "all"`); the root's
 * shared id then serves as the argument of the test's own function. Page
 * script cannot do this; a test-only build with an open root is not needed.
 */
import type { Frame, Page } from 'puppeteer-core';

/** puppeteer's BiDi connection: not in its public types, but the way to send a raw BiDi command. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

interface RemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}

const TIP = '.hl-tooltip[role="tooltip"]';

function connection(page: Page): BidiConnection {
  return (page.browser() as unknown as { connection: BidiConnection }).connection;
}

/** The BiDi browsing context of the page's top frame, or of a frame in it. */
function contextOf(target: Page | Frame): string {
  const frame = 'mainFrame' in target ? target.mainFrame() : target;
  return (frame as unknown as { _id: string })._id;
}

function pageOf(target: Page | Frame): Page {
  return 'mainFrame' in target ? target : target.page();
}

/** The shared ids of the closed shadow roots that hold the extension's tooltip in that frame. */
async function tooltipRoots(target: Page | Frame): Promise<string[]> {
  const context = contextOf(target);
  const { result } = await connection(pageOf(target)).send('script.evaluate', {
    // Candidates: empty styled elements without an open root (the host has its content in its shadow root only).
    expression: '[...document.querySelectorAll("div")].filter((e) => e.shadowRoot === null && e.childElementCount === 0 && e.hasAttribute("style"))',
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const list = (result.result as RemoteValue | undefined)?.value as RemoteValue[] | undefined;
  const roots = (list ?? []).map((node) => ((node.value as { shadowRoot?: RemoteValue | null } | undefined)?.shadowRoot ?? undefined)?.sharedId).filter((id): id is string => id !== undefined);
  const found: string[] = [];
  for (const sharedId of roots) {
    if (await inRoot(target, sharedId, `(root) => root.querySelector(${JSON.stringify(TIP)}) !== null`)) found.push(sharedId);
  }
  return found;
}

/** Runs `fn` (source of a function of the shadow root) in the page with that root; its result by value. */
async function inRoot(target: Page | Frame, sharedId: string, fn: string): Promise<unknown> {
  const { result } = await connection(pageOf(target)).send('script.callFunction', {
    functionDeclaration: fn,
    arguments: [{ sharedId }],
    target: { context: contextOf(target) },
    awaitPromise: true,
  });
  if (result.type === 'exception') throw new Error(`in the tooltip: ${JSON.stringify(result.exceptionDetails)}`);
  return (result.result as RemoteValue).value;
}

/** How many elements of the frame host the extension's tooltip. */
export async function closedHostCountIn(target: Page | Frame): Promise<number> {
  return (await tooltipRoots(target)).length;
}

/** The tooltip's text while it is shown in that frame, else false. */
export async function shownTooltipTextIn(target: Page | Frame): Promise<string | false> {
  for (const root of await tooltipRoots(target)) {
    const text = await inRoot(target, root, `(root) => { const tip = root.querySelector(${JSON.stringify(TIP)}); return tip && !tip.hidden && tip.getClientRects().length > 0 ? tip.innerText : false; }`);
    if (typeof text === 'string') return text;
  }
  return false;
}

/** Waits (generous ceiling, for a hang) until the tooltip is shown (or, `shown` false, gone) in that frame; its text when shown. */
export async function waitForTooltipIn(target: Page | Frame, shown = true, timeout = 5000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = await shownTooltipTextIn(target);
    if (shown ? text !== false : text === false) return text || '';
    if (Date.now() > deadline) throw new Error(`the tooltip did not ${shown ? 'show' : 'go'} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
