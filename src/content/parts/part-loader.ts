/**
 * Asks the worker for a part of the session this frame does not have yet
 * (common/content-parts.ts) and gives its exports once it is there. One
 * request per part at a time; a failed one may be asked again later. The
 * wait is bounded: a caller that needs the part to answer (a date of service
 * for a tooltip) answers without it rather than never.
 */
import type { ContentPart } from '../../common/content-parts';
import { sendToBackground } from '../../common/send';
import { registeredPart, type PartExports } from './part-registry';

/** A worker that does not inject the part by then is taken to have failed (a hang, not a slow machine). */
const LOAD_LIMIT_MS = 10_000;

const loading = new Map<ContentPart, Promise<unknown>>();

export function loadPart<K extends ContentPart>(part: K): Promise<PartExports[K] | undefined> {
  const there = registeredPart(part);
  if (there) return Promise.resolve(there);
  let pending = loading.get(part) as Promise<PartExports[K] | undefined> | undefined;
  if (!pending) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, LOAD_LIMIT_MS, undefined)));
    const asked = sendToBackground('loadContentPart', { part }).then(
      () => registeredPart(part),
      () => undefined,
    );
    pending = Promise.race([asked, limit]).then((exports) => {
      clearTimeout(timer);
      loading.delete(part);
      return exports;
    });
    loading.set(part, pending);
  }
  return pending;
}
