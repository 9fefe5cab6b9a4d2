/**
 * Checks every request on arrival: only from this extension's own contexts,
 * well-formed, bounded. Returns the request, or a sentence saying what is wrong.
 */
import type { Runtime } from 'webextension-polyfill';
import { isContentPart } from '../common/content-parts';
import { DETAIL_LEVELS } from '../hcpcs/detail-level';
import { isIsoDate } from '../hcpcs/dates';
import { MAX_KNOWN_CODES, MAX_MEANING_CODES, MAX_QUERY_LENGTH, type BackgroundApi, type Request } from '../common/messages';
import { CODE_TOKEN, checkFrameToken, checkFrameTooltip, checkLookupItems, isObject, onlyKeys } from '../common/request-shapes';

type Checked = { ok: true; request: Request<BackgroundApi> } | { ok: false; error: string };

export function checkSender(sender: Runtime.MessageSender, extensionId: string): boolean {
  return sender.id === extensionId;
}

const MODIFIER_TOKEN = /^[A-Z0-9]{2}$/;
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);

const PARAM_CHECKS: { readonly [K in keyof BackgroundApi]: (p: Record<string, unknown>) => string | undefined } = {
  lookupCodes(p) {
    if (!onlyKeys(p, ['items', 'level', 'asOf'])) return 'unexpected parameter';
    const problem = checkLookupItems(p.items);
    if (problem) return problem;
    if (!optional(p.level, (v) => (DETAIL_LEVELS as readonly unknown[]).includes(v))) return 'unknown detail level';
    return checkAsOf(p.asOf);
  },
  findKnownCodes: checkCodes,
  listKnownCodes: noParams,
  findCodeDates: checkCodes,
  findModifierMeanings(p) {
    if (!onlyKeys(p, ['codes'])) return 'unexpected parameter';
    if (!Array.isArray(p.codes) || p.codes.length === 0 || p.codes.length > MAX_MEANING_CODES) return `codes must be a list of 1 to ${MAX_MEANING_CODES} modifiers`;
    const bad = p.codes.find((c) => typeof c !== 'string' || !MODIFIER_TOKEN.test(c));
    return bad === undefined ? undefined : `"${String(bad).slice(0, 12)}" is not a modifier`;
  },
  searchCodes(p) {
    if (!onlyKeys(p, ['query', 'category', 'includeTerminated', 'limit', 'asOf', 'changed'])) return 'unexpected parameter';
    if (!optional(p.changed, (v) => typeof v === 'boolean')) return 'changed must be true or false';
    if (typeof p.query !== 'string' || p.query.length > MAX_QUERY_LENGTH) return `query must be text of at most ${MAX_QUERY_LENGTH} characters`;
    if (!optional(p.category, (v) => typeof v === 'string' && /^[A-Z]$/.test(v))) return 'category must be one letter';
    if (!optional(p.includeTerminated, (v) => typeof v === 'boolean')) return 'includeTerminated must be true or false';
    if (!optional(p.limit, (v) => Number.isInteger(v) && (v as number) > 0 && (v as number) <= 500)) return 'limit must be 1 to 500';
    return checkAsOf(p.asOf);
  },
  prepareSearch: noParams,
  getDatasetInfo: noParams,
  reloadRelease: noParams,
  startSession: noParams,
  loadContentPart: (p) => (!onlyKeys(p, ['part']) ? 'unexpected parameter' : isContentPart(p.part) ? undefined : 'unknown part'),
  showInTopFrame: checkFrameTooltip,
  dismissTooltips: noParams,
  watchTabScroll: noParams,
  getTabHost: noParams,
  hideInTopFrame(p) {
    if (!onlyKeys(p, ['token', 'force'])) return 'unexpected parameter';
    if (!optional(p.force, (v) => typeof v === 'boolean')) return 'force must be true or false';
    return checkFrameToken(p.token);
  },
};

/** findKnownCodes and findCodeDates: a chunk of a page's code tokens. */
function checkCodes(p: Record<string, unknown>): string | undefined {
  if (!onlyKeys(p, ['codes'])) return 'unexpected parameter';
  if (!Array.isArray(p.codes) || p.codes.length === 0 || p.codes.length > MAX_KNOWN_CODES) return `codes must be a list of 1 to ${MAX_KNOWN_CODES} codes`;
  const bad = p.codes.find((c) => typeof c !== 'string' || !CODE_TOKEN.test(c));
  return bad === undefined ? undefined : `"${String(bad).slice(0, 12)}" is not a code`;
}

function noParams(p: Record<string, unknown>): string | undefined {
  return onlyKeys(p, []) ? undefined : 'unexpected parameter';
}

function checkAsOf(asOf: unknown): string | undefined {
  return optional(asOf, (v) => typeof v === 'string' && isIsoDate(v)) ? undefined : 'asOf must be an ISO date';
}

export function checkRequest(message: unknown): Checked {
  if (!isObject(message) || typeof message.type !== 'string') return { ok: false, error: 'not a request' };
  if (!Object.hasOwn(PARAM_CHECKS, message.type)) return { ok: false, error: `unknown request "${message.type.slice(0, 40)}"` };
  const type = message.type as keyof BackgroundApi;
  const params = message.params === undefined ? {} : message.params;
  if (!isObject(params)) return { ok: false, error: `${type}: params must be an object` };
  const problem = PARAM_CHECKS[type](params);
  if (problem) return { ok: false, error: `${type}: ${problem}` };
  return { ok: true, request: { type, params } as Request<BackgroundApi> };
}
