/**
 * "Show tooltips on this site" in the popup, as a change to the site rules.
 * Pure, so each case is unit-tested.
 *
 * The popup adds or removes the site's own host name. A wider rule the user
 * wrote (`*.example.com`) is never rewritten from the popup: it is named, so
 * the user can change it in the options.
 */
import { hostMatches, isHostPattern, siteAllowed } from './host-pattern';
import { MAX_SITES, type Settings } from './settings';

type SiteRules = Pick<Settings, 'siteMode' | 'sites'>;

export interface SiteToggleResult {
  sites: string[];
  /** Whether tooltips show on the site once the change is made. */
  allowed: boolean;
  /** Rules other than the host itself that still decide for the site. */
  coveredBy: string[];
}

/** The host name a rule for this page names, or undefined for pages without one (file:, browser pages). */
export function siteHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    const host = hostname.replace(/\.$/, '');
    // A host no rule can name (an IPv6 address) has no per-site switch.
    return (protocol === 'http:' || protocol === 'https:') && isHostPattern(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

export function toggleSite(rules: SiteRules, host: string, show: boolean): SiteToggleResult {
  const listed = rules.siteMode === 'only-listed';
  // In "all except" the list blocks, in "only listed" it allows.
  const wantListed = listed ? show : !show;
  let sites = rules.sites.filter((pattern) => pattern !== host);
  if (wantListed && !sites.some((p) => hostMatches(p, host)) && sites.length < MAX_SITES) sites = [...sites, host];
  return { sites, allowed: siteAllowed(rules.siteMode, sites, host), coveredBy: sites.filter((p) => p !== host && hostMatches(p, host)) };
}

export function siteState(rules: SiteRules, host: string): SiteToggleResult {
  return { sites: [...rules.sites], allowed: siteAllowed(rules.siteMode, rules.sites, host), coveredBy: rules.sites.filter((p) => p !== host && hostMatches(p, host)) };
}
