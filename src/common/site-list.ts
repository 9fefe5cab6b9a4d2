/**
 * The site rules as the options page shows them: one host pattern a line.
 * Pure, so what counts as a valid line is unit-tested.
 */
import { isHostPattern, normaliseHostPattern } from './host-pattern';
import { MAX_SITES } from './settings';

export interface SiteListResult {
  /** Normalised, without duplicates or blank lines. */
  sites: string[];
  /** One sentence per line that is not a host pattern. */
  errors: string[];
}

export function parseSiteList(text: string): SiteListResult {
  const sites: string[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const pattern = normaliseHostPattern(line);
    if (!isHostPattern(pattern)) errors.push(`Line ${i + 1}: “${line.trim().slice(0, 60)}” is not a host name or pattern.`);
    else if (!sites.includes(pattern)) sites.push(pattern);
  });
  if (sites.length > MAX_SITES) errors.push(`At most ${MAX_SITES} sites: remove ${sites.length - MAX_SITES}.`);
  return { sites, errors };
}
