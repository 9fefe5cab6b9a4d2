/**
 * The hosts whose site rules apply to this frame: its own (for about:blank
 * and srcdoc frames, the origin they inherit) and the top page's, so
 * "disable on this site" also quiets the frames of that site's pages.
 */
export function frameHosts(win: Window): string[] {
  const hosts = new Set<string>();
  const own = hostOf(win.origin) ?? win.location.host;
  hosts.add(own);
  const ancestors = win.location.ancestorOrigins;
  const top = ancestors && ancestors.length > 0 ? hostOf(ancestors[ancestors.length - 1]!) : undefined;
  if (top) hosts.add(top);
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
