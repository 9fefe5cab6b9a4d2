/**
 * Runs code in the content script's own isolated world of a page, over CDP,
 * so a figure is timed exactly where the extension's code runs (for example a
 * content script's runtime.sendMessage to its reply). Only the page is
 * attached to; the worker never has a debugger on it.
 */
import type { CDPSession, Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

export interface ContentWorld {
  evaluate<T>(expression: string): Promise<T>;
  session: CDPSession;
}

export async function contentWorld(page: Page, extensionName: string, timeoutMs = 10_000): Promise<ContentWorld> {
  const session = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  session.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => contexts.push(event.context));
  await session.send('Runtime.enable');
  const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const mainFrame = frameTree.frame.id;
  const deadline = Date.now() + timeoutMs;
  let world: ExecutionContext | undefined;
  while (!(world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === extensionName && c.auxData.frameId === mainFrame))) {
    if (Date.now() > deadline) throw new Error(`the content script of "${extensionName}" did not start in ${page.url()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const contextId = world.id;
  return {
    session,
    async evaluate<T>(expression: string): Promise<T> {
      const reply = (await session.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true })) as {
        result: { value: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
      return reply.result.value;
    },
  };
}
