/**
 * Reads a Chromium NetLog (--log-net-log, written when the browser closes):
 * every URL request the network service handled for any process of the
 * browser (pages, frames, service workers, extension pages, the browser
 * itself), with who initiated it.
 */
import { readFileSync } from 'node:fs';

export interface LoggedRequest {
  url: string;
  method: string;
  /** The origin that made the request, or "not an origin" for the browser's own and for navigations typed or opened by the browser. */
  initiator: string;
  /** "main frame", "sub frame" (navigations) or "other". */
  requestType: string;
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: Record<string, unknown> }[];
}

export function readNetLog(path: string): LoggedRequest[] {
  const log = JSON.parse(readFileSync(path, 'utf8')) as NetLog;
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const requests: LoggedRequest[] = [];
  for (const e of log.events) {
    const p = e.params;
    if (e.type !== startJob || typeof p?.url !== 'string') continue;
    requests.push({ url: p.url, method: String(p.method), initiator: String(p.initiator ?? 'not an origin'), requestType: String(p.request_type ?? 'other') });
  }
  return requests;
}

const LOCAL_HOST = '127.0.0.1';

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Requests that could be the extension's:
 * - anything its own pages or worker asked for (initiator chrome-extension://<id>)
 *   other than its own packaged files;
 * - anything a page, a frame or a content script asked for (a content script's
 *   requests carry the page's origin) from a host other than the fixture server's;
 * - any navigation to such a host (an extension can open tabs and windows).
 * What is left is the browser's own background traffic (initiator "not an
 * origin", not a navigation): with this extension's permissions it cannot
 * make the browser fetch anything else on its behalf.
 */
export function suspectRequests(requests: readonly LoggedRequest[], extensionId: string): LoggedRequest[] {
  const own = `chrome-extension://${extensionId}`;
  return requests.filter((r) => {
    if (r.initiator === own) return !r.url.startsWith(`${own}/`);
    const local = hostOf(r.url) === LOCAL_HOST || r.url.startsWith(`${own}/`);
    const navigation = r.requestType === 'main frame' || r.requestType === 'sub frame';
    return !local && (r.initiator !== 'not an origin' || navigation);
  });
}

/** The browser's own background requests, by host, for the test's report. */
export function browserOwnHosts(requests: readonly LoggedRequest[], extensionId: string): string[] {
  const suspect = new Set(suspectRequests(requests, extensionId));
  return [...new Set(requests.filter((r) => !suspect.has(r) && hostOf(r.url) !== LOCAL_HOST).map((r) => hostOf(r.url) ?? r.url))].sort();
}
