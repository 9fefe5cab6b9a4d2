/**
 * JavaScript heap in use, after a full garbage collection, of a page (its
 * renderer's V8 heap: the page's world and the content script's) or of the
 * extension's service worker (reached through a page's CDP session, so the
 * worker keeps no debugger attached afterwards).
 */
import type { CDPSession, Page } from 'playwright-core';

interface HeapUsage {
  usedSize: number;
}

export async function pageHeap(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    return ((await session.send('Runtime.getHeapUsage')) as HeapUsage).usedSize;
  } finally {
    await session.detach();
  }
}

/** Sends CDP commands to another target (the worker) through a page's session. */
async function viaTarget(session: CDPSession, targetId: string, commands: string[]): Promise<unknown[]> {
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  const replies = new Map<number, (v: unknown) => void>();
  const listener = (e: { sessionId?: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (msg.id !== undefined) replies.get(msg.id)?.(msg.error ? new Error(msg.error.message) : msg.result);
  };
  session.on('Target.receivedMessageFromTarget', listener);
  try {
    const out: unknown[] = [];
    for (const [i, method] of commands.entries()) {
      const reply = new Promise<unknown>((resolve) => replies.set(i + 1, resolve));
      await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i + 1, method }) });
      const result = await reply;
      if (result instanceof Error) throw result;
      out.push(result);
    }
    return out;
  } finally {
    session.off('Target.receivedMessageFromTarget', listener);
    await session.send('Target.detachFromTarget', { sessionId });
  }
}

export async function workerHeap(page: Page, workerUrl: string): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url === workerUrl);
    if (!worker) throw new Error(`no running worker at ${workerUrl}`);
    const [, usage] = await viaTarget(session, worker.targetId, ['HeapProfiler.collectGarbage', 'Runtime.getHeapUsage']);
    return (usage as HeapUsage).usedSize;
  } finally {
    await session.detach();
  }
}
