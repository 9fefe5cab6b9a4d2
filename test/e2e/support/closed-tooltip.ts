/**
 * The extension's tooltip lives in a CLOSED shadow root: page script (and so
 * Playwright's locators, which run as page script) cannot see into it. The
 * tests reach it the way a debugger does, through Chromium's DevTools
 * protocol: `DOM.describeNode({ pierce: true })` lists a host's shadow roots
 * whatever their mode, and `DOM.resolveNode` hands back a JS object for the
 * root, on which `Runtime.callFunctionOn` runs the test's own functions. No
 * test-only build, no open root.
 *
 * `tooltipOf()` returns a small stand-in for a Playwright Locator with the
 * calls the tests make (waitFor, isVisible, innerText, boundingBox, evaluate,
 * and `locator(css)` for the tooltip's own buttons, clicked with the real
 * mouse so the clicks are trusted).
 */
import type { CDPSession, ElementHandle, Frame, FrameLocator, Page } from 'playwright-core';

type Target = Page | Frame | FrameLocator;
type Box = { x: number; y: number; width: number; height: number };
type WaitState = 'visible' | 'hidden' | 'attached' | 'detached';

/** The Locator calls the tests make on the tooltip or an element inside it. */
export interface TooltipPart {
  waitFor(options?: { state?: WaitState; timeout?: number }): Promise<void>;
  isVisible(): Promise<boolean>;
  innerText(): Promise<string>;
  textContent(): Promise<string | null>;
  getAttribute(name: string): Promise<string | null>;
  /** In the top page's viewport, as Locator.boundingBox; null when not shown. */
  boundingBox(): Promise<Box | null>;
  evaluate<R, A = undefined>(fn: (el: HTMLElement, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  click(): Promise<void>;
  hover(): Promise<void>;
  locator(selector: string): TooltipPart;
}

const TIP = '.hl-tooltip[role="tooltip"]';
const POLL_MS = 50;

/** Where a frame's document lives for the protocol: a session and the document's backend node id. */
interface Scope {
  session: CDPSession;
  document: number;
}

const sessions = new WeakMap<Page | Frame, Promise<CDPSession>>();

function sessionFor(owner: Page | Frame): Promise<CDPSession> {
  let s = sessions.get(owner);
  if (!s) {
    const page = 'page' in owner && typeof owner.page === 'function' ? (owner as Frame).page() : (owner as Page);
    s = page.context().newCDPSession(owner);
    sessions.set(owner, s);
    // A failed attempt (a frame in its parent's process) is not kept.
    s.catch(() => sessions.delete(owner));
  }
  return s;
}

async function documentOf(session: CDPSession): Promise<number> {
  const { root } = await session.send('DOM.getDocument', { depth: 0 });
  return root.backendNodeId;
}

/** The protocol's view of a Playwright frame: its own target (main frame, out-of-process frame), or its document inside its parent's. */
async function scopeOf(frame: Frame): Promise<Scope> {
  const parent = frame.parentFrame();
  if (!parent) {
    const session = await sessionFor(frame.page());
    return { session, document: await documentOf(session) };
  }
  const own = await sessionFor(frame).catch(() => undefined);
  if (own) return { session: own, document: await documentOf(own) };
  const outer = await scopeOf(parent);
  const element = await frame.frameElement();
  const index = await element.evaluate((el) => [...(el as Element).ownerDocument.querySelectorAll('iframe, frame')].indexOf(el as Element));
  await element.dispose();
  const { object } = await outer.session.send('DOM.resolveNode', { backendNodeId: outer.document });
  const { result } = await outer.session.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    functionDeclaration: 'function (i) { return this.querySelectorAll("iframe, frame")[i] ?? null; }',
    arguments: [{ value: index }],
  });
  if (!result.objectId) throw new Error('frame element not found');
  const { node } = await outer.session.send('DOM.describeNode', { objectId: result.objectId, depth: 1, pierce: true });
  if (!node.contentDocument) throw new Error('frame document not reachable');
  return { session: outer.session, document: node.contentDocument.backendNodeId };
}

async function frameOf(target: Target): Promise<Frame> {
  if ('mainFrame' in target) return target.mainFrame();
  if ('owner' in target && !('evaluate' in target)) {
    const handle = (await target.owner().elementHandle()) as ElementHandle<HTMLIFrameElement>;
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('frame locator has no frame');
    return frame;
  }
  return target as Frame;
}

/** Every element of the frame's document that hosts the extension's tooltip (its closed root holds one), with the tooltip. */
async function findTooltips(scope: Scope): Promise<{ host: string; tip: string }[]> {
  const { session } = scope;
  const { object } = await session.send('DOM.resolveNode', { backendNodeId: scope.document });
  // Candidates: every element without an open root. The host is one element; pages here are small enough.
  const { result } = await session.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    functionDeclaration: 'function () { return [...this.querySelectorAll("div")].filter((e) => e.shadowRoot === null && e.childElementCount === 0 && e.hasAttribute("style")); }',
  });
  const { result: items } = await session.send('Runtime.getProperties', { objectId: result.objectId!, ownProperties: true });
  const found: { host: string; tip: string }[] = [];
  for (const item of items) {
    const host = item.value?.objectId;
    if (!host || item.value?.subtype !== 'node') continue;
    const { node } = await session.send('DOM.describeNode', { objectId: host, depth: 1, pierce: true });
    for (const root of node.shadowRoots ?? []) {
      if (root.shadowRootType !== 'closed') continue;
      const { object: rootObject } = await session.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
      const { result: tip } = await session.send('Runtime.callFunctionOn', {
        objectId: rootObject.objectId!,
        functionDeclaration: `function () { return this.querySelector(${JSON.stringify(TIP)}); }`,
      });
      if (tip.objectId) found.push({ host, tip: tip.objectId });
    }
  }
  return found;
}

/** The last host found in that document, while it is still in it: the search walks every div, a poll need not. */
const lastFound = new WeakMap<CDPSession, { document: number; host: string; tip: string }>();

async function lastTooltip(scope: Scope): Promise<{ host: string; tip: string } | undefined> {
  const cached = lastFound.get(scope.session);
  if (cached?.document === scope.document) {
    const still = await call<boolean>(scope.session, cached.host, 'function () { return this.isConnected; }').catch(() => false);
    if (still) return cached;
  }
  const tip = (await findTooltips(scope)).at(-1);
  if (tip) lastFound.set(scope.session, { document: scope.document, ...tip });
  return tip;
}

async function call<R>(session: CDPSession, objectId: string, fn: string, args: unknown[] = []): Promise<R> {
  const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
    objectId,
    functionDeclaration: fn,
    arguments: args.map((value) => ({ value })),
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(`in the tooltip: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as R;
}

/** How many elements of the frame host the extension's tooltip (it inserts one at most). */
export async function closedHostCount(target: Page | Frame): Promise<number> {
  const frame = await frameOf(target);
  return (await findTooltips(await scopeOf(frame))).length;
}

/** The frame's viewport origin in the top page's viewport (past the frame element's border and padding). */
async function frameOffset(frame: Frame): Promise<{ x: number; y: number }> {
  if (!frame.parentFrame()) return { x: 0, y: 0 };
  const element = await frame.frameElement();
  const box = await element.boundingBox();
  const inner = await element.evaluate((node) => {
    const el = node as Element;
    const s = getComputedStyle(el);
    return { x: el.clientLeft + parseFloat(s.paddingLeft), y: el.clientTop + parseFloat(s.paddingTop) };
  });
  await element.dispose();
  if (!box) throw new Error('frame not visible');
  return { x: box.x + inner.x, y: box.y + inner.y };
}

const VISIBLE = 'function () { const r = this.getBoundingClientRect(); return this.isConnected && r.width > 0 && r.height > 0 && getComputedStyle(this).visibility !== "hidden"; }';

/** The tooltip in `target` (a page, a frame, or a frame locator): found anew on each call, as a Locator is. */
export function tooltipPart(target: Target, selector?: string): TooltipPart {
  /** The element now, or undefined while there is none. */
  const resolve = async (): Promise<{ session: CDPSession; objectId: string; frame: Frame } | undefined> => {
    const frame = await frameOf(target);
    const scope = await scopeOf(frame);
    const tip = await lastTooltip(scope);
    if (!tip) return undefined;
    if (!selector) return { session: scope.session, objectId: tip.tip, frame };
    const { result } = await scope.session.send('Runtime.callFunctionOn', {
      objectId: tip.tip,
      functionDeclaration: `function () { return this.querySelector(${JSON.stringify(selector)}); }`,
    });
    return result.objectId ? { session: scope.session, objectId: result.objectId, frame } : undefined;
  };
  const visible = async () => {
    const el = await resolve().catch(() => undefined);
    return el ? call<boolean>(el.session, el.objectId, VISIBLE) : false;
  };
  const present = async () => {
    const el = await resolve();
    if (!el) throw new Error(`no tooltip${selector ? ` ${selector}` : ''} shown`);
    return el;
  };
  const part: TooltipPart = {
    async waitFor({ state = 'visible', timeout = 30_000 } = {}) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const attached = state === 'attached' || state === 'detached' ? (await resolve().catch(() => undefined)) !== undefined : undefined;
        const done = state === 'visible' ? await visible() : state === 'hidden' ? !(await visible()) : state === 'attached' ? attached : !attached;
        if (done) return;
        if (Date.now() > deadline) throw new Error(`the tooltip${selector ? ` ${selector}` : ''} did not become ${state} within ${timeout} ms`);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    },
    isVisible: visible,
    async innerText() {
      const el = await present();
      return call<string>(el.session, el.objectId, 'function () { return this.innerText; }');
    },
    async textContent() {
      const el = await present();
      return call<string | null>(el.session, el.objectId, 'function () { return this.textContent; }');
    },
    async getAttribute(name) {
      const el = await present();
      return call<string | null>(el.session, el.objectId, 'function (n) { return this.getAttribute(n); }', [name]);
    },
    async boundingBox() {
      const el = await resolve();
      if (!el || !(await call<boolean>(el.session, el.objectId, VISIBLE))) return null;
      const r = await call<Box>(el.session, el.objectId, 'function () { const r = this.getBoundingClientRect(); return { x: r.left, y: r.top, width: r.width, height: r.height }; }');
      const offset = await frameOffset(el.frame);
      return { x: r.x + offset.x, y: r.y + offset.y, width: r.width, height: r.height };
    },
    async evaluate(fn, arg) {
      const el = await present();
      return call(el.session, el.objectId, `function (arg) { return (${fn.toString()})(this, arg); }`, [arg]);
    },
    async click() {
      await part.waitFor({ state: 'visible', timeout: 5000 });
      const box = (await part.boundingBox())!;
      const frame = await frameOf(target);
      await frame.page().mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    },
    async hover() {
      await part.waitFor({ state: 'visible', timeout: 5000 });
      const box = (await part.boundingBox())!;
      const frame = await frameOf(target);
      await frame.page().mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    },
    locator(css) {
      return tooltipPart(target, selector ? `${selector} ${css}` : css);
    },
  };
  return part;
}
