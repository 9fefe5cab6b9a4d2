/**
 * The content script's side of ContentApi: requests from this extension's
 * popup and worker, each checked on arrival like the worker's own.
 */
import { MAX_SELECTION_LENGTH, type ContentApi, type Params, type Request, type Result } from '../common/messages';
import { checkFrameToken, checkFrameTooltip, isObject, onlyKeys } from '../common/request-shapes';

export type ContentHandlers = {
  [K in keyof ContentApi]: (params: Params<ContentApi, K>) => Promise<Result<ContentApi, K>>;
};

const CHECKS: { readonly [K in keyof ContentApi]: (p: Record<string, unknown>) => string | undefined } = {
  showSelectionLookup: (p) =>
    !onlyKeys(p, ['text']) ? 'unexpected parameter' : typeof p.text === 'string' && p.text.length <= MAX_SELECTION_LENGTH ? undefined : `text must be at most ${MAX_SELECTION_LENGTH} characters`,
  listPageCodes: (p) => (onlyKeys(p, []) ? undefined : 'unexpected parameter'),
  showFrameTooltip: checkFrameTooltip,
  hideTooltip: (p) => (onlyKeys(p, []) ? undefined : 'unexpected parameter'),
  dismissOnScroll: (p) => (onlyKeys(p, []) ? undefined : 'unexpected parameter'),
  showFocusedTooltip: (p) => (onlyKeys(p, []) ? undefined : 'unexpected parameter'),
  hideFrameTooltip: (p) =>
    !onlyKeys(p, ['token', 'force']) ? 'unexpected parameter' : p.force === undefined || typeof p.force === 'boolean' ? checkFrameToken(p.token) : 'force must be true or false',
};

export function checkContentRequest(message: unknown): { ok: true; request: Request<ContentApi> } | { ok: false; error: string } {
  if (!isObject(message) || typeof message.type !== 'string' || !Object.hasOwn(CHECKS, message.type)) return { ok: false, error: 'not a content request' };
  const type = message.type as keyof ContentApi;
  const params = message.params === undefined ? {} : message.params;
  if (!isObject(params)) return { ok: false, error: `${type}: params must be an object` };
  const problem = CHECKS[type](params);
  return problem ? { ok: false, error: `${type}: ${problem}` } : { ok: true, request: { type, params } as Request<ContentApi> };
}
