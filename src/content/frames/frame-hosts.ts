/**
 * The hosts whose site rules apply to this frame: its own (for about:blank
 * and srcdoc frames, the origin they inherit) and the top page's, so
 * "disable on this site" also quiets the frames of that site's pages. The
 * top page's host comes from the worker, which knows the tab's URL
 * (`tabHost`): Firefox has no location.ancestorOrigins, and Chromium empties
 * it for a frame loaded with referrerpolicy="no-referrer".
 */
export function frameHosts(win: Window, tabHost?: string): string[] {
  const hosts = new Set<string>();
  const own = hostOf(win.origin) ?? win.location.host;
  hosts.add(own);
  if (tabHost) hosts.add(tabHost);
  return [...hosts];
}

function hostOf(origin: string): string | undefined {
  if (!origin || origin === 'null') return undefined;
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
