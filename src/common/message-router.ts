/**
 * One way to answer this extension's messages, for the worker and for the
 * content session: the sender checked first, then the request against its
 * API's checks, then the handler from a map typed over that API (a request
 * without a handler does not compile); the reply is always `{result}` or
 * `{error}`. It answers through sendResponse, returning true to keep the
 * channel open: Chrome ignores a promise a listener returns.
 */
import type { Runtime } from 'webextension-polyfill';
import type { Params, Reply, Request, Result } from './messages';

export type Checked<A> = { ok: true; request: Request<A> } | { ok: false; error: string };

export type RoutedHandlers<A, Origin> = {
  [K in keyof A]: (params: Params<A, K>, origin: Origin) => Promise<Result<A, K>>;
};

export interface RouterOptions<A, Origin> {
  /** Who sent it, as the handlers need to know; undefined for a sender not answered at all. */
  origin(sender: Runtime.MessageSender): Origin | undefined;
  check(message: unknown): Checked<A>;
  handlers: RoutedHandlers<A, Origin>;
  /** A request that fails its check is answered with the reason (the worker), or not at all (a content script: the message may be for another frame's listener). */
  answerBadRequests: boolean;
}

export function messageRouter<A, Origin>({ origin, check, handlers, answerBadRequests }: RouterOptions<A, Origin>): Runtime.OnMessageListenerCallback {
  const onMessage = (message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: Reply<unknown>) => void): true | undefined => {
    const from = origin(sender);
    if (from === undefined) return undefined;
    const checked = check(message);
    if (!checked.ok) {
      if (answerBadRequests) sendResponse({ error: checked.error });
      return undefined;
    }
    const { type, params } = checked.request;
    const handler = handlers[type] as (p: typeof params, o: Origin) => Promise<unknown>;
    handler(params, from).then(
      (result) => sendResponse({ result }),
      (error: unknown) => sendResponse({ error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  // Typed as the callback form: it returns true only when it will answer.
  return onMessage as Runtime.OnMessageListenerCallback;
}
