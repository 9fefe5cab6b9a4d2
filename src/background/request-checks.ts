/**
 * Checks every request on arrival: only from this extension's own contexts,
 * well-formed, bounded. Returns the request, or a sentence saying what is wrong.
 */
import type { Runtime } from 'webextension-polyfill';
import { DETAIL_LEVELS } from '../hcpcs/detail-level';
import { isIsoDate } from '../hcpcs/dates';
import { LOOKUP_CODE, MAX_LOOKUP_ITEMS, MAX_QUERY_LENGTH, type BackgroundApi, type Request } from '../common/messages';

type Checked = { ok: true; request: Request<BackgroundApi> } | { ok: false; error: string };

const MODIFIER = /^[A-Z0-9]{2}$/;
const MAX_MODIFIERS = 4;

export function checkSender(sender: Runtime.MessageSender, extensionId: string): boolean {
  return sender.id === extensionId;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const onlyKeys = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

const PARAM_CHECKS: { readonly [K in keyof BackgroundApi]: (p: Record<string, unknown>) => string | undefined } = {
  lookupCodes(p) {
    if (!onlyKeys(p, ['items', 'level', 'asOf'])) return 'unexpected parameter';
    if (!Array.isArray(p.items) || p.items.length === 0) return 'items must be a non-empty list';
    if (p.items.length > MAX_LOOKUP_ITEMS) return `at most ${MAX_LOOKUP_ITEMS} codes per request`;
    for (const item of p.items) {
      if (!isObject(item) || !onlyKeys(item, ['code', 'modifiers'])) return 'each item must be { code, modifiers? }';
      if (typeof item.code !== 'string' || !LOOKUP_CODE.test(item.code)) return `"${String(item.code).slice(0, 12)}" is not a code`;
      const mods = item.modifiers;
      if (mods !== undefined && (!Array.isArray(mods) || mods.length > MAX_MODIFIERS || !mods.every((m) => typeof m === 'string' && MODIFIER.test(m)))) {
        return `modifiers must be up to ${MAX_MODIFIERS} two-character modifiers`;
      }
    }
    if (!optional(p.level, (v) => (DETAIL_LEVELS as readonly unknown[]).includes(v))) return 'unknown detail level';
    return checkAsOf(p.asOf);
  },
  searchCodes(p) {
    if (!onlyKeys(p, ['query', 'category', 'includeTerminated', 'limit', 'asOf'])) return 'unexpected parameter';
    if (typeof p.query !== 'string' || p.query.length > MAX_QUERY_LENGTH) return `query must be text of at most ${MAX_QUERY_LENGTH} characters`;
    if (!optional(p.category, (v) => typeof v === 'string' && /^[A-Z]$/.test(v))) return 'category must be one letter';
    if (!optional(p.includeTerminated, (v) => typeof v === 'boolean')) return 'includeTerminated must be true or false';
    if (!optional(p.limit, (v) => Number.isInteger(v) && (v as number) > 0 && (v as number) <= 500)) return 'limit must be 1 to 500';
    return checkAsOf(p.asOf);
  },
  prepareSearch: noParams,
  getDatasetInfo: noParams,
};

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
