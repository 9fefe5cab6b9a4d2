/**
 * Site rules name hosts: "portal.example.com" is that host alone,
 * "*.example.com" is example.com and every host under it (as in browser match
 * patterns). A port may follow ("intranet:8443"); without one any port matches.
 */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const PATTERN = new RegExp(`^(\\*\\.)?(${LABEL}(?:\\.${LABEL})*)(?::(\\d{1,5}))?$`);

export function isHostPattern(pattern: string): boolean {
  return pattern.length <= 253 && PATTERN.test(pattern);
}

/** Lower-cases and trims what a user typed, dropping a scheme or path pasted with it. */
export function normaliseHostPattern(input: string): string {
  let text = input.trim().toLowerCase();
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  text = text.replace(/[/?#].*$/, '');
  return text.replace(/\.$/, '');
}

/** Does the page at `host` (hostname, optionally with :port) fall under the pattern? */
export function hostMatches(pattern: string, host: string): boolean {
  const p = PATTERN.exec(pattern);
  if (!p) return false;
  const [hostname = '', port] = host.toLowerCase().split(':');
  if (p[3] !== undefined && p[3] !== port) return false;
  const domain = p[2]!;
  return p[1] ? hostname === domain || hostname.endsWith(`.${domain}`) : hostname === domain;
}

/** Whether the extension should run on a page, given the user's site rules. */
export function siteAllowed(mode: 'all-except' | 'only-listed', sites: readonly string[], host: string): boolean {
  const listed = sites.some((pattern) => hostMatches(pattern, host));
  return mode === 'all-except' ? !listed : listed;
}
