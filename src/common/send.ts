import { ext as browser } from './extension-api';
import type { BackgroundApi, ContentApi, Params, Reply, Result } from './messages';

/** An answer the worker gave as an error (bad request, dataset unavailable …). */
export class RemoteError extends Error {
  override name = 'RemoteError';
}

function unwrap<T>(reply: unknown): T {
  if (typeof reply === 'object' && reply !== null) {
    if ('result' in reply) return (reply as { result: T }).result;
    if ('error' in reply) throw new RemoteError(String((reply as { error: unknown }).error));
  }
  throw new RemoteError('no answer from the extension');
}

/**
 * Chromium now and then answers a message that reaches the worker as it stops
 * (idle for 30 s, or stopped by the browser) with "Receiving end does not
 * exist", though its listener is added at start: sent again, the message
 * starts a new worker. A dead extension (updated or removed) fails otherwise.
 */
const WORKER_GONE = 'Receiving end does not exist';
const SEND_ATTEMPTS = 3;

export async function sendToBackground<K extends keyof BackgroundApi>(type: K, params: Params<BackgroundApi, K>): Promise<Result<BackgroundApi, K>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return unwrap(await browser.runtime.sendMessage({ type, params }));
    } catch (error) {
      if (attempt === SEND_ATTEMPTS || error instanceof RemoteError || !String(error).includes(WORKER_GONE)) throw error;
    }
  }
}

export async function sendToTab<K extends keyof ContentApi>(
  tabId: number,
  type: K,
  params: Params<ContentApi, K>,
  frameId?: number,
): Promise<Result<ContentApi, K>> {
  const options = frameId === undefined ? undefined : { frameId };
  return unwrap(await browser.tabs.sendMessage(tabId, { type, params }, options));
}

export type { Reply };
