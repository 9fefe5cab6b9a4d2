/**
 * Shape checks shared by the worker and the content script: what a lookup
 * item, a code token and a frame token may look like when they arrive in a
 * message. Each returns a sentence saying what is wrong, or undefined.
 */
import { MAX_MODIFIERS } from '../hcpcs/code-candidate';
import { serviceDateProblem } from '../hcpcs/service-date';
import { MAX_LOOKUP_ITEMS } from './messages';

/** An HCPCS code, a CPT code or a modifier. */
export const CODE_TOKEN = /^(?:[A-Z]\d{4}|\d{4}[0-9A-Z]|[A-Z0-9]{2})$/;
const MODIFIER = /^[A-Z0-9]{2}$/;
const FRAME_TOKEN = /^[A-Za-z0-9-]{8,64}$/;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const onlyKeys = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

export function checkLookupItems(items: unknown): string | undefined {
  if (!Array.isArray(items) || items.length === 0) return 'items must be a non-empty list';
  if (items.length > MAX_LOOKUP_ITEMS) return `at most ${MAX_LOOKUP_ITEMS} codes per request`;
  for (const item of items) {
    if (!isObject(item) || !onlyKeys(item, ['code', 'modifiers', 'service'])) return 'each item must be { code, modifiers?, service? }';
    if (typeof item.code !== 'string' || !CODE_TOKEN.test(item.code)) return `"${String(item.code).slice(0, 12)}" is not a code`;
    const mods = item.modifiers;
    if (mods !== undefined && (!Array.isArray(mods) || mods.length > MAX_MODIFIERS || !mods.every((m) => typeof m === 'string' && MODIFIER.test(m)))) {
      return `modifiers must be up to ${MAX_MODIFIERS} two-character modifiers`;
    }
    if (item.service !== undefined) {
      const problem = serviceDateProblem(item.service);
      if (problem) return problem;
    }
  }
  return undefined;
}

export function checkFrameToken(token: unknown): string | undefined {
  return typeof token === 'string' && FRAME_TOKEN.test(token) ? undefined : 'token must be 8 to 64 letters, digits or dashes';
}

/** Most frames deep a frame tooltip may come from. */
const MAX_FRAME_DEPTH = 32;

/** showInTopFrame / showFrameTooltip: a token, items, a finite box, a path of frame indices. */
export function checkFrameTooltip(p: Record<string, unknown>): string | undefined {
  if (!onlyKeys(p, ['token', 'items', 'anchor', 'path'])) return 'unexpected parameter';
  const problem = checkFrameToken(p.token) ?? checkLookupItems(p.items);
  if (problem) return problem;
  const a = p.anchor;
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e6;
  if (!isObject(a) || !onlyKeys(a, ['left', 'top', 'width', 'height']) || ![a.left, a.top, a.width, a.height].every(finite)) return 'anchor must be a box of finite numbers';
  const path = p.path;
  if (!Array.isArray(path) || path.length === 0 || path.length > MAX_FRAME_DEPTH || !path.every((i) => Number.isInteger(i) && i >= 0 && i < 10_000)) return `path must be 1 to ${MAX_FRAME_DEPTH} frame indices`;
  return undefined;
}
